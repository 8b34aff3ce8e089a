import { useSyncExternalStore } from 'react';
import type { BackupReason } from '../../../../shared/ipc/channels/backup';

/** What a running backup or restore is doing, for the progress shown wherever the caseworker is. */
export interface Activity {
  kind: 'backup' | 'restore';
  reason?: BackupReason;
  phase: 'export' | 'send' | 'seal' | 'import' | 'verify';
  done: number;
  total: number;
}

/** An activity as shown: with the moment it began, for the time-left estimate. */
export type ShownActivity = Activity & { startedAt: number };

let current: ShownActivity | null = null;
const listeners = new Set<() => void>();

/** Reports progress; the first report of a backup or a restore starts its clock, `null` ends it. */
export function setActivity(next: Activity | null, now = Date.now()): void {
  current = next ? { ...next, startedAt: current?.kind === next.kind ? current.startedAt : now } : null;
  for (const listener of listeners) listener();
}

export const currentActivity = (): ShownActivity | null => current;

export function useActivity(): ShownActivity | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, currentActivity);
}

/**
 * Each phase's share of the whole, as measured at 100,000 cases: a backup reads the database for half its time and
 * hands the file to main for most of the rest; a restore spends nearly all of it writing rows. Equal thirds made the
 * restore's bar sit at a third for minutes and then jump.
 */
const PHASES: Record<Activity['kind'], [Activity['phase'], number][]> = {
  backup: [
    ['export', 0.5],
    ['send', 0.44],
    ['seal', 0.06],
  ],
  restore: [
    ['import', 0.95],
    ['verify', 0.05],
  ],
};

/** 0–100 over all phases, for a progress bar. */
export function percentOf(activity: Activity): number {
  const share = activity.total > 0 ? Math.min(1, Math.max(0, activity.done / activity.total)) : 0;
  let before = 0;
  for (const [phase, weight] of PHASES[activity.kind]) {
    if (phase === activity.phase) return Math.min(100, Math.round((before + weight * share) * 100));
    before += weight;
  }
  return 0;
}

/** Below these the rate is too young to extrapolate from. */
const MIN_PERCENT = 3;
const MIN_ELAPSED_MS = 3000;

/**
 * Time left, by the rate so far over the whole activity: under a minute in seconds rounded up to 5, else in whole
 * minutes (never "0"). Null while too early to tell or once done.
 */
export function timeLeft(activity: ShownActivity, now = Date.now()): { seconds: number } | { minutes: number } | null {
  const percent = percentOf(activity);
  const elapsed = now - activity.startedAt;
  if (percent < MIN_PERCENT || percent >= 100 || elapsed < MIN_ELAPSED_MS) return null;
  const seconds = (elapsed * (100 - percent)) / percent / 1000;
  if (seconds < 55) return { seconds: Math.max(5, Math.ceil(seconds / 5) * 5) };
  return { minutes: Math.max(1, Math.round(seconds / 60)) };
}
