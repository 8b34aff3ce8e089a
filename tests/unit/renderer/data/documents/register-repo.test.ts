import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { AryzDb } from '../../../../../renderer/src/data/schema';
import { auditFor, changeStatus, createCase, updateField } from '../../../../../renderer/src/data/cases/cases.repo';
import { openCaseList } from '../../../../../renderer/src/data/cases/list-query.repo';
import {
  documentsFor,
  recordGeneratedFile,
  registerDocument,
  registerRows,
  saveNumbering,
  voidDocument,
  type RegisterInput,
} from '../../../../../renderer/src/data/documents/register.repo';
import { actor, freshDb, intake, selectDb } from '../../../support/db-fixtures';

/** The cases a search of the case list finds (answered by the in-memory index). */
async function found(db: AryzDb, text: string): Promise<string[]> {
  const list = await openCaseList({ text, filters: {}, sort: 'updatedAt', direction: 'desc' });
  return (await list.page(0, 100)).map((row) => row.id);
}

async function seeded(db: AryzDb = freshDb()) {
  const created = await createCase(intake(), actor, { now: new Date('2025-06-01T09:00:00Z') });
  if (!created.ok) throw new Error('seed');
  return { db, caseId: created.value.id };
}

const letter = (caseId: string, date: string, extra: Partial<RegisterInput> = {}): RegisterInput => ({
  caseId,
  templateId: 'mission_letter_mvd',
  templateVersion: 1,
  title: 'Ходатайство об исключении из реестра',
  addressee: 'УВМ ГУ МВД России по г. Москве',
  date,
  numbered: true,
  ...extra,
});

