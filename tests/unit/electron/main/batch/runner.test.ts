import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchRunner, type BatchRunner, type ItemResult, type SpawnWorker, type WorkerHandle } from '../../../../../electron/main/batch/runner';
import { threadWorkerSpawner } from '../../../../../electron/main/batch/spawn-thread';
import type { RenderItem, WorkerRequest, WorkerResponse } from '../../../../../electron/main/batch/protocol';
import { defaultFontDir } from '../../../../../electron/main/pdf/fonts';
import { batchWorkerEntry } from '../../../../bridge/batch-worker';
import { CASEWORKER, factoryTemplate, fixtureInputs, MISSION } from '../../../support/document-fixtures';
import { TEST_FILE_KEYS } from '../../../support/main-deps';
import { isSealed, openBytes } from '../../../../../electron/main/crypto/file-cipher';

const template = factoryTemplate('mission_letter_mvd');

function item(i: number, overrides: Record<string, unknown> = {}): RenderItem {
  const inputs = { ...fixtureInputs('mission_letter_mvd'), outgoing: { number: `КР-М/2025-${String(100 + i).padStart(4, '0')}`, date: '2025-02-05' }, ...overrides };
  return { key: `item-${i}`, caseId: `case-${i % 3}`, documentId: `doc-${i}`, inputs: JSON.parse(JSON.stringify(inputs)) as Record<string, unknown> };
}

let entry = '';
let dataDir = '';
const runners: BatchRunner[] = [];

function runner(options: { maxQueued?: number; workers?: number; spawn?: SpawnWorker } = {}): BatchRunner {
  const r = createBatchRunner({ spawn: options.spawn ?? threadWorkerSpawner(entry), fontDir: defaultFontDir(), dataDir, workers: options.workers, maxQueued: options.maxQueued });
  runners.push(r);
  return r;
}

beforeAll(async () => {
  entry = await batchWorkerEntry({ fresh: true });
  dataDir = mkdtempSync(path.join(tmpdir(), 'aryz-batch-'));
});

afterAll(async () => {
  await Promise.all(runners.map((r) => r.dispose()));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(entry, { force: true });
});

