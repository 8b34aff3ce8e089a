import { handoff } from '../../lib/handoff';
import { db } from '../schema';
import { workQueueRows, type QueueBucketId, type QueueItem } from './queue.repo';
import { currentReference } from '../reference/reference.repo';
import { appealAnswerTerm } from '../../../../shared/reference/lookup';

type QueueRows = Record<QueueBucketId, QueueItem[]>;
const preloaded = handoff<QueueRows>();
const keyOf = (today: string, staleDays: number) => `${today}|${staleDays}`;

/** Reads the work queue's rows ahead of the screen (the app's start), kept for the database they were read from. */
export async function preloadQueueRows(today: string, staleDays: number): Promise<void> {
  // The answer term is reference data: the citizens' requests fall due by the term in force.
  const answerDays = appealAnswerTerm(await currentReference()).days;
  const rows = await workQueueRows(today, { staleDays, answerDays });
  preloaded.put(db(), keyOf(today, staleDays), rows);
}

/** The preloaded rows when they are for this database, day and stale setting; handed out once. */
export function takePreloadedQueueRows(today: string, staleDays: number): QueueRows | undefined {
  return preloaded.take(db(), keyOf(today, staleDays));
}
