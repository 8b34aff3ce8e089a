import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { startBridge } from '../bridge/server';
import { chromiumLaunchOptions } from '../e2e/support/browser';
import { heapUsedMb, waitUntilIdle } from './chromium-metrics';
import { buildApp, installPageTools, pageErrorMessage, pageToolsSource, parseArgs, positiveInt, ROOT, seedInPage } from './page-tools';
import type { QueueTools } from './page/queue-entry';

/**
 * `npm run bench:queue -- [--cases N] [--seed S] [--share P]`: seeds N cases into real IndexedDB in a fresh
 * headless Chromium through browser mode (the seed of `npm run bench:search`), adds requests and register
 * checks to P % of the open cases (default 30) and recomputes their deadlines with the app's code, then
 * reloads the app at `#/queue` and times navigation → the work queue's rows painted (median of 3), and reads
 * the JS heap. Details go to stderr; stdout ends with exactly one line:
 *   queue cases=<n> render_ms=<x> heap_mb=<m>
 */

const USAGE = 'usage: npm run bench:queue -- [--cases N] [--seed S] [--share PERCENT]';
const TARGET_MS = 200;
const log = (line: string) => process.stderr.write(`${line}\n`);
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

type QueueWindow = Window & { __aryzQueueTools: QueueTools; __queueRowsAt?: number; __shellAt?: number; __countsAt?: number };

async function queueToolsSource(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'page/queue-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function installQueueTools(page: Page, source: string): Promise<void> {
  await page.evaluate(source);
  if (!(await page.evaluate(() => typeof (window as unknown as Partial<QueueWindow>).__aryzQueueTools === 'object'))) {
    throw new Error('queue tools did not install');
  }
}

/**
 * Records when the queue's rows are in the DOM and painted, from navigation start; and, for the log, when
 * the app's shell first was (what any screen costs before it reads a single case) and when every count was in.
 */
