import { describe, expect, it } from 'vitest';
import { auditFor, changeStatus, createCase, findDuplicates, getCase, updateField } from '../../../../../renderer/src/data/cases/cases.repo';
import { actor, freshDb, intake } from '../../../support/db-fixtures';

const NOW = new Date('2025-06-01T09:00:00Z');

describe('case repository', () => {
  it('creates person and case together with a per-mission, per-year number and an audit entry', async () => {
    freshDb();
    const first = await createCase(intake(), actor, { now: NOW });
    const second = await createCase(intake(), actor, { now: NOW });
    expect(first.ok && first.value.number).toBe('КР-М-25-00001');
    expect(second.ok && second.value.number).toBe('КР-М-25-00002');
    if (!first.ok) throw new Error('not created');
    const loaded = await getCase(first.value.id);
    expect(loaded?.person.documents).toHaveLength(1);
    expect(loaded?.record.status).toBe('intake');
    expect(loaded?.record.statusHistory).toEqual([{ status: 'intake', at: NOW.toISOString(), note: '' }]);
    const audit = await auditFor(first.value.id);
    expect(audit.map((a) => [a.action, a.who])).toEqual([['create', actor.who]]);
  });

  it('refuses impossible data and writes nothing', async () => {
    const db = freshDb();
    const bad = intake({ pin: '2120319900012X' });
    bad.documents[0]!.expiryDate = '2020-01-01';
    const result = await createCase(bad, actor, { now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.code).sort()).toEqual(['document_expiry_before_issue', 'pin_format']);
    expect(await db.cases.count()).toBe(0);
    expect(await db.persons.count()).toBe(0);
  });

  it('finds duplicates by ПИН, by any document number however typed, and by name + birth date across scripts', async () => {
    freshDb();
    const existing = await createCase(
      intake({ nameKy: ['Жумагулов', 'Үсөн', ''], nameRu: ['Джумагулов', 'Усен', ''], nameLat: ['DZHUMAGULOV', 'USON', ''], pin: '21203199000123', series: 'AN', number: '1234567', birth: { year: 1990, month: 3, day: 12 } }),
      actor,
      { now: NOW },
    );
    if (!existing.ok) throw new Error('seed failed');
    const byPin = await findDuplicates(intake({ nameRu: ['Иванов', 'Иван', ''], nameKy: ['Иванов', 'Иван', ''], nameLat: ['IVANOV', 'IVAN', ''], pin: '2 1203 1990 00123', number: '7654321' }));
    expect(byPin.map((m) => m.reasons.map((r) => r.reason))).toEqual([['pin']]);
    const byDoc = await findDuplicates(intake({ nameRu: ['Иванов', 'Иван', ''], nameKy: ['Иванов', 'Иван', ''], nameLat: ['IVANOV', 'IVAN', ''], series: 'an', number: '123 45 67' }));
    expect(byDoc.map((m) => m.reasons.map((r) => r.reason))).toEqual([['document']]);
    const byName = await findDuplicates(
      intake({ nameKy: ['Жумагулов', 'Үсөн', ''], nameRu: ['Жумагулов', 'Усен', ''], nameLat: ['JUMAGULOV', 'USON', ''], number: '5555555', birth: { year: 1990, month: 3, day: 12 } }),
    );
    expect(byName.map((m) => m.reasons.map((r) => r.reason))).toEqual([['name_birth']]);
    expect(byName[0]!.caseNumber).toBe(existing.value.number);
    const otherBirth = await findDuplicates(intake({ nameKy: ['Жумагулов', 'Үсөн', ''], nameRu: ['Жумагулов', 'Усен', ''], nameLat: ['JUMAGULOV', 'USON', ''], number: '5555555', birth: { year: 1991, month: 3, day: 12 } }));
    expect(otherBirth).toEqual([]);
  });

  it('audits a duplicate override with its reason and refuses an empty reason', async () => {
    freshDb();
    await createCase(intake({ pin: '21203199000123' }), actor, { now: NOW });
    const empty = await createCase(intake({ pin: '21203199000123' }), actor, { now: NOW, duplicateOverride: { reason: '  ', matchedCaseIds: ['x'] } });
    expect(empty.ok).toBe(false);
    const saved = await createCase(intake({ pin: '21203199000123' }), actor, { now: NOW, duplicateOverride: { reason: 'Однофамилец, другой ПИН в паспорте', matchedCaseIds: ['x'] } });
    if (!saved.ok) throw new Error('not saved');
    const audit = await auditFor(saved.value.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'duplicate_override']);
    expect(audit[1]!.note).toBe('Однофамилец, другой ПИН в паспорте');
  });

  it('edits one field with a field-level audit entry and refuses an invalid edit without change', async () => {
    freshDb();
    const created = await createCase(intake({ nameRu: ['Усенов', 'Бакыт', ''] }), actor, { now: NOW });
    if (!created.ok) throw new Error('not created');
    const id = created.value.id;
    const later = new Date('2025-06-02T10:00:00Z');
    const edit = await updateField(id, 'person.nameRu.surname', 'Үсөнов', actor, later);
    expect(edit.ok).toBe(true);
    const audit = await auditFor(id);
    expect(audit[1]).toMatchObject({ action: 'update', entity: 'person', who: actor.who, changes: [{ field: 'person.nameRu.surname', before: 'Усенов', after: 'Үсөнов' }] });
    const afterEdit = await getCase(id);
    expect(afterEdit?.record.summary.nameRu).toContain('Үсөнов');
    expect(afterEdit?.record.updatedAt).toBe(later.toISOString());

    const refused = await updateField(id, 'person.documents.0.expiryDate', '2000-01-01', actor, later);
    expect(refused.ok).toBe(false);
    const bigText = await updateField(id, 'case.learnedNote', 'Ы'.repeat(5000), actor, later);
    expect(bigText.ok).toBe(false);
    if (!bigText.ok) expect(bigText.issues).toEqual([{ path: 'case.learnedNote', code: 'too_long', limit: 2000 }]);
    expect((await getCase(id))?.person.documents[0]!.expiryDate).toBe('2031-05-09');
    expect(await auditFor(id)).toHaveLength(2);
  });

  it('keeps the dated status history and audits each change', async () => {
    freshDb();
    const created = await createCase(intake(), actor, { now: NOW });
    if (!created.ok) throw new Error('not created');
    await changeStatus(created.value.id, 'checking', 'Проверено на сайте МВД', actor, new Date('2025-06-03T08:00:00Z'));
    const loaded = await getCase(created.value.id);
    expect(loaded?.record.statusHistory.map((s) => s.status)).toEqual(['intake', 'checking']);
    const audit = await auditFor(created.value.id);
    expect(audit[1]).toMatchObject({ action: 'status', changes: [{ field: 'status', before: 'intake', after: 'checking' }], note: 'Проверено на сайте МВД' });
  });
});

describe('audit of list edits', () => {
  it('records removing a middle item as that removal, not as the following items shifting', async () => {
    freshDb();
    const draft = intake();
    draft.documents = [0, 1, 2].map((i) => ({ ...draft.documents[0]!, id: `doc${i}`, number: `${7000000 + i}`, status: i < 2 ? ('replaced' as const) : ('current' as const) }));
    const created = await createCase(draft, actor, { now: NOW });
    if (!created.ok) throw new Error('not created');
    const { removeItem } = await import('../../../../../renderer/src/data/cases/cases.repo');
    const removed = await removeItem(created.value.id, 'documents', 1, actor, new Date('2025-06-02T00:00:00Z'));
    expect(removed.ok).toBe(true);
    const audit = await auditFor(created.value.id);
    expect(audit[1]!.changes).toEqual([{ field: 'documents.1', before: expect.objectContaining({ id: 'doc1', number: '7000001' }), after: null }]);
  });
});
