import { describe, expect, it } from 'vitest';
import { emptyIntake } from '../../../../../shared/case/schema';
import { intakeMessages } from '../../../../../renderer/src/features/intake/messages';
import { fieldLabel } from '../../../../../renderer/src/features/intake/field-labels';
import { collectFindings } from '../../../../../renderer/src/features/intake/findings';
import { validIntake } from '../../../support/case-fixtures';

function leafPaths(value: unknown, prefix = ''): string[] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => leafPaths(v, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function lookup(bundle: Record<string, unknown>, key: string): unknown {
  const [namespace, ...rest] = key.split('.');
  if (namespace !== 'intake') return undefined;
  return rest.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), bundle);
}

describe('fieldLabel', () => {
  it('names every field of a full intake in every language', () => {
    const draft = validIntake();
    draft.person.representative = { name: 'x', document: '', powerOfAttorney: '' };
    draft.person.secondCitizenship = 'RU';
    draft.amina.deregistrationReason = '';
    for (const path of leafPaths(draft)) {
      const parts = fieldLabel(path);
      expect(parts.length, path).toBeGreaterThan(0);
      for (const part of parts) {
        for (const language of ['ru', 'ky', 'en'] as const) {
          expect(typeof lookup(intakeMessages[language], part.key), `${language}: ${part.key} for ${path}`).toBe('string');
        }
      }
    }
  });

  it('names every path the validation of a blank form reports', () => {
    const { items } = collectFindings(emptyIntake(), { showRequired: true });
    for (const { path } of items) {
      for (const part of fieldLabel(path)) expect(typeof lookup(intakeMessages.ru, part.key), `${part.key} for ${path}`).toBe('string');
      expect(fieldLabel(path).length, path).toBeGreaterThan(0);
    }
  });

  it('numbers list items from 1 and folds a birth date part into the date', () => {
    expect(fieldLabel('documents.1.number')).toEqual([{ key: 'intake.documents.item', params: { n: 2 } }, { key: 'intake.documents.number' }]);
    expect(fieldLabel('employments.0')).toEqual([{ key: 'intake.employments.item', params: { n: 1 } }]);
    expect(fieldLabel('person.phones.2')).toEqual([{ key: 'intake.person.phone', params: { n: 3 } }]);
    expect(fieldLabel('person.birthDate.month')).toEqual([{ key: 'intake.person.birthDate' }]);
    expect(fieldLabel('person.nameLat.surname')).toEqual([{ key: 'intake.person.nameLat' }, { key: 'intake.person.surname' }]);
    expect(fieldLabel('nonsense.path')).toEqual([]);
  });
});
