import { db } from '../schema';
import { checkRequisitesOf, refusalAsItemError } from '../../../../shared/documents/requisites';
import type { BatchItem, BatchItemResult, BatchStatus } from '../../../../shared/ipc/channels/batch';
import type { AryzApi } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/ipc/result';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import type { Actor } from '../cases/cases.repo';
import { recordGeneratedFile, registerDocument, voidDocument } from '../documents/register.repo';
import { trackingTables } from '../tracking/tracking-input.repo';
import type { StoredSettings } from '../settings/settings.repo';
import { batchInputsFor, isAddressed, resolveAddressee, withNumber, type BatchContext } from './batch-inputs.repo';
import { countStates, jobItems, type StateCounts } from './batch.repo';
import type { BatchItemRow, BatchJobRow } from './batch-rows';

/**
 * Drives one batch job from the page: numbers each case's document, sends the items to main's batch worker in
 * chunks, records each PDF main reports, and keeps every step in IndexedDB. The order of writes is what
 * makes a crash harmless:
 *  1. a case is checked for missing requisites BEFORE it gets a number (a refusal costs no number);
 *  2. its document is registered — the outgoing number allocated — in the SAME transaction that marks the item
 *     `numbered` with that document, so an item is numbered once or not at all;
 *  3. only then is it rendered; the file is recorded with the item marked `done`, again in one transaction.
 * A resumed job therefore re-renders `numbered` items (same document, same number) and numbers only `pending`
 * ones. A number whose document cannot be made (render failure, cancel) is voided with the reason, so the
 * register keeps every number: none given twice, none missing.
 */

export type BatchApi = Pick<AryzApi, 'startBatch' | 'addBatchItems' | 'getBatchStatus' | 'cancelBatch' | 'mergeBatch'>;

export interface BatchProgress {
  jobId: string;
  total: number;
  counts: StateCounts;
  /** Items finished (done or failed) since this run started, and when it started: for the rate and ETA. */
  finishedThisRun: number;
  startedAt: number;
  /** When this report was made (ms since the epoch). */
  at: number;
  phase: 'running' | 'canceling' | 'merging' | 'finished';
}

export interface BatchRunDeps {
  api: BatchApi;
  actor: Actor;
  settings: StoredSettings;
  reference: ReferenceBundle;
  onProgress?: (progress: BatchProgress) => void;
  /** Items numbered and sent per chunk (default 20). */
  chunk?: number;
  pollMs?: number;
  now?: () => Date;
}

export interface BatchOutcome {
  state: 'done' | 'canceled';
  counts: StateCounts;
}

export class BatchIpcError extends Error {
  constructor(readonly code: string) {
    super(`batch IPC failed: ${code}`);
  }
}

async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new BatchIpcError(result.error.code);
  return result.value;
}

const VOID_REASON_MAX = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The tables an item's registration, file record or void touch, plus the batch's own. */
function itemTables() {
  return [db().documents, db().outgoing, db().settings, db().cases, db().persons, db().audit, db().batchItems, db().batchJobs, ...trackingTables()];
}

export interface BatchRunHandle {
  jobId: string;
  cancel(): void;
  done: Promise<BatchOutcome>;
}

export function runBatchJob(jobId: string, deps: BatchRunDeps): BatchRunHandle {
  let canceled = false;
  const handle: BatchRunHandle = { jobId, cancel: () => void (canceled = true), done: Promise.resolve({ state: 'done', counts: countStates([]) }) };
  handle.done = run(jobId, deps, () => canceled);
  return handle;
}

