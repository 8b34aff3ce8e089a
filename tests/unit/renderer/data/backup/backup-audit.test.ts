import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditCheck, BackupSummary } from '../../../../../shared/ipc/channels/backup';
import type { AryzApi } from '../../../../../shared/ipc/contract';
import { writeAudit, type AuditEntry } from '../../../../../renderer/src/data/audit.repo';
import { runBackup } from '../../../../../renderer/src/data/backup/backup.repo';
import { exportDatabase } from '../../../../../renderer/src/data/backup/db-export.repo';
import { runRestore } from '../../../../../renderer/src/data/backup/restore.repo';
import { AryzDb } from '../../../../../renderer/src/data/schema';
import { bytesToBase64 } from '../../../../../renderer/src/lib/base64';
import { beginSession } from '../../../../../renderer/src/lib/session';
import { signInForTests } from '../../../support/signed-in';
import { selectDb } from '../../../support/db-fixtures';

const ADMIN = { accountId: 'a'.repeat(24), name: 'Токтогулов Нурлан', position: 'Консул', role: 'admin' as const, mustChangePassword: false };
const KEY = `${'A'.repeat(43)}=`;
const entry = (i: number): AuditEntry => ({ at: `2026-12-07T10:00:0${i}Z`, who: ADMIN.name, caseId: `c${i}`, entity: 'case', entityId: `c${i}`, action: 'update', changes: [] });

let n = 0;
async function seeded(rows = 5): Promise<AryzDb> {
  const db = selectDb(new AryzDb(`backup-audit-${++n}-${Date.now()}`));
  await db.open();
  for (let i = 0; i < rows; i++) await writeAudit(entry(i));
  return db;
}

/** Main's side of a backup, recording what the page sends. */
function backupApi() {
  const begun: { audit?: AuditCheck }[] = [];
  const api = {
    beginBackup: async (request: { audit?: AuditCheck }) => {
      begun.push(request);
      return { ok: true, value: { status: 'started', session: 'b'.repeat(24), sealed: true } };
    },
    appendBackup: async () => ({ ok: true, value: { status: 'ok', bytes: 1 } }),
    abortBackup: async () => ({ ok: true, value: {} }),
    finishBackup: async () => ({ ok: true, value: { status: 'done', fileName: 'aryz-2026-12-07.aryzbak', folder: '/b', bytes: 10, at: '2026-12-07T10:00:00Z', sealed: true, attachments: 0, removed: 0 } }),
  };
  return { api: api as unknown as AryzApi, begun };
}

