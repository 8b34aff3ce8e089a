import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import { createTransferHandlers } from '../../../../../electron/main/transfer/handlers';
import type { ResponseOf } from '../../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../../shared/ipc/result';
import { gatherCases } from '../../../../../renderer/src/data/transfer/gather.repo';
import { freshDb } from '../../../support/db-fixtures';
import { testContext } from '../../../support/call-context';
import { TEST_FILE_KEYS, testMainDeps } from '../../../support/main-deps';
import { openBytes, sealedName } from '../../../../../electron/main/crypto/file-cipher';
import { FAST, PASS, seedCases, tempDir } from '../../../support/transfer-fixtures';

async function setup() {
  const dataDir = await tempDir();
  const deps = testMainDeps(dataDir, { version: '0.1.0', now: () => new Date('2025-06-01T09:00:00Z') });
  // The real table, with the transfer handlers' scrypt lowered so the test stays fast.
  const dispatch = createDispatcher({ ...createHandlers(deps), ...createTransferHandlers(deps, FAST) }, () => undefined);
  return { dataDir, dispatch };
}

async function exportRequest(attachments: string[] = []) {
  const db = freshDb();
  const ids = await seedCases(db);
  const { records } = await gatherCases(ids);
  return {
    bundleId: 'bundle-1',
    passphrase: PASS,
    source: { missionId: 'mKR', missionName: 'Посольство', caseworker: 'Токтогулов Нурлан' },
    schemaVersion: 9,
    records,
    attachments,
  };
}

