import { describe, expect, it } from 'vitest';
import { saveRow } from '../../../../../renderer/src/features/reference/save-row';
import { currentReference } from '../../../../../renderer/src/data/reference/reference.repo';
import { registerStart } from '../../../../../shared/reference/lookup';
import { actor } from '../../../support/db-fixtures';
import { seededDb } from '../../../support/reference-db-fixtures';

describe('the register start as reference data', () => {
  it('ships as 05.02.2025 (260-ФЗ, verified) and an edit is a new audited version the checks then use', async () => {
    const db = await seededDb();
    const row = (await currentReference())!.dates.find((d) => d.id === 'register_start')!;
    expect(row).toMatchObject({ date: '2025-02-05', verification: 'verified', legalRef: '260fz' });
    await expect(saveRow(actor, 'dates', 'register_start', { ...row, date: '2025-03-01', verification: 'unverified' })).resolves.toEqual({ ok: true, version: 2, changed: true });
    const bundle = (await currentReference())!;
    expect(registerStart(bundle)).toBe('2025-03-01');
    const [entry] = await db.audit.where('caseId').equals('').toArray();
    expect(entry).toMatchObject({ entity: 'reference', changes: [{ field: 'dates.register_start', before: row }] });
  });

  it('refuses a date that is not a date and a basis that does not exist, storing nothing', async () => {
    const db = await seededDb();
    const row = (await currentReference())!.dates[0]!;
    const result = await saveRow(actor, 'dates', row.id, { ...row, date: '2025-02-30', legalRef: 'no-such-act' });
    expect(result.ok).toBe(false);
    if (result.ok || !('issues' in result)) return;
    expect(result.issues.fields.date?.code).toBe('invalid_format');
    expect(result.issues.fields.legalRef).toMatchObject({ code: 'unknown_reference', value: 'no-such-act' });
    expect(await db.referenceVersions.count()).toBe(1);
  });
});