async function run(jobId: string, deps: BatchRunDeps, isCanceled: () => boolean): Promise<BatchOutcome> {
  const now = deps.now ?? (() => new Date());
  const chunkSize = Math.max(1, deps.chunk ?? 20);
  const pollMs = deps.pollMs ?? 150;
  const job = await db().batchJobs.get(jobId);
  if (!job) throw new Error(`No batch job ${jobId}`);
  const items = await jobItems(jobId);
  const counts = countStates(items);
  if (job.state !== 'running') return { state: job.state === 'canceled' ? 'canceled' : 'done', counts };
  const context: BatchContext = { template: job.template, settings: deps.settings, reference: deps.reference, addressee: job.addressee, date: job.date };
  const byId = new Map(items.map((item) => [item.id, item]));
  const startedAt = Date.now();
  let finishedThisRun = 0;
  let phase: BatchProgress['phase'] = 'running';
  const report = () => deps.onProgress?.({ jobId, total: job.total, counts: { ...counts }, finishedThisRun, startedAt, at: Date.now(), phase });

  const move = (item: BatchItemRow, next: BatchItemRow) => {
    counts[item.state]--;
    counts[next.state]++;
    byId.set(item.id, next);
  };

  async function fail(item: BatchItemRow, error: { code: string; message: string }, voidReason: string | null): Promise<void> {
    const at = now().toISOString();
    const next: BatchItemRow = { ...item, state: error.code === 'CANCELED' ? 'skipped' : 'failed', error, updatedAt: at };
    await db().transaction('rw', itemTables(), async () => {
      if (item.documentId && voidReason) {
        const voided = await voidDocument(item.documentId, voidReason.slice(0, VOID_REASON_MAX), deps.actor, now());
        if (!voided.ok && voided.reason !== 'already_void') throw new Error(`void failed: ${voided.reason}`);
      }
      await db().batchItems.put(next);
    });
    move(item, next);
    if (next.state === 'failed') finishedThisRun++;
  }

  /** Checks, numbers (once) and builds the inputs of one item; null when it failed before rendering. */
  async function prepare(item: BatchItemRow): Promise<BatchItem | null> {
    const row = await db().cases.get(item.caseId);
    const person = row ? await db().persons.get(row.personId) : undefined;
    if (!row || !person) {
      await fail(item, { code: 'CASE_MISSING', message: '' }, item.documentId ? 'Дело удалено до формирования документа' : null);
      return null;
    }
    const addressee = resolveAddressee(context, row.region);
    let current = item;
    // Read once: the number is the only input that changes between the check and the render.
    let inputs = await batchInputsFor(row, person, context, current.state === 'numbered' ? current.outgoingNumber : job!.numbered ? '—' : '');
    if (current.state === 'pending') {
      if (isAddressed(job!.template) && !addressee) {
        await fail(current, { code: 'NO_ADDRESSEE', message: row.region }, null);
        return null;
      }
      const refusal = checkRequisitesOf(job!.template, inputs);
      if (refusal) {
        await fail(current, refusalAsItemError(refusal), null);
        return null;
      }
      const at = now().toISOString();
      current = await db().transaction('rw', itemTables(), async () => {
        // Re-read inside the transaction: if another run numbered it meanwhile, use that number.
        const fresh = await db().batchItems.get(item.id);
        if (!fresh || fresh.state !== 'pending') return fresh ?? item;
        const doc = await registerDocument(
          { caseId: row.id, templateId: job!.template.id, templateVersion: job!.template.version, title: job!.templateTitle, addressee: addressee?.nameRu ?? '', date: job!.date, numbered: job!.numbered },
          deps.actor,
          now(),
        );
        const next: BatchItemRow = { ...fresh, state: 'numbered', documentId: doc.id, outgoingNumber: doc.outgoingNumber, error: null, updatedAt: at };
        await db().batchItems.put(next);
        return next;
      });
      move(item, current);
      inputs = withNumber(inputs, current.outgoingNumber);
    }
    if (current.state !== 'numbered' || !current.documentId) return null;
    return { key: current.id, caseId: current.caseId, documentId: current.documentId, inputs: inputs as BatchItem['inputs'] };
  }

  async function record(result: BatchItemResult): Promise<void> {
    const item = byId.get(result.key);
    if (!item || item.state !== 'numbered' || !item.documentId) return;
    if (!result.ok) {
      await fail(item, result.error, `Документ не сформирован: ${result.error.code} ${result.error.message}`.trim());
      return;
    }
    const file = { relPath: result.file.relPath, sha256: result.file.sha256, bytes: result.file.bytes, pages: result.file.pages };
    const next: BatchItemRow = { ...item, state: 'done', file, error: null, updatedAt: now().toISOString() };
    await db().transaction('rw', itemTables(), async () => {
      await recordGeneratedFile(item.documentId!, file, deps.actor, now());
      await db().batchItems.put(next);
    });
    move(item, next);
    finishedThisRun++;
  }

  let mainJob = '';
  let since = 0;
  async function poll(): Promise<BatchStatus | null> {
    const answer = await unwrap(deps.api.getBatchStatus({ jobId: mainJob, since }));
    if (answer.status === 'unknown') return null;
    for (const result of answer.job.results) await record(result);
    since = answer.job.next;
    report();
    return answer.job;
  }

  report();
  mainJob = (await unwrap(deps.api.startBatch({ template: job.template }))).jobId;
  const todo = items.filter((item) => item.state === 'pending' || item.state === 'numbered');
  for (let i = 0; i < todo.length && !isCanceled(); i += chunkSize) {
    const payload: BatchItem[] = [];
    for (const item of todo.slice(i, i + chunkSize)) {
      if (isCanceled()) break;
      const prepared = await prepare(byId.get(item.id) ?? item);
      if (prepared) payload.push(prepared);
    }
    report();
    // Main holds a bounded queue per job; wait while it is full, recording what is finished meanwhile.
    while (payload.length > 0) {
      const answer = await unwrap(deps.api.addBatchItems({ jobId: mainJob, items: payload, last: false }));
      if (answer.status === 'accepted') break;
      if (answer.reason !== 'QUEUE_FULL') throw new BatchIpcError(answer.reason);
      await poll();
      await sleep(pollMs);
    }
    await poll();
  }

  if (isCanceled()) {
    phase = 'canceling';
    await unwrap(deps.api.cancelBatch({ jobId: mainJob }));
  } else {
    await unwrap(deps.api.addBatchItems({ jobId: mainJob, items: [], last: true }));
  }
  for (;;) {
    const status = await poll();
    if (!status || status.settled) break;
    await sleep(pollMs);
  }

  const canceled = isCanceled();
  // What was numbered but not made is voided (never reused); what never got a number is simply skipped.
  for (const item of [...byId.values()].sort((a, b) => a.index - b.index)) {
    if (item.state === 'numbered' && canceled) await fail(item, { code: 'CANCELED', message: '' }, 'Пакетное формирование отменено до изготовления документа');
    else if (item.state === 'pending' && canceled) await fail(item, { code: 'CANCELED', message: '' }, null);
  }
  const leftover = [...byId.values()].filter((item) => item.state === 'numbered' || item.state === 'pending');
  if (leftover.length > 0) {
    // Main forgot the job (restarted) before reporting these: they stay for a resume.
    report();
    throw new BatchIpcError('UNFINISHED');
  }
  const finishedAt = now().toISOString();
  const state = canceled ? 'canceled' : 'done';
  await db().batchJobs.update(jobId, { state, finishedAt, updatedAt: finishedAt });
  if (state === 'done' && job.merge && counts.done > 0) {
    phase = 'merging';
    report();
    await mergeBatchJob(jobId, deps.api);
  }
  phase = 'finished';
  report();
  return { state, counts: { ...counts } };
}

