import { describe, expect, it } from 'vitest';
import type { BatchStatus } from '../../../../../shared/ipc/channels/batch';
import type { IpcResult } from '../../../../../shared/ipc/result';
import type { AryzDb } from '../../../../../renderer/src/data/schema';
import { createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { registerRows } from '../../../../../renderer/src/data/documents/register.repo';
import { createBatchJob, jobItems } from '../../../../../renderer/src/data/batch/batch.repo';
import { runBatchJob, type BatchApi, type BatchProgress } from '../../../../../renderer/src/data/batch/batch-run.repo';
import { saveSettings, type StoredSettings } from '../../../../../renderer/src/data/settings/settings.repo';
import { actor, freshDb, intake } from '../../../support/db-fixtures';
import { CASEWORKER, factoryTemplate, MISSION } from '../../../support/document-fixtures';
import { factoryBundle } from '../../../support/reference-fixtures';

const settings: StoredSettings = { mission: MISSION, caseworker: CASEWORKER, complete: true };
const template = factoryTemplate('mission_letter_mvd');
const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

/**
 * Main's side of the batch channels, in memory: renders (pretends to) a few queued items per status call, and
 * can "crash" — every call after the n-th result throws, as when the page or the app dies mid-job.
 */
class FakeMain implements BatchApi {
  rendered: string[] = [];
  private jobs = new Map<string, { queue: Array<{ key: string; caseId: string; documentId: string }>; results: BatchStatus['results']; closed: boolean; canceled: boolean }>();
  private n = 0;
  constructor(private readonly options: { crashAfter?: number; failKeys?: (key: string) => boolean; perPoll?: number } = {}) {}

  private alive(): void {
    if (this.options.crashAfter !== undefined && this.rendered.length >= this.options.crashAfter) throw new Error('crash');
  }

  private status(jobId: string, since: number): BatchStatus {
    const job = this.jobs.get(jobId)!;
    const settled = job.canceled || (job.closed && job.queue.length === 0);
    const done = job.results.filter((r) => r.ok).length;
    return {
      jobId, kind: 'render', state: job.canceled ? 'canceled' : settled ? 'done' : 'running', received: 0, total: null, done, failed: job.results.length - done,
      queued: job.queue.length, inFlight: 0, settled, results: job.results.slice(since), next: job.results.length, elapsedMs: 0, merged: null, error: null, peakRss: 0,
    };
  }

  startBatch: BatchApi['startBatch'] = async () => {
    this.alive();
    const jobId = `main-${++this.n}`;
    this.jobs.set(jobId, { queue: [], results: [], closed: false, canceled: false });
    return ok({ jobId });
  };

  addBatchItems: BatchApi['addBatchItems'] = async ({ jobId, items, last }) => {
    this.alive();
    const job = this.jobs.get(jobId)!;
    if (job.queue.length + items.length > 30) return ok({ status: 'refused' as const, reason: 'QUEUE_FULL' as const, queued: job.queue.length });
    job.queue.push(...items.map((i) => ({ key: i.key, caseId: i.caseId, documentId: i.documentId })));
    if (last) job.closed = true;
    return ok({ status: 'accepted' as const, queued: job.queue.length });
  };

  getBatchStatus: BatchApi['getBatchStatus'] = async ({ jobId, since = 0 }) => {
    this.alive();
    const job = this.jobs.get(jobId);
    if (!job) return ok({ status: 'unknown' as const });
    for (const item of job.queue.splice(0, this.options.perPoll ?? 4)) {
      this.alive();
      this.rendered.push(item.documentId);
      job.results.push(
        this.options.failKeys?.(item.key)
          ? { key: item.key, ok: false, error: { code: 'IO_ERROR', message: 'disk full' } }
          : { key: item.key, ok: true, file: { relPath: `${item.caseId}/${item.documentId}.pdf`, sha256: 'ab'.repeat(32), bytes: 1000, pages: 1 } },
      );
    }
    return ok({ status: 'known' as const, job: this.status(jobId, since) });
  };

  cancelBatch: BatchApi['cancelBatch'] = async ({ jobId }) => {
    this.alive();
    const job = this.jobs.get(jobId)!;
    job.queue = [];
    job.canceled = true;
    return ok({ status: 'known' as const, job: this.status(jobId, 0) });
  };

  mergeBatch: BatchApi['mergeBatch'] = async () => {
    throw new Error('not used');
  };
}

async function seed(db: AryzDb, count: number, regions: (i: number) => string = () => 'г. Москва'): Promise<string[]> {
  // Documents take the mission and caseworker from Settings, as in the app.
  await saveSettings({ mission: MISSION, caseworker: CASEWORKER });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await createCase(intake({ region: regions(i) }), actor, { now: new Date('2025-06-01T09:00:00Z') });
    if (!created.ok) throw new Error('seed');
    ids.push(created.value.id);
  }
  return ids;
}

