import { describe, expect, it } from 'vitest';
import { emptyIntake, intakeFormSchema } from '../../../../../shared/case/schema';
import { INTAKE_DRAFT_KEY } from '../../../../../renderer/src/data/cases/cases.repo';
import { discardDraft, loadDraft, restoreDraft, saveDraft } from '../../../../../renderer/src/data/intake/intake-drafts.repo';
import { validIntake } from '../../../support/case-fixtures';
import { freshDb } from '../../../support/db-fixtures';

describe('restoreDraft', () => {
  it('gives back a current draft unchanged', () => {
    const draft = validIntake();
    expect(restoreDraft(structuredClone(draft))).toEqual(draft);
  });

  it('fills fields an older draft lacks, keeping everything it has', () => {
    const old = structuredClone(validIntake()) as unknown as { person: Record<string, unknown>; documents: Record<string, unknown>[]; case: Record<string, unknown> };
    delete old.person.consentDate;
    delete old.person.nameKy;
    delete old.documents[0]!.usedForEntry;
    delete old.case.impacts;
    const restored = restoreDraft(old);
    expect(restored.person.consentDate).toBe('');
    expect(restored.person.nameKy).toEqual({ surname: '', givenName: '', patronymic: '' });
    expect(restored.documents[0]).toMatchObject({ id: 'd1', number: '1234567', usedForEntry: false });
    expect(restored.case.impacts).toEqual([]);
    expect(restored.person.nameRu.surname).toBe('Асанов');
  });

  it('turns garbage into a blank form of the right shape', () => {
    const restored = restoreDraft({ person: 'x', documents: [1, null, { number: '5' }], amina: [] });
    const blank = emptyIntake();
    expect(Object.keys(restored)).toEqual(Object.keys(blank));
    expect(restored.documents).toHaveLength(1);
    expect(restored.documents[0]!.number).toBe('5');
    expect(restored.documents[0]!.id).not.toBe('');
    expect(restored.amina).toEqual(blank.amina);
    // Blank again: parsing reports what is missing rather than crashing.
    expect(intakeFormSchema.safeParse(restored).success).toBe(false);
  });
});

describe('the stored draft', () => {
  it('is saved, loaded and discarded under the intake key', async () => {
    const db = freshDb();
    expect(await loadDraft()).toBeNull();
    const draft = validIntake();
    const savedAt = await saveDraft(draft, new Date('2025-06-01T09:30:00Z'));
    expect(savedAt).toBe('2025-06-01T09:30:00.000Z');
    expect((await db.drafts.get(INTAKE_DRAFT_KEY))?.savedAt).toBe(savedAt);
    expect(await loadDraft()).toEqual({ data: draft, savedAt });
    await saveDraft({ ...draft, case: { ...draft.case, region: 'Новосибирская область' } });
    expect((await loadDraft())?.data.case.region).toBe('Новосибирская область');
    expect(await db.drafts.count()).toBe(1);
    await discardDraft();
    expect(await loadDraft()).toBeNull();
  });

  it('keeps an incomplete date of birth exactly as typed', async () => {
    freshDb();
    const draft = emptyIntake();
    draft.person.birthDate = { day: 12 } as never;
    await saveDraft(draft);
    expect((await loadDraft())?.data.person.birthDate).toEqual({ day: 12 });
  });
});
