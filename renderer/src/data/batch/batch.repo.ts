import { db } from '../schema';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';
import type { Actor } from '../cases/cases.repo';
import type { BatchAddresseeChoice, BatchItemRow, BatchJobRow, BatchItemState } from './batch-rows';
import { isNumbered } from '../documents/document-inputs.repo';

export interface NewBatch {
  /** Cases in list order. */
  caseIds: readonly string[];
  template: DocumentTemplate;
  addressee: BatchAddresseeChoice;
  date: string;
  merge: boolean;
  filterText: string;
}

export const itemId = (jobId: string, index: number) => `${jobId}:${String(index).padStart(6, '0')}`;

/**
 * Writes a job and one pending item per case, in one transaction. The job itself changes no case; what it does
 * to each case (registering a document, recording its file, voiding a number) is audited by the register.
 */
export async function createBatchJob(input: NewBatch, actor: Actor, now = new Date()): Promise<BatchJobRow> {
  const at = now.toISOString();
  const job: BatchJobRow = {
    id: globalThis.crypto.randomUUID(),
    state: 'running',
    template: input.template,
    templateTitle: input.template.title.ru,
    numbered: isNumbered(input.template),
    addressee: input.addressee,
    date: input.date,
    merge: input.merge,
    total: input.caseIds.length,
    filterText: input.filterText,
    who: actor.who,
    createdAt: at,
    updatedAt: at,
    finishedAt: null,
    merged: null,
  };
  await db().transaction('rw', [db().batchJobs, db().batchItems, db().cases], async () => {
    const cases = await db().cases.bulkGet([...input.caseIds]);
    const items: BatchItemRow[] = input.caseIds.map((caseId, index) => {
      const row = cases[index];
      return {
        id: itemId(job.id, index),
        jobId: job.id,
        index,
        caseId,
        caseNumber: row?.number ?? '',
        personName: row?.summary.nameRu ?? '',
        state: 'pending',
        documentId: null,
        outgoingNumber: '',
        file: null,
        error: null,
        updatedAt: at,
      };
    });
    await db().batchJobs.add(job);
    await db().batchItems.bulkAdd(items);
  });
  return job;
}

/** The items of a job in case-list order. */
export async function jobItems(jobId: string): Promise<BatchItemRow[]> {
  const rows = await db().batchItems.where('jobId').equals(jobId).toArray();
  return rows.sort((a, b) => a.index - b.index);
}

export type StateCounts = Record<BatchItemState, number>;

export function countStates(items: readonly Pick<BatchItemRow, 'state'>[]): StateCounts {
  const counts: StateCounts = { pending: 0, numbered: 0, done: 0, failed: 0, skipped: 0 };
  for (const item of items) counts[item.state]++;
  return counts;
}

/** Jobs still marked running, newest first: after a crash these are the ones to offer for resume. */
export async function runningJobs(): Promise<BatchJobRow[]> {
  const rows = await db().batchJobs.where('state').equals('running').toArray();
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function batchJob(jobId: string): Promise<BatchJobRow | undefined> {
  return db().batchJobs.get(jobId);
}

/** How many of a job's items are done (the resume banner's «N of M»). */
export async function doneCount(jobId: string): Promise<number> {
  return db().batchItems.where('[jobId+state]').equals([jobId, 'done']).count();
}
