import { describe, expect, it } from 'vitest';
import {
  AMINA_FIELDS,
  CASE_FIELDS,
  editPath,
  formPath,
  ITEM_FIELDS,
  ITEM_LISTS,
  NAME_FIELDS,
  PERSON_FIELDS,
  REPRESENTATIVE_FIELDS,
  pathsRelated,
  resolvePath,
  valueAt,
} from '../../../../../renderer/src/ui/case/fields';
import { aminaStatusSchema, caseIntakeSchema, identityDocumentSchema, employmentSchema, personSchema, registrationSchema, stayEntrySchema } from '../../../../../shared/case/schema';
import { translator } from '../../../support/translator';

const ALL = [...NAME_FIELDS, ...PERSON_FIELDS, ...REPRESENTATIVE_FIELDS, ...AMINA_FIELDS, ...CASE_FIELDS, ...ITEM_LISTS.flatMap((l) => ITEM_FIELDS[l])];

describe('field descriptors', () => {
  it('cover every editable field of the domain model (person, documents, stays, registrations, employment, Амина, case)', () => {
    const keys = (list: readonly { key: string }[]) => list.map((d) => d.key.split('.')[0]).sort();
    const personKeys = Object.keys(personSchema.shape).filter((k) => k !== 'id').sort();
    expect([...new Set(keys([...NAME_FIELDS, ...PERSON_FIELDS, ...REPRESENTATIVE_FIELDS]))].sort()).toEqual(personKeys);
    const without = (shape: object, ...skip: string[]) => Object.keys(shape).filter((k) => !skip.includes(k)).sort();
    expect(keys(ITEM_FIELDS.documents)).toEqual(without(identityDocumentSchema.shape, 'id'));
    expect(keys(ITEM_FIELDS.stays)).toEqual(without(stayEntrySchema.shape, 'id'));
    expect(keys(ITEM_FIELDS.registrations)).toEqual(without(registrationSchema.shape, 'id'));
    expect(keys(ITEM_FIELDS.employments)).toEqual(without(employmentSchema.shape, 'id'));
    expect(keys(AMINA_FIELDS)).toEqual(without(aminaStatusSchema.shape));
    // The mission is this PC's, not a field a caseworker edits.
    expect(keys(CASE_FIELDS)).toEqual(without(caseIntakeSchema.shape, 'missionId'));
  });

  it.each(['ru', 'ky', 'en'] as const)('have a label and translated options in %s', async (language) => {
    const { instance } = await translator(language);
    expect(instance.exists('casePage.field.noSuchField')).toBe(false);
    for (const d of ALL) {
      expect(instance.exists(d.label), d.label).toBe(true);
      for (const option of d.options ?? []) expect(instance.exists(`${d.optionsKey}.${option}`), `${d.optionsKey}.${option}`).toBe(true);
    }
  });

  it('map edit paths of the person’s lists and «Амина» to the form paths findings and audit entries use', () => {
    expect(editPath.item('documents', 2, 'number')).toBe('person.documents.2.number');
    expect(formPath.item('documents', 2, 'number')).toBe('documents.2.number');
    expect(editPath.amina('cardNumber')).toBe('person.amina.cardNumber');
    expect(formPath.amina('cardNumber')).toBe('amina.cardNumber');
    expect(editPath.case('region')).toBe(formPath.case('region'));
  });

  it('resolve audit paths to the descriptor, with the item position and any sub-path', () => {
    const surname = resolvePath('person.nameRu.surname');
    expect(surname.scope === 'field' && surname.descriptor.label).toBe('casePage.field.nameRuSurname');
    const number = resolvePath('documents.1.number');
    expect(number).toMatchObject({ scope: 'item', list: 'documents', index: 1, rest: [] });
    expect(number.scope === 'item' && number.descriptor?.label).toBe('casePage.field.documents.number');
    expect(resolvePath('documents.0')).toEqual({ scope: 'item', list: 'documents', index: 0, descriptor: null, rest: [] });
    const birthYear = resolvePath('person.birthDate.year');
    expect(birthYear.scope === 'field' && [birthYear.descriptor.key, birthYear.rest]).toEqual(['birthDate', ['year']]);
    expect(resolvePath('case.impacts.1')).toMatchObject({ scope: 'field', rest: ['1'] });
    expect(resolvePath('amina.registered')).toMatchObject({ scope: 'field', descriptor: { kind: 'checkbox' } });
    expect(resolvePath('status')).toEqual({ scope: 'unknown' });
    expect(resolvePath('person.unheardOf')).toEqual({ scope: 'unknown' });
    expect(resolvePath('documents.x.number')).toEqual({ scope: 'unknown' });
  });

  it('relate a finding to a field when either path contains the other, not by a shared prefix of letters', () => {
    expect(pathsRelated('employments.0', 'employments.0.start')).toBe(true);
    expect(pathsRelated('documents.0.expiryDate', 'documents.0.expiryDate')).toBe(true);
    expect(pathsRelated('documents.1.number', 'documents.10.number')).toBe(false);
    expect(pathsRelated('person.pin', 'person.pinKey')).toBe(false);
  });

  it('read a dotted key, giving undefined for a missing branch', () => {
    expect(valueAt({ nameRu: { surname: 'Усенов' } }, 'nameRu.surname')).toBe('Усенов');
    expect(valueAt({}, 'representative.name')).toBeUndefined();
  });
});
