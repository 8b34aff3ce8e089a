import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startBridge } from '../../bridge/server';
import { chromiumLaunchOptions } from '../../e2e/support/browser';
import { generateCase } from '../../../shared/seed/generate';
import { scanForValues, type AtRestHit } from '../at-rest-scan';
import { buildApp, installPageTools, pageToolsSource, seedInPage } from '../page-tools';
import { signInForTools } from '../sign-in';
import { ADMIN } from '../../e2e/support/sign-in';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface AtRestReport {
  cases: number;
  values: number;
  hits: AtRestHit[];
  /** Hits per kind of value. */
  byKind: Record<'pin' | 'document' | 'surname', number>;
}

/**
 * The at-rest step of `npm run prove`: seeds `count` synthetic cases through the app in a persistent Chromium
 * profile against a bridge with an empty data folder, closes the browser, and scans the profile's IndexedDB files
 * and the data folder for every seeded ПИН, document number and surname, in UTF-8 and UTF-16LE.
 */
export async function atRestScan(count: number, log: (line: string) => void, seed = 7): Promise<AtRestReport> {
  const launch = chromiumLaunchOptions();
  if (!launch.executablePath) throw new Error('Chromium is not installed (apt-get install chromium, or set ARYZ_CHROMIUM)');
  const home = mkdtempSync(path.join(tmpdir(), 'aryz-at-rest-'));
  const profile = path.join(home, 'profile');
  const rendererDir = buildApp(log);
  const bridge = await startBridge({ port: await freePort(), rendererDir, dataDir: path.join(home, 'data'), log });
  try {
    let options;
    const context = await chromium.launchPersistentContext(profile, { executablePath: launch.executablePath, args: launch.args, headless: true });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(bridge.url);
      await signInForTools(page);
      await page.goto(`${bridge.origin}/#/settings`);
      await installPageTools(page, await pageToolsSource());
      const started = Date.now();
      const report = await seedInPage(page, count, seed, (done, total) => {
        if (done === total || done % 2000 === 0) log(`  seeded ${done} / ${total}`);
      });
      options = report.options;
      log(`  ${report.created} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      // The app opens the rows it shows: the work queue reads and decrypts a page of them.
      await page.goto(`${bridge.origin}/#/queue`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    } finally {
      await context.close();
    }
    // Staff names (the caseworkers, the administrator) stay plain by decision (data/at-rest/fields.ts); a
    // seeded surname that is part of one would be found there, not in a person's data.
    const staff = [...(options?.caseworkers ?? []), ADMIN.name];
    const kinds = new Map<string, 'pin' | 'document' | 'surname'>();
    for (let i = 0; i < count; i++) {
      const { form } = generateCase(i, count, seed, options);
      if (form.person.pin) kinds.set(form.person.pin, 'pin');
      for (const d of form.documents) kinds.set(d.number, 'document');
      for (const name of [form.person.nameRu, form.person.nameKy, form.person.nameLat]) {
        if (name.surname.length >= 4 && !staff.some((who) => who.includes(name.surname))) kinds.set(name.surname, 'surname');
      }
    }
    const t0 = Date.now();
    const hits = scanForValues([path.join(profile, 'Default', 'IndexedDB'), bridge.dataDir], [...kinds.keys()]);
    log(`  scanned for ${kinds.size} values in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const byKind = { pin: 0, document: 0, surname: 0 };
    for (const hit of hits) byKind[kinds.get(hit.value)!]++;
    return { cases: count, values: kinds.size, hits, byKind };
  } finally {
    await bridge.close();
    rmSync(rendererDir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}
