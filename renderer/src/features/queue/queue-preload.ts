import { preloadQueueRows, takePreloadedQueueRows } from '../../data/tracking/queue-preload';
import type { QueueBucketId, QueueItem } from '../../data/tracking/queue.repo';
import { localTodayIso } from '../../lib/date-time';

const STALE_DAYS_KEY = 'aryz.queue.staleDays';
const DEFAULT_STALE_DAYS = 14;
export const MAX_STALE_DAYS = 365;

/** After how many days without action a new case shows as stale: the caseworker's choice, kept on this PC. */
export function loadStaleDays(): number {
  const saved = Number(localStorage.getItem(STALE_DAYS_KEY));
  return Number.isInteger(saved) && saved >= 1 && saved <= MAX_STALE_DAYS ? saved : DEFAULT_STALE_DAYS;
}

export function saveStaleDays(days: number): void {
  localStorage.setItem(STALE_DAYS_KEY, String(days));
}

type QueueRows = Record<QueueBucketId, QueueItem[]>;

/**
 * Reads the work queue's rows while the app starts, when it opens on the queue: the reads go to IndexedDB
 * ahead of anything the screens start once mounted, and the queue's first render already has its rows.
 */
export async function preloadQueue(): Promise<void> {
  await preloadQueueRows(localTodayIso(), loadStaleDays());
}

/** The preloaded rows when they are for this database, day and stale setting; handed out once. */
export function takePreloadedQueue(today: string, staleDays: number): QueueRows | undefined {
  return takePreloadedQueueRows(today, staleDays);
}
