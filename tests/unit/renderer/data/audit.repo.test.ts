import { describe, expect, it } from 'vitest';
import { auditCheckNote, auditCheckOf, recentAudit, recordAct, verifyAudit, writeAudit, writeAudits, writeSessionEvents, type AuditEntry } from '../../../../renderer/src/data/audit.repo';
import { beginSession } from '../../../../renderer/src/lib/session';
import { signInForTests } from '../../support/signed-in';
import { freshDb } from '../../support/db-fixtures';

const entry = (i: number): AuditEntry => ({ at: `2026-12-07T10:00:0${i}Z`, who: 'Токтогулов Нурлан', caseId: `c${i}`, entity: 'case', entityId: `c${i}`, action: 'update', changes: [{ field: 'phone', before: '1', after: String(i) }] });

async function seeded() {
  const db = freshDb();
  await writeAudit(entry(0));
  await writeAudits([entry(1), entry(2), entry(3)]);
  // Inside a caller's transaction, as repositories write it.
  await db.transaction('rw', db.cases, db.audit, () => writeAudit(entry(4)));
  return db;
}

describe('every audit row written through the data layer is chained', () => {
  it('links rows in order and verifies an untouched audit', async () => {
    const db = await seeded();
    const rows = await db.audit.orderBy(':id').toArray();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[3]!.prevHash).toBe(rows[2]!.hash);
    expect(await verifyAudit()).toMatchObject({ ok: true, rows: 5, unchained: 0 });
  });

  it('names a row edited outside the app', async () => {
    const db = await seeded();
    await db.audit.update(3, { who: 'Кто-то другой' });
    expect(await verifyAudit()).toMatchObject({ ok: false, brokenAt: 2, reason: 'edited', row: { seq: 3 } });
  });

  it('names the row after one removed outside the app', async () => {
    const db = await seeded();
    await db.audit.delete(2);
    expect(await verifyAudit()).toMatchObject({ ok: false, brokenAt: 1, reason: 'link', row: { seq: 3 } });
  });

  it('names a row inserted outside the app', async () => {
    const db = await seeded();
    const last = (await db.audit.orderBy(':id').last())!;
    await db.audit.delete(last.seq!);
    await db.audit.add({ ...entry(9), seq: 5, prevHash: last.prevHash, hash: 'f'.repeat(64) });
    expect(await verifyAudit()).toMatchObject({ ok: false, brokenAt: 4, reason: 'edited' });
  });

  it('reports rows cut from the end against the head kept at the last backup', async () => {
    const db = await seeded();
    const head = (await db.audit.orderBy(':id').last())!;
    await db.audit.delete(head.seq!);
    expect((await verifyAudit()).ok).toBe(true);
    expect(await verifyAudit({ seq: head.seq!, hash: head.hash! })).toMatchObject({ ok: false, reason: 'head' });
  });

  it('continues an older database: unchained rows first, then the chain', async () => {
    const db = freshDb();
    await db.audit.bulkAdd([entry(0), entry(1)]);
    await writeAudit(entry(2));
    expect(await verifyAudit()).toMatchObject({ ok: true, rows: 3, unchained: 2 });
  });
});

describe('«кто» is the signed-in account, and acts are recorded as it', () => {
  const account = { accountId: 'c'.repeat(24), name: 'Асанова Айгуль', position: 'Атташе', role: 'caseworker' as const, mustChangePassword: false };

  it('stamps every row with the signed-in account’s id; sign-in events keep their own account', async () => {
    beginSession(account, `${'A'.repeat(43)}=`);
    try {
      const db = freshDb();
      await writeAudit(entry(0));
      await writeSessionEvents([{ at: '2026-12-07T09:00:00Z', kind: 'sign_in_failed', accountId: 'd'.repeat(24), accountName: 'Другой', detail: '1' }]);
      await recordAct({ action: 'open', entity: 'case', entityId: 'c1', caseId: 'c1', note: 'КР-М-26-00001' }, new Date('2026-12-07T10:00:00Z'));
      const rows = await db.audit.orderBy(':id').toArray();
      expect(rows.map((r) => [r.accountId, r.who, r.action])).toEqual([
        [account.accountId, 'Токтогулов Нурлан', 'update'],
        ['d'.repeat(24), 'Другой', 'sign_in_failed'],
        [account.accountId, account.name, 'open'],
      ]);
      expect(rows[2]).toMatchObject({ caseId: 'c1', entity: 'case', note: 'КР-М-26-00001', at: '2026-12-07T10:00:00.000Z' });
      expect(await verifyAudit()).toMatchObject({ ok: true, rows: 3 });
      // The activity log reads newest first.
      expect((await recentAudit(2)).map((r) => r.seq)).toEqual([3, 2]);
    } finally {
      signInForTests();
    }
  });

  it('a check names the row where the chain broke, by its position', async () => {
    const db = await seeded();
    await db.audit.update(4, { note: 'edited' });
    const verdict = await verifyAudit();
    expect(auditCheckOf(verdict)).toEqual({ ok: false, rows: 3, brokenSeq: 4, reason: 'edited' });
    expect(auditCheckNote(auditCheckOf(verdict))).toBe('audit: BROKEN at row 4 (edited)');
  });
});
