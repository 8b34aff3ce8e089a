import { describe, expect, it } from 'vitest';
import { saveRow } from '../../../../../renderer/src/features/reference/save-row';
import { saveReferenceEdit } from '../../../../../renderer/src/data/reference/reference-edits.repo';
import { currentReference } from '../../../../../renderer/src/data/reference/reference.repo';
import { actor } from '../../../support/db-fixtures';
import { clone, seededDb } from '../../../support/reference-db-fixtures';

describe('saveRow', () => {
  it('stores an edited row as the next version, audited with the row before and after', async () => {
    const db = await seededDb();
    const before = (await currentReference())!.addressees.find((a) => a.id === 'uvm-77')!;
    const row = { ...before, address: 'г. Москва, ул. Примерная, д. 5', addressVerification: 'verified' as const, verifiedOn: '2026-03-01' };
    await expect(saveRow(actor, 'addressees', 'uvm-77', row)).resolves.toEqual({ ok: true, version: 2, changed: true });
    expect((await currentReference())!.addressees.find((a) => a.id === 'uvm-77')).toEqual(row);
    const [entry] = await db.audit.where('caseId').equals('').toArray();
    expect(entry).toMatchObject({ entity: 'reference', entityId: '2', who: actor.who, changes: [{ field: 'addressees.uvm-77', before, after: row }] });
  });

  it('saving the row unchanged makes no version', async () => {
    const db = await seededDb();
    const cause = (await currentReference())!.causes[0]!;
    await expect(saveRow(actor, 'causes', cause.id, clone(cause))).resolves.toEqual({ ok: true, version: 1, changed: false });
    expect(await db.referenceVersions.count()).toBe(1);
  });

  it('returns the problems of the row by field and of other rows apart, storing nothing', async () => {
    const db = await seededDb();
    const bundle = (await currentReference())!;
    const index = bundle.addressees.findIndex((a) => a.id === 'uvm-50');
    const row = { ...bundle.addressees[index]!, nameRu: ' ', verification: 'unverified' as const, verifiedOn: '2026-03-01', regions: ['г. Москва'] };
    const result = await saveRow(actor, 'addressees', 'uvm-50', row);
    expect(result.ok).toBe(false);
    if (result.ok || !('issues' in result)) return;
    expect(Object.keys(result.issues.fields).sort()).toEqual(['nameRu', 'regions.0', 'verifiedOn']);
    expect(result.issues.fields.nameRu?.code).toBe('required');
    expect(result.issues.fields['regions.0']).toMatchObject({ code: 'duplicate_region', value: 'г. Москва' });
    expect(result.issues.other).toEqual([]);
    expect(result.edited.addressees[index]).toBe(row);
    expect(await db.referenceVersions.count()).toBe(1);
  });

  it('puts the row into the version in force at saving time, not the one the form was opened on', async () => {
    await seededDb();
    const opened = (await currentReference())!;
    const meanwhile = clone(opened);
    meanwhile.legalRefs[0]!.summaryRu = 'Изменено в другом окне.';
    await saveReferenceEdit(meanwhile, actor);
    const cause = { ...opened.causes[0]!, explanation: { ...opened.causes[0]!.explanation, ky: 'Жаңы түшүндүрмө.' } };
    await expect(saveRow(actor, 'causes', cause.id, cause)).resolves.toMatchObject({ ok: true, version: 3 });
    const now = (await currentReference())!;
    expect(now.legalRefs[0]!.summaryRu).toBe('Изменено в другом окне.');
    expect(now.causes[0]!.explanation.ky).toBe('Жаңы түшүндүрмө.');
  });

  it('adds a new calendar year, and reports a row that is gone instead of bringing it back', async () => {
    await seededDb();
    const y2027 = (await currentReference())!.calendar.find((y) => y.year === 2027)!;
    const y2028 = { ...y2027, year: 2028, holidays: ['2028-01-01'], transfers: [] };
    await expect(saveRow(actor, 'calendar', '2028', y2028, { insert: true })).resolves.toMatchObject({ ok: true, version: 2 });
    expect((await currentReference())!.calendar.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028]);
    await expect(saveRow(actor, 'legalRefs', 'no-such-ref', { ...(await currentReference())!.legalRefs[0]!, id: 'no-such-ref' })).resolves.toEqual({ ok: false, gone: true });
  });
});