const deps = (api: BatchApi, onProgress?: (p: BatchProgress) => void) => ({ api, actor, settings, reference: factoryBundle(), pollMs: 1, chunk: 5, onProgress });

/** Every number in the register once, consecutive from 1, each pointing at exactly one document of the batch. */
async function expectRegisterIntact(db: AryzDb, jobId: string) {
  const rows = await registerRows();
  expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
  expect(new Set(rows.map((r) => r.documentId)).size).toBe(rows.length);
  const items = await jobItems(jobId);
  const numbered = items.filter((i) => i.documentId !== null);
  expect(rows.map((r) => r.documentId).sort()).toEqual(numbered.map((i) => i.documentId).sort());
  for (const item of numbered) expect(rows.find((r) => r.documentId === item.documentId)?.number).toBe(item.outgoingNumber);
  expect(await db.documents.count()).toBe(numbered.length);
  return { rows, items };
}

describe('batch job resume', () => {
  it('[fault] resumes after a crash mid-job: no number given twice, none missing, every case gets its document once', async () => {
    const db = freshDb();
    const caseIds = await seed(db, 23);
    const job = await createBatchJob({ caseIds, template, addressee: { mode: 'auto' }, date: '2025-06-02', merge: false, filterText: '' }, actor);

    const crashing = new FakeMain({ crashAfter: 9 });
    await expect(runBatchJob(job.id, deps(crashing)).done).rejects.toThrow('crash');
    const mid = await jobItems(job.id);
    const states = mid.map((i) => i.state);
    // The crash left all three kinds: made, numbered but not made, and not yet numbered.
    expect(states).toContain('done');
    expect(states).toContain('numbered');
    expect(states).toContain('pending');
    const numberedAtCrash = mid.filter((i) => i.state === 'numbered').map((i) => [i.id, i.documentId, i.outgoingNumber]);
    expect((await db.batchJobs.get(job.id))?.state).toBe('running');
    await expectRegisterIntact(db, job.id);

    const healthy = new FakeMain();
    const outcome = await runBatchJob(job.id, deps(healthy)).done;
    expect(outcome.state).toBe('done');
    expect(outcome.counts).toMatchObject({ done: 23, failed: 0, pending: 0, numbered: 0 });
    const { rows, items } = await expectRegisterIntact(db, job.id);
    expect(rows).toHaveLength(23);
    expect(rows.every((r) => r.status === 'registered')).toBe(true);
    // Items numbered before the crash kept their document and number and were rendered again.
    for (const [id, documentId, number] of numberedAtCrash) {
      const item = items.find((i) => i.id === id)!;
      expect([item.documentId, item.outgoingNumber]).toEqual([documentId, number]);
      expect(healthy.rendered).toContain(documentId);
    }
    // Items made before the crash were not made again.
    expect(healthy.rendered.length).toBe(23 - mid.filter((i) => i.state === 'done').length);
    // Register order follows the case list.
    expect(items.map((i) => i.outgoingNumber)).toEqual(rows.map((r) => r.number));
    for (const item of items) {
      const doc = await db.documents.get(item.documentId!);
      expect(doc?.file).toEqual({ relPath: `${item.caseId}/${item.documentId}.pdf`, sha256: 'ab'.repeat(32), bytes: 1000, pages: 1 });
    }
    expect((await db.batchJobs.get(job.id))?.state).toBe('done');
  });

  it('[fault] survives two crashes in a row and a resume that finds main has forgotten the job', async () => {
    const db = freshDb();
    const caseIds = await seed(db, 12);
    const job = await createBatchJob({ caseIds, template, addressee: { mode: 'auto' }, date: '2025-06-02', merge: false, filterText: '' }, actor);
    await expect(runBatchJob(job.id, deps(new FakeMain({ crashAfter: 2 }))).done).rejects.toThrow('crash');
    await expect(runBatchJob(job.id, deps(new FakeMain({ crashAfter: 3 }))).done).rejects.toThrow('crash');
    const outcome = await runBatchJob(job.id, deps(new FakeMain())).done;
    expect(outcome.counts.done).toBe(12);
    const { rows } = await expectRegisterIntact(db, job.id);
    expect(rows).toHaveLength(12);
  });

  it('numbers nothing for a case it cannot address, voids the number of a document main failed to make, and reports both', async () => {
    const db = freshDb();
    const caseIds = await seed(db, 6, (i) => (i === 2 ? 'г. Байконур' : 'г. Москва'));
    const job = await createBatchJob({ caseIds, template, addressee: { mode: 'auto' }, date: '2025-06-02', merge: false, filterText: '' }, actor);
    const items0 = await jobItems(job.id);
    const failing = items0[4]!.id;
    const outcome = await runBatchJob(job.id, deps(new FakeMain({ failKeys: (key) => key === failing }))).done;
    expect(outcome.counts).toMatchObject({ done: 4, failed: 2 });
    const { rows, items } = await expectRegisterIntact(db, job.id);
    expect(items[2]).toMatchObject({ state: 'failed', documentId: null, outgoingNumber: '', error: { code: 'NO_ADDRESSEE' } });
    expect(items[4]).toMatchObject({ state: 'failed', error: { code: 'IO_ERROR', message: 'disk full' } });
    // Five numbers for five registered documents; the failed one stays in the register, void, with its reason.
    expect(rows).toHaveLength(5);
    const voided = rows.find((r) => r.documentId === items[4]!.documentId)!;
    expect(voided.status).toBe('void');
    expect(voided.voidReason).toContain('IO_ERROR');
  });

  it('cancels: what was numbered but not made is voided, what was not numbered is skipped, the register has no gap', async () => {
    const db = freshDb();
    const caseIds = await seed(db, 20);
    const job = await createBatchJob({ caseIds, template, addressee: { mode: 'fixed', id: 'uvm-77' }, date: '2025-06-02', merge: false, filterText: '' }, actor);
    let run: ReturnType<typeof runBatchJob> | null = null;
    run = runBatchJob(job.id, deps(new FakeMain({ perPoll: 1 }), (p) => {
      if (p.counts.done >= 3) run?.cancel();
    }));
    const outcome = await run.done;
    expect(outcome.state).toBe('canceled');
    const { rows, items } = await expectRegisterIntact(db, job.id);
    expect(items.filter((i) => i.state === 'done').length).toBeGreaterThanOrEqual(3);
    expect(items.filter((i) => i.state === 'skipped').length).toBeGreaterThan(0);
    expect(items.every((i) => i.state === 'done' || i.state === 'skipped')).toBe(true);
    for (const item of items.filter((i) => i.state === 'skipped' && i.documentId)) {
      expect(rows.find((r) => r.documentId === item.documentId)).toMatchObject({ status: 'void' });
    }
    for (const item of items.filter((i) => i.state === 'done')) {
      expect(rows.find((r) => r.documentId === item.documentId)).toMatchObject({ status: 'registered' });
    }
    expect((await db.batchJobs.get(job.id))?.state).toBe('canceled');
  });
});
