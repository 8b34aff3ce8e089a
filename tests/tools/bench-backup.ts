import { signInForTools } from './sign-in';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mulberry32 } from '../../shared/seed/random';
import { startBridge, type Bridge } from '../bridge/server';
import { chromiumLaunchOptions } from '../e2e/support/browser';
import { waitUntilIdle } from './chromium-metrics';
import { buildApp, installPageTools, pageErrorMessage, pageToolsSource, parseArgs, positiveInt, seedInPage } from './page-tools';

/**
 * `npm run bench:backup -- [--cases N] [--attachments-mb A] [--seed S]`: seeds N cases into real IndexedDB in headless
 * Chromium through browser mode and puts A MB of attachments in the store, backs up through the backup screen, restores
 * that file through the restore screen into an EMPTY profile served by a second bridge with an empty data dir, and
 * compares every table (row count and a SHA-256 over every row in key order) and every attachment. Details go to
 * stderr; stdout ends with exactly one line:
 *   backup cases=<n> attachments_mb=<a> backup_s=<x> restore_s=<y> roundtrip=<exact|DIFF>
 */

const USAGE = 'usage: npm run bench:backup -- [--cases N] [--attachments-mb A] [--seed S]';
const PASSPHRASE = 'bench passphrase, long enough';
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Per table: row count and a digest over the rows in primary-key order, computed in the page. */
async function tableDigests(page: Page): Promise<Record<string, { rows: number; sha256: string }>> {
  // tsx keeps function names with an `__name` helper that exists only in Node; give the page a no-op one.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(async () => {
    const name = localStorage.getItem('aryz-active-db') || 'aryz';
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const store of [...idb.objectStoreNames]) {
      const batchDigests: string[] = [];
      let rows = 0;
      let lower: IDBValidKey | null = null;
      for (;;) {
        const range = lower === null ? undefined : IDBKeyRange.lowerBound(lower, true);
        const [keys, values] = await new Promise<[IDBValidKey[], unknown[]]>((resolve, reject) => {
          const tx = idb.transaction(store);
          const s = tx.objectStore(store);
          const k = s.getAllKeys(range, 5000);
          const v = s.getAll(range, 5000);
          tx.oncomplete = () => resolve([k.result, v.result]);
          tx.onerror = () => reject(tx.error);
        });
        if (keys.length === 0) break;
        rows += keys.length;
        const text = JSON.stringify(keys.map((key, i) => [key, values[i]]));
        batchDigests.push(hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
        lower = keys[keys.length - 1]!;
      }
      out[store] = { rows, sha256: hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(batchDigests.join('')))) };
    }
    idb.close();
    return out;
  });
}

/** A PNG's signature: the store reads back (and the restored side's API answers) only what is typed as a scan. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Pseudo-scans, named by their hash as an earlier version kept them (plain): the backup reads them as they are,
 * the restore stores them sealed.
 */
function writeAttachments(dataDir: string, totalMb: number, seed: number): number {
  const dir = path.join(dataDir, 'attachments');
  mkdirSync(dir, { recursive: true });
  const random = mulberry32(seed);
  let bytes = 0;
  while (bytes < totalMb * 1024 * 1024) {
    const size = Math.max(PNG_SIGNATURE.length + 1, Math.min(totalMb * 1024 * 1024 - bytes, random.int(200_000, 2_500_000)));
    const data = Buffer.concat([PNG_SIGNATURE, randomBytes(size - PNG_SIGNATURE.length)]);
    writeFileSync(path.join(dir, createHash('sha256').update(data).digest('hex')), data);
    bytes += size;
  }
  return bytes;
}

/** The source's plain store: each file's name and the hash of its content. */
function storeDigest(dataDir: string): string {
  const dir = path.join(dataDir, 'attachments');
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) hash.update(`${name}:${createHash('sha256').update(readFileSync(path.join(dir, name))).digest('hex')}\n`);
  return hash.digest('hex');
}

/** The same digest of a restored store, which is sealed on disk: read back through the signed-in page. */
async function restoredStoreDigest(page: Page, names: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const name of [...names].sort()) {
    const data = await page.evaluate(async (sha256) => {
      const read = await window.aryz!.readAttachment({ sha256 });
      return read.ok && read.value.status === 'ok' ? read.value.dataBase64 : null;
    }, name);
    hash.update(`${name}:${data === null ? 'missing' : createHash('sha256').update(Buffer.from(data, 'base64')).digest('hex')}\n`);
  }
  return hash.digest('hex');
}

