import { describe, expect, it } from 'vitest';
import { saveRow } from '../../../../../renderer/src/features/reference/save-row';
import { currentReference } from '../../../../../renderer/src/data/reference/reference.repo';
import { buildStayTimeline } from '../../../../../renderer/src/features/case-page/stay-timeline';
import { employmentTimeline } from '../../../../../renderer/src/features/intake/gap-timeline';
import { validateIntake } from '../../../../../shared/case/validate';
import { emptyIntake, type Employment, type Registration, type StayEntry } from '../../../../../shared/case/schema';
import { appealAnswerTerm, registrationGraceRules } from '../../../../../shared/reference/lookup';
import { actor, intake } from '../../../support/db-fixtures';
import { createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { seededDb } from '../../../support/reference-db-fixtures';

/** Entered 01.03.2026, contract from 01.03.2026, registered only from 20.04.2026: 50 days without registration. */
const stays: StayEntry[] = [{ id: 's1', entryDate: '2026-03-01', checkpoint: 'Домодедово', documentId: '', migrationCard: '4617 000001', purpose: 'work', exitRecorded: false }];
const registrations: Registration[] = [{ id: 'r1', address: 'г. Москва, ул. Тверская, д. 1', host: 'ООО «Строй»', from: '2026-04-20', to: '2026-12-31', how: 'mvd' }];
const employments: Employment[] = [{ id: 'e1', employer: 'ООО «Строй»', employerInn: '', contractType: 'labour', contractNumber: '1', start: '2026-03-01', end: null }];
const TODAY = '2026-06-01';

const gapDays = (timeline: ReturnType<typeof buildStayTimeline>) => (timeline?.rows.find((r) => r.kind === 'gap')?.bars ?? []).reduce((sum, bar) => sum + (bar.days ?? 0), 0);

describe('registration grace days as reference data', () => {
  it('ship as 30 days after entry and 3 after a contract start (unverified), the values the code used before', async () => {
    await seededDb();
    const bundle = (await currentReference())!;
    expect(registrationGraceRules(bundle)).toEqual({ afterEntryDays: 30, afterContractStartDays: 3 });
    expect(bundle.terms.find((t) => t.id === 'registration_grace_entry')).toMatchObject({ days: 30, verification: 'unverified' });
    // The answer term is not law anyone checked: it ships as a gap, so nothing states it.
    expect(appealAnswerTerm(bundle)).toEqual({ days: 30, verification: 'gap' });
  });

  it('an edit is a new audited version, and both timelines and the intake warnings then count with it', async () => {
    const db = await seededDb();
    const row = (await currentReference())!.terms.find((t) => t.id === 'registration_grace_entry')!;
    const before = registrationGraceRules(await currentReference());
    expect(gapDays(buildStayTimeline({ stays, registrations, employments }, TODAY, before))).toBe(20);
    expect(employmentTimeline(employments[0]!, registrations, TODAY, stays, before)?.gapDays).toBe(20);

    await expect(saveRow(actor, 'terms', row.id, { ...row, days: 10 })).resolves.toEqual({ ok: true, version: 2, changed: true });
    const rules = registrationGraceRules(await currentReference());
    expect(rules.afterEntryDays).toBe(10);
    expect(gapDays(buildStayTimeline({ stays, registrations, employments }, TODAY, rules))).toBe(40);
    expect(employmentTimeline(employments[0]!, registrations, TODAY, stays, rules)?.gapDays).toBe(40);

    const draft = { ...emptyIntake(), stays, registrations, employments };
    const gapWarning = (days: number) => validateIntake(draft, TODAY, { grace: { ...rules, afterEntryDays: days } }).warnings.find((w) => w.code === 'registration_gap');
    expect(gapWarning(10)?.params).toMatchObject({ days: 40 });
    expect(gapWarning(60)).toBeUndefined();

    // Saving a case words its gap warnings with the days in force too.
    const created = await createCase({ ...intake(), stays, registrations, employments }, actor, { now: new Date(`${TODAY}T09:00:00Z`) });
    expect(created.ok && created.warnings.find((w) => w.code === 'registration_gap')?.params).toMatchObject({ days: 40 });

    const [entry] = await db.audit.where('caseId').equals('').toArray();
    expect(entry).toMatchObject({ entity: 'reference', changes: [{ field: 'terms.registration_grace_entry', before: row }] });
  });

  it('refuses a negative or fractional number of days and an unknown basis, storing nothing', async () => {
    const db = await seededDb();
    const row = (await currentReference())!.terms[0]!;
    for (const days of [-1, 2.5, Number.NaN, 400]) {
      const result = await saveRow(actor, 'terms', row.id, { ...row, days });
      expect(result.ok).toBe(false);
      if (result.ok || !('issues' in result)) throw new Error('expected field issues');
      expect(result.issues.fields.days).toBeDefined();
    }
    const result = await saveRow(actor, 'terms', row.id, { ...row, legalRef: 'no-such-act' });
    if (result.ok || !('issues' in result)) throw new Error('expected field issues');
    expect(result.issues.fields.legalRef).toMatchObject({ code: 'unknown_reference', value: 'no-such-act' });
    expect(await db.referenceVersions.count()).toBe(1);
  });
});