describe('transfer handlers', () => {
  it('export → pick → open → store files → discard, through the dispatcher', async () => {
    const { dataDir, dispatch } = await setup();
    const scan = Buffer.from('%PDF-1.4 a scan');
    const sha = createHash('sha256').update(scan).digest('hex');
    await mkdir(path.join(dataDir, 'attachments'), { recursive: true });
    await writeFile(path.join(dataDir, 'attachments', sha), scan);
    let saved: Uint8Array | null = null;
    const saveCtx = testContext({
      saveFile: vi.fn(async ({ data, defaultName }) => {
        saved = data;
        return { status: 'saved' as const, fileName: defaultName };
      }),
    });
    const exported = await dispatch('transfer:export', await exportRequest([sha]), saveCtx);
    expect(exported).toMatchObject({ ok: true, value: { status: 'saved', fileName: 'aryz-transfer-20250601-0900.aryzt' } });
    expect(await readdir(path.join(dataDir, 'transfer-out'))).toEqual([]);

    // "Another PC": a new data dir without the scan; the bundle arrives through the open dialog.
    const other = await setup();
    const bundlePath = path.join(other.dataDir, 'incoming.aryzt');
    await writeFile(bundlePath, saved!);
    const pickCtx = testContext({ pickFiles: vi.fn(async () => [bundlePath]) });
    const picked = (await other.dispatch('transfer:pick', {}, pickCtx)) as IpcResult<ResponseOf<'transfer:pick'>>;
    if (!picked.ok || picked.value.status !== 'picked') throw new Error(JSON.stringify(picked));
    expect(picked.value.fileName).toBe('incoming.aryzt');
    const token = picked.value.token;
    expect(await other.dispatch('transfer:open', { token, passphrase: 'wrong passphrase!' }, testContext())).toEqual({ ok: true, value: { status: 'refused', reason: 'wrong_passphrase' } });
    const opened = (await other.dispatch('transfer:open', { token, passphrase: PASS }, testContext())) as IpcResult<ResponseOf<'transfer:open'>>;
    if (!opened.ok || opened.value.status !== 'opened') throw new Error(JSON.stringify(opened));
    expect(opened.value.manifest.attachments).toEqual([{ sha256: sha, bytes: scan.length }]);
    expect(opened.value.records).toHaveLength(12);
    expect(await other.dispatch('transfer:storeFiles', { token }, testContext())).toEqual({ ok: true, value: { status: 'stored', files: 1 } });
    // The receiving PC keeps it sealed under its HMAC name; the sending PC's plain file (from before encryption) was read as it was.
    expect(await openBytes(TEST_FILE_KEYS.content, await readFile(path.join(other.dataDir, 'attachments', sealedName(TEST_FILE_KEYS, sha))))).toEqual(scan);
    expect(await readdir(path.join(other.dataDir, 'attachments'))).toEqual([sealedName(TEST_FILE_KEYS, sha)]);
    expect(await other.dispatch('transfer:discard', { token }, testContext())).toEqual({ ok: true, value: { status: 'discarded' } });
    expect(await readdir(path.join(other.dataDir, 'transfer-staging'))).toEqual([]);
    // The token is gone with it.
    expect(await other.dispatch('transfer:open', { token, passphrase: PASS }, testContext())).toMatchObject({ ok: true, value: { status: 'refused', reason: 'not_bundle' } });
  });

  it("carries generated documents' PDFs and puts them beside their cases on the other PC; a changed PDF is refused", async () => {
    const { dataDir, dispatch } = await setup();
    const letter = Buffer.from('%PDF-1.7 a consular letter');
    const sha = createHash('sha256').update(letter).digest('hex');
    const relPath = 'case-1/doc-1.pdf';
    await mkdir(path.join(dataDir, 'cases', 'case-1'), { recursive: true });
    await writeFile(path.join(dataDir, 'cases', relPath), letter);
    let saved: Uint8Array | null = null;
    const saveCtx = testContext({ saveFile: vi.fn(async ({ data, defaultName }) => ((saved = data), { status: 'saved' as const, fileName: defaultName })) });
    const request = { ...(await exportRequest()), documents: [{ relPath, sha256: sha }] };
    expect(await dispatch('transfer:export', request, saveCtx)).toMatchObject({ ok: true, value: { status: 'saved' } });

    const other = await setup();
    const bundlePath = path.join(other.dataDir, 'incoming.aryzt');
    await writeFile(bundlePath, saved!);
    const picked = (await other.dispatch('transfer:pick', {}, testContext({ pickFiles: vi.fn(async () => [bundlePath]) }))) as IpcResult<ResponseOf<'transfer:pick'>>;
    if (!picked.ok || picked.value.status !== 'picked') throw new Error(JSON.stringify(picked));
    const token = picked.value.token;
    const opened = (await other.dispatch('transfer:open', { token, passphrase: PASS }, testContext())) as IpcResult<ResponseOf<'transfer:open'>>;
    if (!opened.ok || opened.value.status !== 'opened') throw new Error(JSON.stringify(opened));
    expect(opened.value.manifest.attachments).toEqual([{ sha256: sha, bytes: letter.length }]);
    // A name that leaves the store is refused before anything is written.
    expect(await other.dispatch('transfer:storeFiles', { token, documents: [{ relPath: '../../evil.pdf', sha256: sha }] }, testContext())).toMatchObject({ ok: true, value: { status: 'refused', reason: 'unsafe_keys' } });
    expect(await other.dispatch('transfer:storeFiles', { token, documents: [{ relPath, sha256: sha }] }, testContext())).toMatchObject({ ok: true, value: { status: 'stored' } });
    expect(await openBytes(TEST_FILE_KEYS.content, await readFile(path.join(other.dataDir, 'cases', relPath)))).toEqual(letter);
    expect((await readdir(path.join(other.dataDir, 'cases', 'case-1'))).sort()).toEqual(['doc-1.pdf']);

    // The PDF changed on disk since it was generated: it is not sent as that letter.
    await writeFile(path.join(dataDir, 'cases', relPath), Buffer.from('%PDF-1.7 edited'));
    const ctx = testContext();
    expect(await dispatch('transfer:export', request, ctx)).toEqual({ ok: true, value: { status: 'refused', reason: 'hash_mismatch', detail: relPath } });
    expect(await dispatch('transfer:export', { ...request, documents: [{ relPath: 'case-1/none.pdf', sha256: sha }] }, ctx)).toEqual({
      ok: true,
      value: { status: 'refused', reason: 'missing_file', detail: 'case-1/none.pdf' },
    });
    expect(ctx.saveFile).not.toHaveBeenCalled();
  });

  it('refuses to export an attachment that is not a plain file of the store', async () => {
    const { dataDir, dispatch } = await setup();
    const missing = 'a'.repeat(64);
    const ctx = testContext();
    expect(await dispatch('transfer:export', await exportRequest([missing]), ctx)).toEqual({ ok: true, value: { status: 'refused', reason: 'missing_file', detail: missing } });
    expect(ctx.saveFile).not.toHaveBeenCalled();
    // Paths and short passphrases never reach the handler.
    const bad = await dispatch('transfer:export', { ...(await exportRequest()), attachments: ['../../etc/passwd'], passphrase: 'short' }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('answers a cancelled pick and an unknown token without touching anything', async () => {
    const { dispatch } = await setup();
    expect(await dispatch('transfer:pick', {}, testContext({ pickFiles: vi.fn(async () => null) }))).toEqual({ ok: true, value: { status: 'canceled' } });
    expect(await dispatch('transfer:open', { token: '0'.repeat(32), passphrase: PASS }, testContext())).toMatchObject({ ok: true, value: { status: 'refused', reason: 'not_bundle' } });
    expect(await dispatch('transfer:storeFiles', { token: '0'.repeat(32) }, testContext())).toMatchObject({ ok: true, value: { status: 'refused' } });
    expect(await dispatch('transfer:open', { token: '../x', passphrase: PASS }, testContext())).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});