describe('outgoing register', () => {
  it('numbers documents in order, restarts the sequence each year, and leaves unnumbered documents out', async () => {
    const { caseId } = await seeded();
    const a = await registerDocument(letter(caseId, '2025-12-30'), actor);
    const b = await registerDocument(letter(caseId, '2025-12-31'), actor);
    const plain = await registerDocument(letter(caseId, '2025-12-31', { numbered: false, templateId: 'citizen_memo' }), actor);
    const c = await registerDocument(letter(caseId, '2026-01-02'), actor);
    // A late registration of the old year continues that year's sequence.
    const d = await registerDocument(letter(caseId, '2025-12-31'), actor);
    expect([a, b, c, d].map((x) => x.outgoingNumber)).toEqual(['КР-М-1/25', 'КР-М-2/25', 'КР-М-1/26', 'КР-М-3/25']);
    expect(plain).toMatchObject({ outgoingNumber: '', outgoingSeq: null, status: 'generated' });
    const rows = await registerRows();
    expect(rows.map((r) => r.number)).toEqual(['КР-М-1/25', 'КР-М-2/25', 'КР-М-3/25', 'КР-М-1/26']);
    expect(rows[0]).toMatchObject({ caseId, documentId: a.id, status: 'registered', year: 2025, seq: 1, caseNumber: expect.any(String) });
    expect((await documentsFor(caseId)).length).toBe(5);
    const audit = await auditFor(caseId);
    expect(audit.filter((r) => r.entity === 'document' && r.action === 'create').map((r) => (r.changes[0]!.after as { outgoingNumber: string }).outgoingNumber)).toEqual(['КР-М-1/25', 'КР-М-2/25', '', 'КР-М-1/26', 'КР-М-3/25']);
  });

  it('uses the format saved in Settings', async () => {
    const { caseId } = await seeded();
    await saveNumbering({ format: '{prefix}/{yyyy}-{seq:3}' }, actor);
    expect((await registerDocument(letter(caseId, '2026-03-01'), actor)).outgoingNumber).toBe('КР-М/2026-001');
    await expect(saveNumbering({ format: '{prefix}-{seq}' }, actor)).rejects.toThrow();
  });

  it('never gives a number twice or skips one when two tabs register at the same time', async () => {
    const indexedDB = new IDBFactory();
    const tab1 = selectDb(new AryzDb('race', { indexedDB, IDBKeyRange }));
    const { caseId } = await seeded(tab1);
    // The second tab is another renderer: its own copy of the data layer, reading its own connection.
    vi.resetModules();
    await import('../../../support/signed-in');
    const other = { schema: await import('../../../../../renderer/src/data/schema'), register: await import('../../../../../renderer/src/data/documents/register.repo') };
    const tab2 = new other.schema.AryzDb('race', { indexedDB, IDBKeyRange });
    other.schema.selectDatabaseForTests(tab2);
    const jobs = Array.from({ length: 40 }, (_, i) => (i % 2 ? registerDocument : other.register.registerDocument)(letter(caseId, '2026-02-10', { title: `Письмо ${i}` }), actor));
    const docs = await Promise.all(jobs);
    const seqs = docs.map((d) => d.outgoingSeq!).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(docs.map((d) => d.outgoingNumber)).size).toBe(40);
    expect(await tab2.outgoing.count()).toBe(40);
    tab1.close();
    tab2.close();
  });

  it('a failed registration allocates nothing', async () => {
    const { db } = await seeded();
    await expect(registerDocument(letter('no-such-case', '2026-02-10'), actor)).rejects.toThrow(/No case/);
    expect(await db.outgoing.count()).toBe(0);
  });

  it('voids with a reason; the number stays in the register, marked void, and is not reused', async () => {
    const { caseId } = await seeded();
    const a = await registerDocument(letter(caseId, '2026-02-10'), actor);
    expect(await voidDocument(a.id, '   ', actor)).toEqual({ ok: false, reason: 'reason_required' });
    const voided = await voidDocument(a.id, 'Ошибка в адресате', actor);
    expect(voided).toMatchObject({ ok: true, value: { status: 'void', voidReason: 'Ошибка в адресате' } });
    expect(await voidDocument(a.id, 'again', actor)).toEqual({ ok: false, reason: 'already_void' });
    const b = await registerDocument(letter(caseId, '2026-02-11'), actor);
    expect(b.outgoingNumber).toBe('КР-М-2/26');
    expect(await registerRows({ status: 'void' })).toMatchObject([{ number: 'КР-М-1/26', status: 'void', voidReason: 'Ошибка в адресате' }]);
    await expect(recordGeneratedFile(a.id, { relPath: `${caseId}/x.pdf`, sha256: 'a'.repeat(64), bytes: 1, pages: 1 }, actor)).rejects.toThrow(/void/);
    const audit = await auditFor(caseId);
    expect(audit.find((r) => r.action === 'void')).toMatchObject({ entity: 'document', entityId: a.id, note: 'Ошибка в адресате' });
  });

  it('filters the register by period, status, addressee and text', async () => {
    const { caseId } = await seeded();
    await registerDocument(letter(caseId, '2026-01-10', { addressee: 'УВМ ГУ МВД России по г. Москве' }), actor);
    await registerDocument(letter(caseId, '2026-02-10', { addressee: 'Департамент консульской службы МИД России', title: 'Вербальная нота' }), actor);
    await registerDocument(letter(caseId, '2026-03-10', { addressee: 'ГУ МВД России по Свердловской области' }), actor);
    expect((await registerRows({ from: '2026-02-01', to: '2026-03-10' })).map((r) => r.seq)).toEqual([2, 3]);
    expect((await registerRows({ addressee: 'мвд' })).map((r) => r.seq)).toEqual([1, 3]);
    expect((await registerRows({ text: 'ВЕРБАЛЬНАЯ' })).map((r) => r.seq)).toEqual([2]);
    expect((await registerRows({ text: 'КР-М-3/' })).map((r) => r.seq)).toEqual([3]);
    expect(await registerRows({ status: 'void' })).toEqual([]);
  });

  it('records the generated file on the document', async () => {
    const { db, caseId } = await seeded();
    const a = await registerDocument(letter(caseId, '2026-02-10'), actor);
    const file = { relPath: `${caseId}/a.pdf`, sha256: 'b'.repeat(64), bytes: 1234, pages: 2 };
    const next = await recordGeneratedFile(a.id, file, actor);
    expect(next.file).toEqual(file);
    expect((await db.documents.get(a.id))!.events.map((e) => e.kind)).toEqual(['registered', 'file']);
  });

  it('makes the case findable by its outgoing numbers, and keeps them through later edits of the case', async () => {
    const { db, caseId } = await seeded();
    // The search index is built first, so the number reaches it as an update (through the register's write).
    expect(await found(db, 'КР-М-26-99999')).toEqual([]);
    const a = await registerDocument(letter(caseId, '2026-02-10'), actor);
    expect(await found(db, a.outgoingNumber)).toEqual([caseId]);
    await updateField(caseId, 'person.ruPostalAddress', 'г. Москва, ул. Тверская, д. 1', actor);
    await changeStatus(caseId, 'checking', '', actor);
    expect(await found(db, a.outgoingNumber)).toEqual([caseId]);
    await voidDocument(a.id, 'Ошибка', actor);
    await updateField(caseId, 'person.ruPostalAddress', 'г. Москва, ул. Тверская, д. 2', actor);
    expect(await found(db, a.outgoingNumber)).toEqual([caseId]);
  });
});
