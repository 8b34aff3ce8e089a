import { describe, expect, it } from 'vitest';
import { createCase, getCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { fieldLabelKey, fixFor } from '../../../../../renderer/src/features/documents/review-fields';
import { actor, freshDb, intake } from '../../../support/db-fixtures';

async function loaded() {
  freshDb();
  const created = await createCase(intake(), actor);
  if (!created.ok) throw new Error('seed');
  return (await getCase(created.value.id))!;
}

describe('where the review sends each field to be fixed', () => {
  it('edits case and person fields in place with their stored values, names by script', async () => {
    const { record, person } = await loaded();
    const postal = fixFor('person.postalAddress', record, person);
    expect(postal).toMatchObject({ kind: 'case', edits: [{ editPath: 'person.ruPostalAddress', formPath: 'person.ruPostalAddress', value: person.ruPostalAddress }] });
    const name = fixFor('person.fullNameRu', record, person);
    expect(name.kind === 'case' && name.edits.map((e) => [e.editPath, e.value])).toEqual([
      ['person.nameRu.surname', person.nameRu.surname],
      ['person.nameRu.givenName', person.nameRu.givenName],
      ['person.nameRu.patronymic', person.nameRu.patronymic],
    ]);
    expect(fixFor('person.nameKy.surname', record, person)).toMatchObject({ kind: 'case', edits: [{ editPath: 'person.nameKy.surname' }, {}, {}] });
    expect(fixFor('case.learnedHowRu', record, person)).toMatchObject({ kind: 'case', edits: [{ editPath: 'case.learnedHow', value: record.learnedHow }] });
  });

  it('points everything else to where it lives', async () => {
    const { record, person } = await loaded();
    expect(fixFor('executor.phone', record, person)).toEqual({ kind: 'settings' });
    expect(fixFor('mission.nameRu', record, person)).toEqual({ kind: 'settings' });
    expect(fixFor('legal.59fz-art12.cite', record, person)).toEqual({ kind: 'reference' });
    expect(fixFor('attachments[].title', record, person)).toEqual({ kind: 'above' });
    expect(fixFor('addressee.block', record, person)).toEqual({ kind: 'above' });
    expect(fixFor('documents.current', record, person)).toEqual({ kind: 'casePage', section: null });
    expect(fixFor('cause.title', record, person)).toEqual({ kind: 'casePage', section: 'diagnosis' });
    expect(fixFor('check.date', record, person)).toEqual({ kind: 'casePage', section: 'checks' });
    expect(fixFor('citizensCount', record, person)).toEqual({ kind: 'none' });
  });

  it('labels a field by its most specific known prefix', () => {
    const known = new Set(['documents.field.person_fullNameRu', 'documents.field.attachments', 'documents.field.legal']);
    const has = (key: string) => known.has(key);
    expect(fieldLabelKey('person.fullNameRu', has)).toBe('documents.field.person_fullNameRu');
    expect(fieldLabelKey('attachments[].title', has)).toBe('documents.field.attachments');
    expect(fieldLabelKey('legal.59fz-art12.cite', has)).toBe('documents.field.legal');
    expect(fieldLabelKey('person.nameRu.surname', has)).toBeNull();
  });
});
