import path from 'node:path';
import type { Page } from '@playwright/test';
import { pageScript } from './page-script';
import { describeMilestones, openBenchBrowser, seedFromSettings, startMilestones } from './bench-browser';
import { heapUsedMb, waitUntilIdle } from './chromium-metrics';
import { pageErrorMessage, pageToolsSource, parseArgs, positiveInt } from './page-tools';
import type { QueueTools } from './page/queue-entry';

/**
 * `npm run bench:queue -- [--cases N] [--seed S] [--share P]`: seeds N cases into real IndexedDB in a fresh
 * headless Chromium through browser mode (the seed of `npm run bench:search`), adds requests and register
 * checks to P % of the open cases (default 30) and recomputes their deadlines with the app's code, then
 * reloads the app at `#/queue` and times navigation → the work queue's rows painted (median of 3), and reads
 * the JS heap; a start in a new renderer process is logged for the record. Details go to stderr; stdout ends
 * with exactly one line:
 *   queue cases=<n> render_ms=<x> heap_mb=<m>
 */

const USAGE = 'usage: npm run bench:queue -- [--cases N] [--seed S] [--share PERCENT]';
const TARGET_MS = 200;
const log = (line: string) => process.stderr.write(`${line}\n`);
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

type QueueWindow = Window & { __aryzQueueTools: QueueTools; __queueRowsAt?: number; __shellAt?: number; __countsAt?: number; __allRowsAt?: number };

function queueToolsSource(): Promise<string> {
  return pageScript(path.join(__dirname, 'page/queue-entry.ts'));
}

async function installQueueTools(page: Page, source: string): Promise<void> {
  await page.evaluate(source);
  if (!(await page.evaluate(() => typeof (window as unknown as Partial<QueueWindow>).__aryzQueueTools === 'object'))) {
    throw new Error('queue tools did not install');
  }
}

/**
 * Records when the queue's first rows are in the DOM and painted, from navigation start; and, for the log,
 * when the app's shell first was (what any screen costs before it reads a single case), when every count
 * was in, and when every row was (each section shows up to 100; the first screenful is painted first).
 */
function watchQueueRows(): void {
  // Serialised into the page as it is: no inner named functions (tsx would wrap them in a helper the page lacks).
  const w = window as unknown as { __queueRowsAt?: number; __shellAt?: number; __countsAt?: number; __allRowsAt?: number };
  let rowsBefore = 0;
  let grewAt = 0;
  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (w.__shellAt === undefined && document.querySelector('.layout')) w.__shellAt = now;
    const rows = document.querySelectorAll('.work-queue .queue-row').length;
    if (rowsBefore === 0 && rows > 0) {
      requestAnimationFrame(() => {
        w.__queueRowsAt = performance.now();
      });
    }
    if (rows > rowsBefore) grewAt = now;
    rowsBefore = rows;
    // Counts are in once every heading has its number; then the rows each section should show are known.
    const counts = [...document.querySelectorAll('.queue-section h2')].map((h) => /\((\d+)\)$/.exec(h.textContent ?? '')?.[1]);
    if (rows === 0 || counts.length === 0 || counts.some((c) => c === undefined)) return;
    if (w.__countsAt === undefined) {
      w.__countsAt = -1;
      requestAnimationFrame(() => {
        w.__countsAt = performance.now();
      });
    }
    if (rows === counts.reduce((sum, c) => sum + Math.min(Number(c), 100), 0)) {
      observer.disconnect();
      w.__allRowsAt = grewAt;
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

interface Load {
  milestones: Record<string, number>;
  rows: number;
  shell: number;
  counts: number;
  allRows: number;
}

/**
 * One start of the app on the queue: a reload, so the renderer process stays as the desktop window's does
 * (a navigation from another site would time a new process's start-up), after the previous start's
 * background work has settled.
 */
async function queueRender(page: Page, profile: string, navigate: () => Promise<unknown> = () => page.reload()): Promise<Load> {
  await waitUntilIdle(profile, 60_000, 2);
  await navigate();
  await page.waitForFunction(() => {
    const w = window as unknown as QueueWindow;
    return w.__allRowsAt !== undefined && w.__queueRowsAt !== undefined && (w.__countsAt ?? -1) > 0;
  }, null, { timeout: 120_000 });
  await page.locator('.queue-row').first().waitFor({ state: 'visible' });
  const milestones = await startMilestones(page);
  return page.evaluate((m) => {
    const w = window as unknown as QueueWindow;
    return { milestones: m, rows: w.__queueRowsAt!, shell: w.__shellAt!, counts: w.__countsAt!, allRows: w.__allRowsAt! };
  }, milestones);
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
  const [seedSource, queueSource] = await Promise.all([pageToolsSource(), queueToolsSource()]);
  const browser = await openBenchBrowser('bench-queue', log);
  const { bridge, context, profile, watch } = browser;
  const started = Date.now();
  try {
    const { seeder } = await seedFromSettings(browser, seedSource, cases, seed, log);

    await installQueueTools(seeder, queueSource);
    const progress = `__aryzQueueProgress${Date.now()}`;
    await seeder.exposeFunction(progress, (done: number, total: number, ms: number) => {
      log(`  correspondence: ${String(done).padStart(String(total).length)} / ${total} cases scanned  ${(ms / 1000).toFixed(1)} s`);
    });
    const tracking = await seeder
      .evaluate(([p, s, n]) => (window as unknown as QueueWindow).__aryzQueueTools.addTracking(p, s, n), [share / 100, seed, progress] as const)
      .catch((error: unknown) => {
        throw new Error(pageErrorMessage(error));
      });
    log(`added ${tracking.requests} requests and ${tracking.checks} checks to ${tracking.cases} open cases in ${(tracking.ms / 1000).toFixed(1)} s`);

    const waited = await waitUntilIdle(profile, 6 * 60_000);
    log(`waited ${(waited / 1000).toFixed(0)} s for Chromium to finish compacting the new data`);
    // Measured in a fresh page: nothing from seeding stays in its memory or caches.
    const page = watch(await context.newPage());
    // One untimed load first: the database's first open after the bulk write is not what a caseworker sees daily.
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
    for (let i = 0; i < 3; i++) loads.push(await queueRender(page, profile));
    const list = (key: Exclude<keyof Load, 'milestones'>) => loads.map((l) => fmt(l[key])).join(', ');
    log(`the app's start, median: ${describeMilestones(loads.map((l) => l.milestones))}`);
    log(`from navigation: the app's shell ${list('shell')} ms; the queue's rows ${list('rows')} ms (median reported); all rows ${list('allRows')} ms; every count ${list('counts')} ms`);
    log(`the queue's own part (rows − shell), median: ${fmt(median(loads.map((l) => l.rows - l.shell)))} ms`);
    const heap = await heapUsedMb(context, page);
    const renderMs = median(loads.map((l) => l.rows));
    // For the record: a start in a new renderer process (from another site), as after switching the PC on,
    // adds the process's own start and compiling from V8's disk cache instead of its in-process one.
    const cold = await queueRender(page, profile, async () => {
      await page.goto('about:blank');
      await page.goto(`${bridge.origin}/#/queue`);
    });
    log(`a start in a new renderer process: the queue's rows ${fmt(cold.rows)} ms (${describeMilestones([cold.milestones])})`);

    log(`target: render ≤ ${TARGET_MS} ms ${renderMs <= TARGET_MS ? 'met' : 'MISSED'}`);
    log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(`queue cases=${cases} render_ms=${fmt(renderMs)} heap_mb=${fmt(heap)}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  log(pageErrorMessage(error));
  process.exit(1);
});
