import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createBackupHandlers } from '../../../../../electron/main/backup/handlers';
import { memorySecretStore } from '../../../../../electron/main/backup/secrets';
import type { BackupWriteOptions } from '../../../../../electron/main/backup/backup-session';
import { writeSealedFile } from '../../../../../electron/main/crypto/sealed-file';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import { testContext } from '../../../support/call-context';
import { TEST_FILE_KEYS, testMainDeps } from '../../../support/main-deps';
import { openBytes, sealedName } from '../../../../../electron/main/crypto/file-cipher';

const FAST_KDF = { N: 2 ** 10, r: 8, p: 1 };
const PASS = 'a long enough passphrase';

function setup(options: BackupWriteOptions = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aryz-backup-'));
  const deps = testMainDeps(dataDir, { version: '9.9.9', now: () => new Date(), secrets: memorySecretStore() });
  const table = createBackupHandlers(deps, { kdf: FAST_KDF, ...options });
  const dispatch = createDispatcher(table as never, () => undefined);
  const call = async <T = Record<string, unknown>>(channel: string, payload: unknown, ctx = testContext()): Promise<T> => {
    const result = await dispatch(channel, payload, ctx);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  return { dataDir, call };
}

function addAttachment(dataDir: string, data: Buffer): string {
  const sha = createHash('sha256').update(data).digest('hex');
  mkdirSync(path.join(dataDir, 'attachments'), { recursive: true });
  writeFileSync(path.join(dataDir, 'attachments', sha), data);
  return sha;
}

const exportText = JSON.stringify({ formatName: 'dexie', data: { tables: [{ name: 'cases', rows: [{ id: 'c1', name: 'Үсөнов ңөү' }] }] } });

async function backUp(call: ReturnType<typeof setup>['call'], text = exportText) {
  const begun = await call<{ status: string; session: string }>('backup:begin', { reason: 'manual', schemaVersion: 3, counts: { cases: 1 } });
  expect(begun.status).toBe('started');
  // The page sends binary slices (compressed export) as base64; a slice boundary may fall anywhere.
  const bytes = Buffer.from(text, 'utf8');
  const mid = Math.floor(bytes.length / 2) + 1;
  await call('backup:append', { session: begun.session, seq: 0, data: bytes.subarray(0, mid).toString('base64') });
  await call('backup:append', { session: begun.session, seq: 1, data: bytes.subarray(mid).toString('base64') });
  return call<{ status: string; fileName: string; folder: string; reason?: string }>('backup:finish', { session: begun.session });
}

async function restore(call: ReturnType<typeof setup>['call'], file: string, passphrase = PASS, schemaVersion = 3) {
  const ctx = testContext({ pickFiles: vi.fn(async () => [file]) });
  const picked = await call<{ status: string; pick: string; reason?: string }>('backup:restorePick', {}, ctx);
  if (picked.status !== 'picked') return { refused: picked.reason, text: '' };
  const opened = await call<{ status: string; restore: string; reason?: string; summary?: unknown }>('backup:restoreOpen', { pick: picked.pick, passphrase, schemaVersion });
  if (opened.status !== 'opened') return { refused: opened.reason, text: '' };
  const slices: Buffer[] = [];
  const text = () => Buffer.concat(slices).toString('utf8');
  for (;;) {
    const slice = await call<{ status: string; data?: string; reason?: string }>('backup:restoreRead', { restore: opened.restore });
    if (slice.status === 'refused') return { refused: slice.reason, text: text() };
    if (slice.status === 'end') break;
    slices.push(Buffer.from(slice.data!, 'base64'));
  }
  return { refused: undefined, text: text(), restore: opened.restore, summary: opened.summary };
}

describe('backup and restore handlers', () => {
  it('refuses to back up before a passphrase is set', async () => {
    const { call } = setup();
    await expect(call('backup:begin', { reason: 'daily', schemaVersion: 3, counts: {} })).resolves.toEqual({ status: 'failed', reason: 'NO_PASSPHRASE' });
  });

  it('[fault] replaces the passphrase only when given the current one, and only with one hard enough to guess', async () => {
    const { call } = setup();
    await expect(call('backup:setPassphrase', { passphrase: 'qwertyuiop123' })).resolves.toEqual({ refused: 'weak' });
    await expect(call('backup:setPassphrase', { passphrase: 'консульство2025' })).resolves.toEqual({ refused: 'weak' });
    expect(await call('backup:status', {})).toMatchObject({ passphraseSet: false });
    await expect(call('backup:setPassphrase', { passphrase: PASS })).resolves.toMatchObject({ passphraseSet: true });
    const next = 'Тёплый ветер над Иссык-Кулем';
    await expect(call('backup:setPassphrase', { passphrase: next })).resolves.toEqual({ refused: 'wrong_current' });
    await expect(call('backup:setPassphrase', { passphrase: next, current: 'a long enough passphrasE' })).resolves.toEqual({ refused: 'wrong_current' });
    await expect(call('backup:setPassphrase', { passphrase: '1234567890', current: PASS })).resolves.toEqual({ refused: 'weak' });
    await expect(call('backup:setPassphrase', { passphrase: next, current: PASS })).resolves.toMatchObject({ passphraseSet: true });
    // The new one is now the current one.
    await expect(call('backup:setPassphrase', { passphrase: PASS, current: PASS })).resolves.toEqual({ refused: 'wrong_current' });
  });

  it('round-trips the database export and the attachment store', async () => {
    const { dataDir, call } = setup();
    await call('backup:setPassphrase', { passphrase: PASS });
    const blobs = [randomBytes(3000), randomBytes(10), Buffer.alloc(0)];
    const hashes = blobs.map((b) => addAttachment(dataDir, b));
    const done = await backUp(call);
    expect(done).toMatchObject({ status: 'done', sealed: true, attachments: 3 });
    const file = path.join(done.folder, done.fileName);
    expect(done.folder).toBe(path.join(dataDir, 'backups'));
    expect((await call<{ lastBackup: { fileName: string } }>('backup:status', {})).lastBackup.fileName).toBe(done.fileName);

    // Restore into a fresh data dir: the text comes back exactly, attachments only after commit.
    const target = setup();
    const back = await restore(target.call, file);
    expect(back.refused).toBeUndefined();
    expect(back.text).toBe(exportText);
    expect(back.summary).toMatchObject({ schemaVersion: 3, counts: { cases: 1 }, attachments: 3, appVersion: '9.9.9' });
    expect(existsSync(path.join(target.dataDir, 'attachments'))).toBe(false);
    await expect(target.call('backup:restoreCommit', { restore: back.restore })).resolves.toEqual({ status: 'committed', attachments: 3 });
    // Restored sealed, under the names the store gives them (the source's were plain, from before encryption).
    for (const [i, sha] of hashes.entries()) {
      const raw = readFileSync(path.join(target.dataDir, 'attachments', sealedName(TEST_FILE_KEYS, sha)));
      expect((await openBytes(TEST_FILE_KEYS.content, raw)).equals(blobs[i]!)).toBe(true);
    }
    expect(readdirSync(path.join(target.dataDir, 'restore-staging'))).toEqual([]);
  });

  it('[fault] refuses a wrong passphrase, a damaged file, a newer schema and a non-backup, staging nothing', async () => {
    const { dataDir, call } = setup();
    await call('backup:setPassphrase', { passphrase: PASS });
    addAttachment(dataDir, randomBytes(5000));
    const done = await backUp(call);
    const file = path.join(done.folder, done.fileName);
    const bytes = readFileSync(file);
    const variant = (name: string, data: Buffer) => {
      const p = path.join(dataDir, name);
      writeFileSync(p, data);
      return p;
    };
    const flipped = Buffer.from(bytes);
    flipped.writeUInt8(flipped.readUInt8(bytes.length - 200) ^ 0x04, bytes.length - 200);
    const target = setup();
    expect((await restore(target.call, file, 'not the passphrase')).refused).toBe('WRONG_PASSPHRASE');
    expect((await restore(target.call, variant('cut.aryzbak', bytes.subarray(0, bytes.length - 100)))).refused).toBe('TRUNCATED');
    expect((await restore(target.call, variant('flip.aryzbak', flipped))).refused).toBe('CORRUPT');
    expect((await restore(target.call, file, PASS, 2)).refused).toBe('NEWER_SCHEMA');
    expect((await restore(target.call, variant('x.aryzbak', Buffer.from('hello')))).refused).toBe('NOT_SEALED');
    const foreign = path.join(dataDir, 'foreign.aryzbak');
    await writeSealedFile(foreign, PASS, { something: 'else' }, (async function* () {})(), { kdf: FAST_KDF });
    expect((await restore(target.call, foreign)).refused).toBe('NOT_A_BACKUP');
    expect(existsSync(path.join(target.dataDir, 'attachments'))).toBe(false);
    const staging = path.join(target.dataDir, 'restore-staging');
    expect(existsSync(staging) ? readdirSync(staging).flatMap((d) => readdirSync(path.join(staging, d))) : []).toEqual([]);
  });

  it('[fault] a full disk while writing keeps earlier backups, removes the partial file and reports DISK_FULL', async () => {
    let failAfter = Infinity;
    const options: BackupWriteOptions = {
      openFile: async (temp) => {
        writeFileSync(temp, '');
        let written = 0;
        return {
          write: async (data) => {
            if (written + data.length > failAfter) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            written += data.length;
            writeFileSync(temp, data, { flag: 'a' });
          },
          sync: async () => undefined,
          close: async () => undefined,
        };
      },
    };
    const { dataDir, call } = setup(options);
    await call('backup:setPassphrase', { passphrase: PASS });
    addAttachment(dataDir, randomBytes(200_000));
    const first = await backUp(call);
    expect(first.status).toBe('done');
    const folder = path.join(dataDir, 'backups');
    const before = readdirSync(folder).map((n) => [n, readFileSync(path.join(folder, n)).toString('base64')]);
    failAfter = 50_000;
    await new Promise((r) => setTimeout(r, 1100)); // a different file name (seconds resolution)
    await expect(backUp(call)).resolves.toEqual({ status: 'failed', reason: 'DISK_FULL' });
    expect(readdirSync(folder).map((n) => [n, readFileSync(path.join(folder, n)).toString('base64')])).toEqual(before);
    expect(readdirSync(path.join(dataDir, 'backup-staging'))).toEqual([]);
    const status = await call<{ lastFailure: { reason: string }; lastBackup: { fileName: string } }>('backup:status', {});
    expect(status.lastFailure.reason).toBe('DISK_FULL');
    expect(status.lastBackup.fileName).toBe(first.fileName);
  });

  it('[fault] fails the session on a missing slice and when a chosen folder has gone (a removed USB stick)', async () => {
    const { dataDir, call } = setup();
    await call('backup:setPassphrase', { passphrase: PASS });
    const begun = await call<{ session: string }>('backup:begin', { reason: 'manual', schemaVersion: 3, counts: {} });
    await call('backup:append', { session: begun.session, seq: 0, data: 'YQ==' });
    await expect(call('backup:append', { session: begun.session, seq: 2, data: 'Yw==' })).resolves.toEqual({ status: 'failed', reason: 'SESSION_LOST' });
    await expect(call('backup:finish', { session: begun.session })).resolves.toEqual({ status: 'failed', reason: 'SESSION_LOST' });

    const stick = path.join(dataDir, 'stick');
    mkdirSync(stick);
    await call('backup:chooseFolder', {}, testContext({ pickFolder: vi.fn(async () => stick) }));
    expect((await backUp(call)).folder).toBe(stick);
    await import('node:fs/promises').then((fs) => fs.rm(stick, { recursive: true }));
    await expect(backUp(call)).resolves.toEqual({ status: 'failed', reason: 'FOLDER_UNAVAILABLE' });
    expect(existsSync(stick)).toBe(false);
  });
});
