import { signInForTools } from './sign-in';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { startBridge, type Bridge } from '../bridge/server';
import { chromiumLaunchOptions } from '../e2e/support/browser';
import { buildApp, installPageTools, seedInPage } from './page-tools';
import type { SeedReport } from './page/seed-entry';

export interface BenchBrowser {
  bridge: Bridge;
  context: BrowserContext;
  /** The Chromium profile folder (its IndexedDB files tell when Chromium is idle). */
  profile: string;
  /** Logs a page's errors and console errors, and answers the page. */
  watch(page: Page): Page;
  close(): Promise<void>;
}

/**
 * What every benchmark runs in: a fresh build of the app served by the bridge, and a headless Chromium with
 * its own throw-away profile (precise memory info on, for heap figures). `close` removes all of it.
 */
export async function openBenchBrowser(name: string, log: (line: string) => void): Promise<BenchBrowser> {
  const launch = chromiumLaunchOptions();
  if (!launch.executablePath) throw new Error('Chromium is not installed (apt-get install chromium, or set ARYZ_CHROMIUM).');
  const rendererDir = buildApp(log);
  const bridge = await startBridge({ log, rendererDir });
  const profile = mkdtempSync(path.join(tmpdir(), `aryz-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: launch.executablePath,
    args: [...launch.args, '--enable-precise-memory-info'],
    headless: true,
  });
  const watch = (page: Page) => {
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') log(`console error: ${message.text()}`);
    });
    return page;
  };
  return {
    bridge,
    context,
    profile,
    watch,
    close: async () => {
      await context.close();
      await bridge.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}

/**
 * Seeds `cases` synthetic cases in a page that stays open to the end, its connection to the database with
 * it: when the last one closes, Chromium compacts the freshly written database before anyone may open it
 * again, which at 100,000 cases holds up the app's start for minutes. It seeds from the settings screen,
 * which reads no cases (the list and the queue would re-count after every chunk written).
 */
export async function seedFromSettings(browser: BenchBrowser, toolsSource: string, cases: number, seed: number, log: (line: string) => void): Promise<{ seeder: Page; report: SeedReport }> {
  const { context, bridge } = browser;
  const seeder = browser.watch(context.pages()[0] ?? (await context.newPage()));
  await seeder.goto(bridge.url);
  await signInForTools(seeder);
  await seeder.goto(`${bridge.origin}/#/settings`);
  await installPageTools(seeder, toolsSource);
  log(`seeding ${cases} cases (seed ${seed}) into ${bridge.origin} …`);
  const report = await seedInPage(seeder, cases, seed, (done, total, ms) => {
    log(`  seeded ${String(done).padStart(String(total).length)} / ${total}  ${(ms / 1000).toFixed(1)} s  (${Math.round(done / (ms / 1000) || 0)} cases/s)`);
  });
  log(`seeding took ${(report.ms / 1000).toFixed(1)} s (${report.firstNumber} … ${report.lastNumber})`);
  return { seeder, report };
}

/** The app's start-up milestones (its `aryz:` performance marks, see renderer/src/main.tsx), in ms from navigation. */
export function startMilestones(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('aryz:'))
        .map((m) => [m.name.slice('aryz:'.length), m.startTime]),
    ),
  );
}

/** «modules-evaluated 170 ms, database-open 206 ms, …»: each milestone's median over several loads. */
export function describeMilestones(loads: readonly Record<string, number>[]): string {
  const names = [...new Set(loads.flatMap((l) => Object.keys(l)))];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  return names
    .map((name) => ({ name, ms: median(loads.flatMap((l) => (name in l ? [l[name]!] : []))) }))
    .sort((a, b) => a.ms - b.ms)
    .map(({ name, ms }) => `${name} ${ms.toFixed(0)} ms`)
    .join(', ');
}