/** Main's side of a restore: the database export of `source`, gzip-compressed, in slices. */
async function restoreApi(source: Dexie) {
  const { blob, counts } = await exportDatabase(source);
  const gz = new Uint8Array(await new Response(blob.stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
  const slices = [gz.subarray(0, 100), gz.subarray(100)].map((s) => bytesToBase64(s));
  const calls = { commit: 0, cancel: 0 };
  const api = {
    readRestore: async () => {
      const next = slices.shift();
      return { ok: true, value: next === undefined ? { status: 'end' } : { status: 'data', data: next } };
    },
    commitRestore: async () => {
      calls.commit++;
      return { ok: true, value: { status: 'committed' } };
    },
    cancelRestore: async () => {
      calls.cancel++;
      return { ok: true, value: {} };
    },
  };
  return { api: api as unknown as AryzApi, counts, calls };
}

const summaryOf = (counts: Record<string, number>, audit: AuditCheck | null, schemaVersion: number): BackupSummary => ({
  createdAt: '2026-12-07T10:00:00.000Z',
  appVersion: '0.1.0',
  schemaVersion,
  reason: 'manual',
  counts,
  attachments: 0,
  attachmentBytes: 0,
  databaseBytes: 1,
  audit,
});

beforeAll(() => {
  // The restore's switch of the active database is one localStorage entry.
  const store = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
});
// Back to the suite's own session: the at-rest codec needs a key for every database a later test opens.
afterEach(() => signInForTests());

describe('every backup checks the audit chain first', () => {
  it('seals an intact chain’s head into the manifest and records the backup as the signed-in account', async () => {
    beginSession(ADMIN, KEY);
    const db = await seeded();
    const head = (await db.audit.orderBy(':id').last())!;
    const { api, begun } = backupApi();
    const outcome = await runBackup(api, 'manual', db);
    expect(begun[0]!.audit).toEqual({ ok: true, rows: 5, headSeq: 5, headHash: head.hash });
    expect(outcome).toMatchObject({ status: 'done', audit: { ok: true, rows: 5 } });
    const last = (await db.audit.orderBy(':id').last())!;
    expect(last).toMatchObject({ seq: 6, action: 'backup', entity: 'backup', who: ADMIN.name, accountId: ADMIN.accountId, note: 'manual; audit: intact, 5 rows' });
  });

  it('still backs up a broken chain, and the manifest and the audit say at which row it broke', async () => {
    beginSession(ADMIN, KEY);
    const db = await seeded();
    await db.audit.update(3, { who: 'Кто-то другой' });
    const { api, begun } = backupApi();
    const outcome = await runBackup(api, 'daily', db);
    expect(begun[0]!.audit).toEqual({ ok: false, rows: 2, brokenSeq: 3, reason: 'edited' });
    expect(outcome).toMatchObject({ status: 'done', audit: { ok: false, brokenSeq: 3 } });
    expect((await db.audit.orderBy(':id').last())!.note).toBe('daily; audit: BROKEN at row 3 (edited)');
  });
});

describe('a restore reports a broken chain in the backup before committing it', () => {
  it('restores an intact backup and records the restore in the restored audit', async () => {
    beginSession(ADMIN, KEY);
    const source = await seeded();
    const head = (await source.audit.orderBy(':id').last())!;
    const { api, counts, calls } = await restoreApi(source);
    const outcome = await runRestore(api, 'r'.repeat(24), summaryOf(counts, { ok: true, rows: 5, headSeq: 5, headHash: head.hash! }, source.verno), 'current', Date.now());
    expect(outcome.status).toBe('restored');
    expect(calls.commit).toBe(1);
    const restored = new AryzDb((outcome as { database: string }).database);
    const last = (await restored.audit.orderBy(':id').last())!;
    expect(last).toMatchObject({ seq: 6, action: 'restore', who: ADMIN.name, accountId: ADMIN.accountId });
    expect(last.note).toContain('audit: intact, 5 rows');
    restored.close();
  });

  it('refuses by default a backup whose chain has an edited row, naming the row, and commits nothing', async () => {
    const source = await seeded();
    await source.audit.update(2, { changes: [{ field: 'phone', before: null, after: 'forged' }] });
    const { api, counts, calls } = await restoreApi(source);
    const restoredBefore = (await Dexie.getDatabaseNames()).filter((name) => name.startsWith('aryz-restored-'));
    const asked: AuditCheck[] = [];
    const outcome = await runRestore(api, 'r'.repeat(24), summaryOf(counts, null, source.verno), 'current', Date.now(), async (check) => {
      asked.push(check);
      return false;
    });
    expect(asked).toEqual([{ ok: false, rows: 1, brokenSeq: 2, reason: 'edited' }]);
    expect(outcome).toEqual({ status: 'refused', reason: 'AUDIT_BROKEN', audit: asked[0] });
    expect(calls).toEqual({ commit: 0, cancel: 1 });
    // The half-restored database is deleted again: nothing of the refused backup stays.
    expect((await Dexie.getDatabaseNames()).filter((name) => name.startsWith('aryz-restored-'))).toEqual(restoredBefore);
  });

  it('reports a removed row and rows cut from the end against the sealed head; restoring anyway records the break', async () => {
    beginSession(ADMIN, KEY);
    const removed = await seeded();
    await removed.audit.delete(3);
    const first = await restoreApi(removed);
    const checks: AuditCheck[] = [];
    const refused = await runRestore(first.api, 'r'.repeat(24), summaryOf(first.counts, null, removed.verno), 'current', Date.now(), async (check) => (checks.push(check), false));
    expect(refused.status).toBe('refused');
    expect(checks[0]).toEqual({ ok: false, rows: 2, brokenSeq: 4, reason: 'link' });

    const cut = await seeded();
    const head = (await cut.audit.orderBy(':id').last())!;
    await cut.audit.delete(head.seq!);
    const second = await restoreApi(cut);
    const outcome = await runRestore(second.api, 'r'.repeat(24), summaryOf(second.counts, { ok: true, rows: 5, headSeq: 5, headHash: head.hash! }, cut.verno), 'current', Date.now() + 1, async (check) => {
      checks.push(check);
      return true;
    });
    expect(checks[1]).toEqual({ ok: false, rows: 4, brokenSeq: 5, reason: 'head' });
    expect(outcome.status).toBe('restored');
    const restored = new AryzDb((outcome as { database: string }).database);
    expect((await restored.audit.orderBy(':id').last())!.note).toContain('audit: BROKEN at row 5 (head)');
    restored.close();
  });
});
