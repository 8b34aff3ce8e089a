import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createBatchRunner, type SpawnWorker } from '../../../../../electron/main/batch/runner';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import { testContext } from '../../../support/call-context';
import { testMainDeps } from '../../../support/main-deps';
import { factoryTemplate, fixtureInputs } from '../../../support/document-fixtures';

const dataDir = mkdtempSync(path.join(tmpdir(), 'aryz-batch-channels-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A worker that never answers: these tests are about what reaches the runner, not rendering. */
const silent: SpawnWorker = () => ({ post: () => undefined, onMessage: () => undefined, onExit: () => undefined, terminate: () => undefined });

function dispatcher() {
  const batch = createBatchRunner({ spawn: silent, fontDir: dataDir, dataDir });
  const handlers = createHandlers(testMainDeps(dataDir, { now: () => new Date(), batch }));
  return createDispatcher(handlers, () => undefined);
}

// The fixture carries the whole reference cause; the page sends only its title and explanation.
const item = (overrides: Record<string, unknown> = {}) => ({ key: 'k1', caseId: 'case-1', documentId: 'doc-1', inputs: { ...fixtureInputs('mission_letter_mvd'), cause: null }, ...overrides });

describe('batch channels', () => {
  it('starts a job with a valid template and accepts a chunk of valid items', async () => {
    const dispatch = dispatcher();
    const started = await dispatch('batch:start', { template: factoryTemplate('mission_letter_mvd') }, testContext());
    expect(started).toMatchObject({ ok: true, value: { jobId: expect.any(String) } });
    const jobId = (started as { value: { jobId: string } }).value.jobId;
    await expect(dispatch('batch:add', { jobId, items: [item()], last: true }, testContext())).resolves.toMatchObject({ ok: true, value: { status: 'accepted' } });
    await expect(dispatch('batch:status', { jobId }, testContext())).resolves.toMatchObject({ ok: true, value: { status: 'known', job: { received: 1, total: 1 } } });
  });

  it('refuses ids that would leave the case folder, inputs main would not render and merge paths outside the store', async () => {
    const dispatch = dispatcher();
    for (const bad of [{ caseId: '../etc' }, { documentId: 'a/b' }, { documentId: '..' }, { inputs: { date: 'yesterday' } }]) {
      await expect(dispatch('batch:add', { jobId: 'j1', items: [item(bad)], last: false }, testContext())).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
    for (const file of ['../../etc/passwd', '/etc/passwd', 'a/../../b.pdf', '../batches/x.pdf', 'x.pdf', 'a/b.txt', 'cases/a/b.pdf']) {
      await expect(dispatch('batch:merge', { files: [file] }, testContext())).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
  });

  it('answers unknown jobs as unknown and offers no file for them', async () => {
    const dispatch = dispatcher();
    const saveFile = vi.fn();
    await expect(dispatch('batch:status', { jobId: 'nope' }, testContext())).resolves.toEqual({ ok: true, value: { status: 'unknown' } });
    await expect(dispatch('batch:cancel', { jobId: 'nope' }, testContext())).resolves.toEqual({ ok: true, value: { status: 'unknown' } });
    await expect(dispatch('batch:saveMerged', { jobId: 'nope' }, testContext({ saveFile }))).resolves.toMatchObject({ ok: true, value: { status: 'unknown' } });
    expect(saveFile).not.toHaveBeenCalled();
    await expect(dispatch('batch:add', { jobId: 'nope', items: [], last: true }, testContext())).resolves.toMatchObject({ ok: true, value: { status: 'refused', reason: 'UNKNOWN_JOB' } });
  });
});