/** Logs when each phase of the progress bar first shows, relative to `t0` (where the time goes), and each new time-left estimate. */
function watchPhases(page: Page, t0: number, label: string): () => void {
  const seen = new Set<string>();
  let lastLeft: string | null = null;
  let active = true;
  void (async () => {
    while (active) {
      const [phase, left] = await page
        .evaluate(() => [document.querySelector('.backup-progress')?.getAttribute('data-phase') ?? null, document.querySelector('.backup-progress .time-left')?.textContent ?? null])
        .catch(() => [null, null]);
      const at = `${((Date.now() - t0) / 1000).toFixed(1)} s`;
      if (phase && !seen.has(phase)) {
        seen.add(phase);
        log(`  ${label} phase ${phase} from ${at}`);
      }
      // The estimate the caseworker sees, each time it changes, to judge it against the real end.
      if (left && left !== lastLeft) {
        lastLeft = left;
        log(`  ${label} at ${at}: «${left}»`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return () => {
    active = false;
  };
}

async function openApp(context: BrowserContext, bridge: Bridge, route: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  await page.goto(bridge.url);
  await signInForTools(page);
  await page.goto(`${bridge.origin}/#${route}`);
  // A first setup through the API leaves the page on its sign-in screen: a reload resumes the new session.
  await page.reload();
  return page;
}

async function main(): Promise<void> {
  let cases: number;
  let attachmentsMb: number;
  let seed: number;
  try {
    const args = parseArgs(process.argv.slice(2), ['cases', 'attachments-mb', 'seed']);
    cases = positiveInt(args.get('cases'), 'cases', 100_000);
    attachmentsMb = positiveInt(args.get('attachments-mb'), 'attachments-mb', 50);
    seed = positiveInt(args.get('seed'), 'seed', 1);
  } catch (error) {
    log(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const launch = chromiumLaunchOptions();
  if (!launch.executablePath) throw new Error('Chromium is not installed (apt-get install chromium, or set ARYZ_CHROMIUM).');
  const rendererDir = buildApp(log);
  const source = await pageToolsSource();
  const source1 = await startBridge({ log, rendererDir });
  const target = await startBridge({ log, rendererDir });
  const profileA = mkdtempSync(path.join(tmpdir(), 'aryz-bench-backup-a-'));
  const profileB = mkdtempSync(path.join(tmpdir(), 'aryz-bench-backup-b-'));
  const contextA = await chromium.launchPersistentContext(profileA, { executablePath: launch.executablePath, args: launch.args, headless: true });
  let contextB: BrowserContext | null = null;
  const started = Date.now();
  try {
    // The seeding page stays open to the end (see bench-search: closing its connection triggers a long compaction).
    const seeder = contextA.pages()[0] ?? (await contextA.newPage());
    seeder.on('pageerror', (error) => log(`page error: ${error.message}`));
    await seeder.goto(source1.url);
    await signInForTools(seeder);
    await seeder.goto(`${source1.origin}/#/settings`);
    await installPageTools(seeder, source);
    log(`seeding ${cases} cases (seed ${seed}) …`);
    const report = await seedInPage(seeder, cases, seed, (done, total, ms) => {
      if (done % 20_000 === 0 || done === total) log(`  seeded ${done} / ${total}  ${(ms / 1000).toFixed(1)} s`);
    });
    log(`seeding took ${(report.ms / 1000).toFixed(1)} s`);
    const attachmentBytes = writeAttachments(source1.dataDir, attachmentsMb, seed);
    log(`attachments: ${(attachmentBytes / 1024 / 1024).toFixed(1)} MB in ${readdirSync(path.join(source1.dataDir, 'attachments')).length} files`);
    log(`waited ${((await waitUntilIdle(profileA, 8 * 60_000, 10)) / 1000).toFixed(0)} s for Chromium to finish compacting`);

    const page = await openApp(contextA, source1, '/settings/backup');
    const passphraseSaved = await page.evaluate((p) => window.aryz!.setBackupPassphrase({ passphrase: p }), PASSPHRASE);
    if (!passphraseSaved.ok) throw new Error('could not set the passphrase');
    await page.reload();
    const before = await tableDigests(page);
    log(`source tables: ${Object.entries(before).map(([t, d]) => `${t}=${d.rows}`).join(' ')}`);

    const t0 = Date.now();
    const stopBackupWatch = watchPhases(page, t0, 'backup');
    await page.getByRole('button', { name: 'Создать копию сейчас' }).click();
    const outcome = page.getByTestId('backup-outcome');
    await outcome.getByText(/Копия создана|копи|Недостаточно|Ошибка/).waitFor({ timeout: 15 * 60_000 });
    const backupS = (Date.now() - t0) / 1000;
    stopBackupWatch();
    const text = (await outcome.textContent()) ?? '';
    const fileName = /(aryz-backup-[\d_-]+\.aryzbak)/.exec(text)?.[1];
    if (!fileName) throw new Error(`backup failed: ${text}`);
    const file = path.join(source1.dataDir, 'backups', fileName);
    log(`backup: ${fileName}, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB in ${backupS.toFixed(1)} s`);

    contextB = await chromium.launchPersistentContext(profileB, { executablePath: launch.executablePath, args: launch.args, headless: true });
    const restorePage = await openApp(contextB, target, '/settings/backup');
    await restorePage.getByRole('heading', { name: 'Восстановление из копии' }).waitFor();
    const chooser = restorePage.waitForEvent('filechooser');
    await restorePage.getByRole('button', { name: 'Выбрать файл копии…' }).click();
    await (await chooser).setFiles(file);
    await restorePage.getByLabel('Пароль этой копии').fill(PASSPHRASE);
    await restorePage.getByRole('button', { name: 'Открыть копию' }).click();
    await restorePage.getByRole('button', { name: 'Восстановить из этой копии' }).waitFor({ timeout: 60_000 });
    const t1 = Date.now();
    // The restore is complete when the page switches to the new database, which it does by reloading; reopening the
    // app on 100,000 fresh rows waits for Chromium's compaction of them and is reported apart.
    const switched = restorePage.waitForRequest((request) => request.isNavigationRequest(), { timeout: 15 * 60_000 }).then(() => Date.now());
    const stopRestoreWatch = watchPhases(restorePage, t1, 'restore');
    await restorePage.getByRole('button', { name: 'Восстановить из этой копии' }).click();
    const note = restorePage.getByTestId('restore-note');
    await note.getByText(/./).waitFor({ timeout: 15 * 60_000 });
    stopRestoreWatch();
    const shown = Date.now();
    const restoredText = (await note.textContent()) ?? '';
    const switchedAt = await Promise.race([switched, Promise.resolve(shown)]);
    const restoreS = (switchedAt - t1) / 1000;
    log(`restore: «${restoredText}»: switched after ${restoreS.toFixed(1)} s, app reopened on it after another ${((shown - switchedAt) / 1000).toFixed(1)} s`);

    const after = await tableDigests(restorePage);
    const diffs = Object.keys({ ...before, ...after }).filter((t) => before[t]?.rows !== after[t]?.rows || before[t]?.sha256 !== after[t]?.sha256);
    for (const t of diffs) log(`DIFF ${t}: source ${JSON.stringify(before[t])} restored ${JSON.stringify(after[t])}`);
    const attachmentsSame = storeDigest(source1.dataDir) === (await restoredStoreDigest(restorePage, readdirSync(path.join(source1.dataDir, 'attachments'))));
    if (!attachmentsSame) log('DIFF attachments: the restored store differs');
    const exact = diffs.length === 0 && attachmentsSame && restoredText.includes('восстановлены');
    log(`targets: backup ≤ 30 s ${backupS <= 30 ? 'met' : 'MISSED'}; restore ≤ 30 s ${restoreS <= 30 ? 'met' : 'MISSED'}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(
      `backup cases=${cases} attachments_mb=${(attachmentBytes / 1024 / 1024).toFixed(0)} backup_s=${backupS.toFixed(1)} restore_s=${restoreS.toFixed(1)} roundtrip=${exact ? 'exact' : 'DIFF'}`,
    );
    if (!exact) process.exitCode = 1;
  } finally {
    await contextA.close();
    await contextB?.close();
    await source1.close();
    await target.close();
    for (const dir of [profileA, profileB, rendererDir, source1.dataDir, target.dataDir]) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(pageErrorMessage(error));
  process.exit(1);
});