describe('batch runner with worker threads', () => {
  it('renders every item into its case folder, reports progress and the stored file of each', async () => {
    const r = runner();
    const { jobId } = r.start({ template, contentKey: TEST_FILE_KEYS.content });
    const seen: number[] = [];
    expect(r.add(jobId, [item(0), item(1), item(2)], false)).toEqual({ status: 'accepted', queued: expect.any(Number) });
    expect(r.status(jobId)?.total).toBeNull();
    r.add(jobId, [item(3)], true);
    expect(r.status(jobId)?.total).toBe(4);
    let next = 0;
    const results: ItemResult[] = [];
    for (;;) {
      const status = r.status(jobId, next)!;
      results.push(...status.results);
      next = status.next;
      seen.push(status.done);
      if (status.settled) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const final = r.status(jobId)!;
    expect(final).toMatchObject({ state: 'done', done: 4, failed: 0, queued: 0, inFlight: 0, settled: true });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(results.map((x) => x.key).sort()).toEqual(['item-0', 'item-1', 'item-2', 'item-3']);
    for (const result of results) {
      if (!result.ok) throw new Error(result.error.message);
      const i = Number(result.key.slice(5));
      // Named as a single document is named (documents/store.ts), so the page records both alike.
      expect(result.file.relPath).toBe(`case-${i % 3}/doc-${i}.pdf`);
      const raw = readFileSync(path.join(dataDir, 'cases', result.file.relPath));
      // Sealed at rest; the register's hash, size and pages are those of the plain letter inside.
      expect(isSealed(raw)).toBe(true);
      const bytes = await openBytes(TEST_FILE_KEYS.content, raw);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(result.file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(result.file.bytes).toBe(bytes.length);
      expect(result.file.pages).toBe((await PDFDocument.load(bytes)).getPageCount());
    }
    expect(final.peakRss).toBeGreaterThan(0);
  });

  it('reports an item with a missing requisite as failed, naming it, and goes on with the rest', async () => {
    const r = runner();
    const { jobId } = r.start({ template, contentKey: TEST_FILE_KEYS.content });
    r.add(jobId, [item(10), item(11, { outgoing: null }), item(12)], true);
    const status = (await r.settled(jobId))!;
    expect(status).toMatchObject({ state: 'done', done: 2, failed: 1 });
    const failed = status.results.find((x) => !x.ok);
    expect(failed).toMatchObject({ key: 'item-11', ok: false, error: { code: 'MISSING_REQUISITES', refusal: { status: 'refused', reason: 'missing_requisites' } } });
    expect(failed && !failed.ok && failed.error.message).toContain('исходящий');
    expect(existsSync(path.join(dataDir, 'cases/case-2/doc-11.pdf'))).toBe(false);
  });

  it('refuses items past the queue bound, so a large batch is fed chunk by chunk and main never holds it all', async () => {
    const r = runner({ maxQueued: 4 });
    const { jobId } = r.start({ template, contentKey: TEST_FILE_KEYS.content });
    const all = Array.from({ length: 14 }, (_, i) => item(20 + i, { caseworker: CASEWORKER, mission: MISSION }));
    expect(r.add(jobId, all.slice(0, 6), false)).toEqual({ status: 'refused', reason: 'QUEUE_FULL', queued: 0 });
    let sent = 0;
    let refusals = 0;
    let maxQueued = 0;
    while (sent < all.length) {
      const chunk = all.slice(sent, sent + 3);
      const answer = r.add(jobId, chunk, sent + chunk.length === all.length);
      maxQueued = Math.max(maxQueued, answer.queued);
      if (answer.status === 'accepted') sent += chunk.length;
      else {
        expect(answer.reason).toBe('QUEUE_FULL');
        refusals++;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    expect(refusals).toBeGreaterThan(0);
    expect(maxQueued).toBeLessThanOrEqual(4);
    const status = (await r.settled(jobId))!;
    expect(status).toMatchObject({ state: 'done', done: 14, failed: 0, total: 14 });
    expect(r.add(jobId, [item(99)], true)).toMatchObject({ status: 'refused', reason: 'NOT_RUNNING' });
  });

  it('cancels: queued items are dropped, the item in flight still reports, and nothing comes after settling', async () => {
    const r = runner();
    const { jobId } = r.start({ template, contentKey: TEST_FILE_KEYS.content });
    r.add(jobId, Array.from({ length: 12 }, (_, i) => item(40 + i)), true);
    while (r.status(jobId)!.done === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const canceled = r.cancel(jobId)!;
    expect(canceled.state).toBe('canceled');
    expect(canceled.queued).toBe(0);
    const settled = (await r.settled(jobId))!;
    expect(settled.settled).toBe(true);
    expect(settled.done + settled.failed).toBeLessThan(12);
    expect(settled.done + settled.failed).toBe(settled.results.length);
    // Every reported file exists; no file exists for an item never reported.
    const reported = new Set(settled.results.map((x) => x.key));
    for (let i = 40; i < 52; i++) {
      expect(existsSync(path.join(dataDir, `cases/case-${i % 3}/doc-${i}.pdf`))).toBe(reported.has(`item-${i}`));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.status(jobId)!.results.length).toBe(settled.results.length);
  });

  it('merges the files made into one PDF whose page count is the sum of theirs', async () => {
    const r = runner({ workers: 2 });
    const { jobId } = r.start({ template, contentKey: TEST_FILE_KEYS.content });
    r.add(jobId, [item(60), item(61), item(62)], true);
    const status = (await r.settled(jobId))!;
    const files = status.results.map((x) => (x.ok ? x.file : null)).filter((f) => f !== null);
    expect(files).toHaveLength(3);
    const merge = r.merge(files.map((f) => f.relPath), TEST_FILE_KEYS.content);
    const merged = (await r.settled(merge.jobId))!;
    expect(merged).toMatchObject({ kind: 'merge', state: 'done' });
    const expected = files.reduce((sum, f) => sum + f.pages, 0);
    expect(merged.merged?.pages).toBe(expected);
    const doc = await PDFDocument.load(await openBytes(TEST_FILE_KEYS.content, readFileSync(path.join(dataDir, merged.merged!.relPath))));
    expect(doc.getPageCount()).toBe(expected);
    expect(merged.merged!.relPath).toBe(`batches/${merge.jobId}.pdf`);
  });
});

/** A worker that answers renders instantly and dies on the `dieOn`-th one, to test the runner's books alone. */
function fakeSpawner(dieOn: number): { spawn: SpawnWorker; spawned: () => number } {
  let spawned = 0;
  let renders = 0;
  const spawn: SpawnWorker = () => {
    spawned++;
    const messages: Array<(m: WorkerResponse) => void> = [];
    const exits: Array<(code: number | null) => void> = [];
    let alive = true;
    const handle: WorkerHandle = {
      post(message: WorkerRequest) {
        if (!alive || message.type !== 'render') return;
        const n = ++renders;
        setTimeout(() => {
          if (!alive) return;
          if (n === dieOn) {
            alive = false;
            for (const e of exits) e(134);
            return;
          }
          const file = { relPath: `${message.item.caseId}/${message.item.documentId}.pdf`, sha256: 'x', bytes: 1, pages: 1 };
          for (const m of messages) m({ type: 'rendered', taskId: message.taskId, key: message.item.key, ok: true, file, ms: 1, rss: 1 });
        }, 1);
      },
      onMessage: (l) => void messages.push(l),
      onExit: (l) => void exits.push(l),
      terminate() {
        if (!alive) return;
        alive = false;
        for (const e of exits) e(null);
      },
    };
    return handle;
  };
  return { spawn, spawned: () => spawned };
}

describe('batch runner bookkeeping', () => {
  it('reports the item a crashed worker held as failed and carries on with a new worker', async () => {
    const fake = fakeSpawner(3);
    const r = runner({ spawn: fake.spawn });
    const { jobId } = r.start({ template, contentKey: TEST_FILE_KEYS.content });
    r.add(jobId, Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, caseId: 'c', documentId: `d${i}`, inputs: {} })), true);
    const status = (await r.settled(jobId))!;
    expect(status).toMatchObject({ state: 'done', done: 5, failed: 1 });
    expect(status.results.find((x) => !x.ok)).toMatchObject({ key: 'k2', error: { code: 'WORKER_EXITED' } });
    expect(fake.spawned()).toBe(2);
  });

  it('answers unknown jobs as unknown', () => {
    const r = runner({ spawn: fakeSpawner(0).spawn });
    expect(r.status('nope')).toBeNull();
    expect(r.cancel('nope')).toBeNull();
    expect(r.add('nope', [], true)).toMatchObject({ status: 'refused', reason: 'UNKNOWN_JOB' });
  });
});