/** Joins the job's PDFs, in case-list order, into one file in main's store and remembers it on the job. */
export async function mergeBatchJob(jobId: string, api: Pick<BatchApi, 'mergeBatch' | 'getBatchStatus'>, pollMs = 150): Promise<BatchJobRow['merged']> {
  const files = (await jobItems(jobId)).flatMap((item) => (item.state === 'done' && item.file ? [item.file.relPath] : []));
  if (files.length === 0) return null;
  const { jobId: mainJobId } = await unwrap(api.mergeBatch({ files }));
  for (;;) {
    const answer = await unwrap(api.getBatchStatus({ jobId: mainJobId, since: 0 }));
    if (answer.status === 'unknown') throw new BatchIpcError('UNKNOWN_JOB');
    if (answer.job.settled) {
      if (answer.job.state !== 'done' || !answer.job.merged) throw new BatchIpcError(answer.job.error?.code ?? 'MERGE_FAILED');
      const merged = { mainJobId, relPath: answer.job.merged.relPath, pages: answer.job.merged.pages, bytes: answer.job.merged.bytes };
      await db().batchJobs.update(jobId, { merged, updatedAt: new Date().toISOString() });
      return merged;
    }
    await sleep(pollMs);
  }
}

/**
 * Ends an interrupted job without resuming it: numbers already given whose documents were not made are
 * voided with the reason (they stay in the register), cases never numbered are skipped.
 */
export async function abandonBatchJob(jobId: string, actor: Actor, now = new Date()): Promise<void> {
  const at = now.toISOString();
  for (const item of await jobItems(jobId)) {
    if (item.state !== 'pending' && item.state !== 'numbered') continue;
    await db().transaction('rw', itemTables(), async () => {
      if (item.state === 'numbered' && item.documentId) {
        const voided = await voidDocument(item.documentId, 'Пакетное формирование прекращено до изготовления документа', actor, now);
        if (!voided.ok && voided.reason !== 'already_void') throw new Error(`void failed: ${voided.reason}`);
      }
      await db().batchItems.put({ ...item, state: 'skipped', error: { code: 'CANCELED', message: '' }, updatedAt: at });
    });
  }
  await db().batchJobs.update(jobId, { state: 'canceled', finishedAt: at, updatedAt: at });
}
