import { describe, expect, it } from 'vitest';
import { saveRow } from '../../../../../renderer/src/features/reference/save-row';
import { currentReference } from '../../../../../renderer/src/data/reference/reference.repo';
import { createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { documentInputsFor } from '../../../../../renderer/src/data/documents/document-inputs.repo';
import { addRequest, updateRequest } from '../../../../../renderer/src/data/tracking/requests.repo';
import { saveSettings } from '../../../../../renderer/src/data/settings/settings.repo';
import { buildDocumentModel } from '../../../../../shared/documents/model';
import { DEFAULT_DEADLINE_SETTINGS } from '../../../../../shared/deadlines/settings';
import { documentRegimes, termStatedAsLaw } from '../../../../../shared/reference/lookup';
import { actor, intake } from '../../../support/db-fixtures';
import { CASEWORKER, factoryTemplate, MISSION } from '../../../support/document-fixtures';
import { factoryBundle } from '../../../support/reference-fixtures';
import { seededDb } from '../../../support/reference-db-fixtures';

async function caseWithRequest(kind: 'cover_letter' | 'citizen_application' | 'mission_letter') {
  const db = await seededDb();
  await saveSettings({ mission: MISSION, caseworker: CASEWORKER });
  const created = await createCase(intake(), actor, { now: new Date('2026-02-01T09:00:00Z') });
  if (!created.ok) throw new Error('case');
  const sent = await addRequest(created.value.id, { kind, addressee: 'УВМ ГУ МВД России по г. Москве', ourNumber: 'КР-М-9/26', sentAt: '2026-03-02' }, actor);
  if (!sent.ok) throw new Error('request');
  const progress = await updateRequest(sent.value.id, { receivedAt: '2026-03-03', registeredAt: '2026-03-04' }, actor);
  if (!progress.ok) throw new Error(JSON.stringify(progress));
  const memo = async () => documentInputsFor(created.value.id, { template: factoryTemplate('citizen_memo'), number: '', date: '2026-03-10' });
  return { db, memo };
}

describe('which clock each document starts, as reference data', () => {
  it('the factory data says what the engine assumed so far, and marks the cover letter\'s legal term unverified', () => {
    const bundle = factoryBundle();
    expect(documentRegimes(bundle)).toEqual(DEFAULT_DEADLINE_SETTINGS.regimes);
    expect(termStatedAsLaw(bundle, 'citizen_application')).toBe(true);
    expect(termStatedAsLaw(bundle, 'cover_letter')).toBe(false);
    expect(termStatedAsLaw(bundle, 'mission_letter')).toBe(false);
  });

  it('a verified legal term is stated in the memo as the law\'s; an unverified one gives the date only', async () => {
    const citizen = await (await caseWithRequest('citizen_application')).memo();
    expect(citizen.expectedAnswer).toMatchObject({ due: '2026-04-03', appeal: true });
    expect(buildDocumentModel(citizen).expected?.appeal).toBe(true);
    const cover = await caseWithRequest('cover_letter');
    const before = await cover.memo();
    // The art. 12 term runs (30 days from registration) but is not presented as law while unverified.
    expect(before.expectedAnswer).toMatchObject({ due: '2026-04-03', appeal: false });
    const row = (await currentReference())!.documentClocks.find((c) => c.id === 'cover_letter')!;
    await expect(saveRow(actor, 'documentClocks', 'cover_letter', { ...row, verification: 'verified' })).resolves.toMatchObject({ ok: true, version: 2 });
    expect((await cover.memo()).expectedAnswer).toMatchObject({ appeal: true });
  });

  it('an edited regime changes the clock the engine runs: a mission letter without a follow-up has no expected answer', async () => {
    const { memo } = await caseWithRequest('mission_letter');
    expect((await memo()).expectedAnswer).toMatchObject({ due: '2026-04-01', appeal: false });
    const row = (await currentReference())!.documentClocks.find((c) => c.id === 'mission_letter')!;
    await expect(saveRow(actor, 'documentClocks', 'mission_letter', { ...row, regime: 'none' })).resolves.toMatchObject({ ok: true });
    expect((await memo()).expectedAnswer).toBeNull();
  });

  it('refuses a legal basis on a regime that is not a legal term, and an unknown basis', async () => {
    await seededDb();
    const row = (await currentReference())!.documentClocks.find((c) => c.id === 'mission_letter')!;
    const result = await saveRow(actor, 'documentClocks', 'mission_letter', { ...row, legalRef: '59fz-art12' });
    expect(result.ok).toBe(false);
    if (result.ok || !('issues' in result)) return;
    expect(result.issues.fields.legalRef?.code).toBe('invalid_value');
    const unknown = await saveRow(actor, 'documentClocks', 'citizen_application', { ...(await currentReference())!.documentClocks[0]!, legalRef: 'nope' });
    expect(unknown.ok).toBe(false);
  });
});