function watchQueueRows(): void {
  // Serialised into the page as it is: no inner named functions (tsx would wrap them in a helper the page lacks).
  const w = window as unknown as { __queueRowsAt?: number; __shellAt?: number; __countsAt?: number };
  let rowsSeen = false;
  const observer = new MutationObserver(() => {
    if (w.__shellAt === undefined && document.querySelector('.layout')) w.__shellAt = performance.now();
    if (!rowsSeen && document.querySelector('.work-queue .queue-section')) {
      rowsSeen = true;
      requestAnimationFrame(() => {
        w.__queueRowsAt = performance.now();
      });
    }
    const headings = [...document.querySelectorAll('.queue-section h2')];
    if (rowsSeen && headings.length > 0 && headings.every((h) => !h.textContent?.includes('(…)'))) {
      observer.disconnect();
      requestAnimationFrame(() => {
        w.__countsAt = performance.now();
      });
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

interface Load {
  rows: number;
  shell: number;
  counts: number;
}

async function queueRender(page: Page, origin: string): Promise<Load> {
  await page.goto('about:blank');
  await page.goto(`${origin}/#/queue`);
  await page.waitForFunction(() => (window as unknown as QueueWindow).__countsAt !== undefined, null, { timeout: 120_000 });
  await page.locator('.queue-row').first().waitFor({ state: 'visible' });
  return page.evaluate(() => {
    const w = window as unknown as QueueWindow;
    return { rows: w.__queueRowsAt!, shell: w.__shellAt!, counts: w.__countsAt! };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

async function main(): Promise<void> {
  let cases: number;
  let seed: number;
  let share: number;
  try {
    const args = parseArgs(process.argv.slice(2), ['cases', 'seed', 'share']);
    cases = positiveInt(args.get('cases'), 'cases', 100_000);
    seed = positiveInt(args.get('seed'), 'seed', 1);
    share = positiveInt(args.get('share'), 'share', 30);
    if (cases < 1) throw new Error('--cases must be at least 1');
    if (share > 100) throw new Error('--share is a percentage, 0 to 100');
  } catch (error) {
    log(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const launch = chromiumLaunchOptions();
  if (!launch.executablePath) throw new Error('Chromium is not installed (apt-get install chromium, or set ARYZ_CHROMIUM).');
  buildApp(log);
  const [seedSource, queueSource] = await Promise.all([pageToolsSource(), queueToolsSource()]);
  // A private copy of the build: a rebuild of out/ during the run (another terminal, a test run) would
  // otherwise swap the assets under the page between seeding and the timed loads.
  const rendererDir = mkdtempSync(path.join(tmpdir(), 'aryz-bench-queue-app-'));
  cpSync(path.join(ROOT, 'out/renderer'), rendererDir, { recursive: true });
  const bridge = await startBridge({ log, rendererDir });
  const profile = mkdtempSync(path.join(tmpdir(), 'aryz-bench-queue-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: launch.executablePath,
    args: [...launch.args, '--enable-precise-memory-info'],
    headless: true,
  });
  const started = Date.now();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') log(`console error: ${message.text()}`);
    });
    await page.goto(bridge.url);
    await installPageTools(page, seedSource);

    log(`seeding ${cases} cases (seed ${seed}) into ${bridge.origin} …`);
    const report = await seedInPage(page, cases, seed, (done, total, ms) => {
      log(`  seeded ${String(done).padStart(String(total).length)} / ${total}  ${(ms / 1000).toFixed(1)} s`);
    });
    log(`seeding took ${(report.ms / 1000).toFixed(1)} s`);

    await installQueueTools(page, queueSource);
    const progress = `__aryzQueueProgress${Date.now()}`;
    await page.exposeFunction(progress, (done: number, total: number, ms: number) => {
      log(`  correspondence: ${String(done).padStart(String(total).length)} / ${total} cases scanned  ${(ms / 1000).toFixed(1)} s`);
    });
    const tracking = await page
      .evaluate(([p, s, n]) => (window as unknown as QueueWindow).__aryzQueueTools.addTracking(p, s, n), [share / 100, seed, progress] as const)
      .catch((error: unknown) => {
        throw new Error(pageErrorMessage(error));
      });
    log(`added ${tracking.requests} requests and ${tracking.checks} checks to ${tracking.cases} open cases in ${(tracking.ms / 1000).toFixed(1)} s`);

    // A fresh page: nothing from seeding stays in memory or caches.
    await page.goto('about:blank');
    const waited = await waitUntilIdle(profile, 6 * 60_000);
    log(`waited ${(waited / 1000).toFixed(0)} s for Chromium to finish compacting the new data`);
    // One untimed load first, as a caseworker's first start after an update: the database opens and upgrades.
    await page.goto(`${bridge.origin}/#/queue`);
    await page.locator('.queue-row').first().waitFor({ state: 'visible', timeout: 120_000 });
    await waitUntilIdle(profile, 60_000);

    await installQueueTools(page, queueSource);
    const timings = await page.evaluate(() => (window as unknown as QueueWindow).__aryzQueueTools.queueTimings());
    log(`buckets on ${timings.today} (count, then the first 100 rows, each on its own):`);
    for (const b of timings.buckets) log(`  ${b.bucket.padEnd(9)} ${String(b.count).padStart(7)} cases  count ${fmt(b.countMs).padStart(5)} ms  rows ${fmt(b.rowsMs).padStart(5)} ms`);
    log(`as the screen reads them: every bucket's rows ${fmt(timings.rowsMs)} ms, then the counts ${fmt(timings.countsMs)} ms`);
    const empty = timings.buckets.filter((b) => b.count === 0).map((b) => b.bucket);
    if (empty.length > 0) log(`warning: empty buckets (${empty.join(', ')}): the data does not exercise every query`);

    await page.addInitScript(watchQueueRows);
    const loads: Load[] = [];
    for (let i = 0; i < 3; i++) loads.push(await queueRender(page, bridge.origin));
    const list = (key: keyof Load) => loads.map((l) => fmt(l[key])).join(', ');
    log(`from navigation: the app's shell ${list('shell')} ms; the queue's rows ${list('rows')} ms (median reported); every count ${list('counts')} ms`);
    const heap = await heapUsedMb(context, page);
    const renderMs = median(loads.map((l) => l.rows));

    log(`target: render ≤ ${TARGET_MS} ms ${renderMs <= TARGET_MS ? 'met' : 'MISSED'}`);
    log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(`queue cases=${cases} render_ms=${fmt(renderMs)} heap_mb=${fmt(heap)}`);
  } finally {
    await context.close();
    await bridge.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(rendererDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(pageErrorMessage(error));
  process.exit(1);
});
