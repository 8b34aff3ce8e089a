import { db } from '../../data/schema';
import { handoff } from '../../lib/handoff';
import type { AryzDb } from '../../data/schema';
import { workQueueRows, type QueueBucketId, type QueueItem } from '../../data/tracking/queue.repo';
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
const preloaded = handoff<QueueRows>();
const keyOf = (today: string, staleDays: number) => `${today}|${staleDays}`;

/**
 * Reads the work queue's rows while the app starts, when it opens on the queue: the reads go to IndexedDB
 * ahead of anything the screens start once mounted, and the queue's first render already has its rows.
 */
export async function preloadQueue(): Promise<void> {
  const today = localTodayIso();
  const staleDays = loadStaleDays();
  const rows = await workQueueRows(today, { staleDays });
  preloaded.put(db(), keyOf(today, staleDays), rows);
}

/** The preloaded rows when they are for this database, day and stale setting; handed out once. */
export function takePreloadedQueue(today: string, staleDays: number): QueueRows | undefined {
  return preloaded.take(db(), keyOf(today, staleDays));
}
