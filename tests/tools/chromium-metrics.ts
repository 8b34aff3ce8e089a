import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';

/** CPU seconds used so far by the Chromium started with `profile` and all its child processes (Linux /proc). */
function chromiumCpuSeconds(profile: string): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const procs = new Map<number, { ppid: number; ticks: number; ours: boolean }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      procs.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), ours: cmdline.includes(`--user-data-dir=${profile}`) });
    } catch {
      // The process ended while we looked.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; hops++) {
      const proc = procs.get(p);
      if (!proc) return false;
      if (proc.ours) return true;
      p = proc.ppid;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, proc] of procs) if (ours(pid)) ticks += proc.ticks;
  return ticks / 100; // USER_HZ
}

/**
 * After a bulk write Chromium compacts its database for a while, busy on every core; anything measured then
 * measures the compaction. Waits until the browser is idle (under a tenth of a core for `quietSeconds` in a
 * row), at most `limitMs`; returns how long it waited (0 where /proc is missing).
 */
export async function waitUntilIdle(profile: string, limitMs: number, quietSeconds = 3): Promise<number> {
  const started = Date.now();
  let previous = chromiumCpuSeconds(profile);
  if (previous === null) return 0;
  let quiet = 0;
  while (Date.now() - started < limitMs && quiet < quietSeconds) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = chromiumCpuSeconds(profile)!;
    quiet = now - previous < 0.1 ? quiet + 1 : 0;
    previous = now;
  }
  return Date.now() - started;
}

/** The page's live JS heap in MB, after a full garbage collection. */
export async function heapUsedMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  await cdp.detach();
  if (used === undefined) throw new Error('JSHeapUsedSize missing from Performance.getMetrics');
  return used / (1024 * 1024);
}
