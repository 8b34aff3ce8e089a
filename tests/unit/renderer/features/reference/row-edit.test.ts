import { describe, expect, it } from 'vitest';
import type { ReferenceIssue } from '../../../../../shared/reference';
import { optional, rowIssues, withRow } from '../../../../../renderer/src/features/reference/row-edit';
import { factoryBundle } from '../../../support/reference-fixtures';
import { clone } from '../../../support/reference-db-fixtures';

describe('withRow', () => {
  it('replaces the row with that id and says where it sits, leaving the bundle given untouched', () => {
    const bundle = factoryBundle();
    const index = bundle.addressees.findIndex((a) => a.id === 'uvm-77');
    const row = { ...bundle.addressees[index]!, address: 'г. Москва' };
    const placed = withRow(bundle, 'addressees', 'uvm-77', row);
    expect(placed?.index).toBe(index);
    expect(placed?.edited.addressees[index]).toBe(row);
    expect(placed?.edited.addressees).toHaveLength(bundle.addressees.length);
    expect(bundle.addressees[index]!.address).toBe('');
    expect(placed?.edited.legalRefs).toBe(bundle.legalRefs);
  });

  it('finds calendar rows by year, and adds a new year in year order only when asked', () => {
    const bundle = clone(factoryBundle());
    const y2026 = bundle.calendar.find((y) => y.year === 2026)!;
    expect(withRow(bundle, 'calendar', '2026', { ...y2026, note: 'checked' })?.index).toBe(bundle.calendar.indexOf(y2026));

    const y2024 = { ...y2026, year: 2024, holidays: [], transfers: [], legalRef: null };
    expect(withRow(bundle, 'calendar', '2024', y2024)).toBeNull();
    const inserted = withRow(bundle, 'calendar', '2024', y2024, { insert: true })!;
    expect(inserted.index).toBe(0);
    expect(inserted.edited.calendar.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    const appended = withRow(bundle, 'calendar', '2028', { ...y2024, year: 2028 }, { insert: true })!;
    expect(appended.edited.calendar.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028]);
  });

  it('does not bring back a row removed meanwhile', () => {
    const bundle = clone(factoryBundle());
    const cause = bundle.causes[0]!;
    bundle.causes = bundle.causes.slice(1);
    expect(withRow(bundle, 'causes', cause.id, cause)).toBeNull();
  });
});

describe('rowIssues', () => {
  it("keeps the row's own problems by field (the first per field) and the rest apart", () => {
    const issues: ReferenceIssue[] = [
      { file: null, path: 'addressees.3.nameRu', code: 'required' },
      { file: null, path: 'addressees.3.nameRu', code: 'too_long', limit: 300 },
      { file: null, path: 'addressees.3.regions.0', code: 'duplicate_region', value: 'г. Москва' },
      { file: null, path: 'addressees.30.nameRu', code: 'required' },
      { file: null, path: 'addressees.3', code: 'invalid_type' },
      { file: null, path: 'calendar.0.legalRef', code: 'unknown_reference', value: 'x' },
    ];
    const { fields, other } = rowIssues(issues, 'addressees.3.');
    expect(fields).toEqual({
      nameRu: issues[0],
      'regions.0': issues[2],
      '': issues[4],
    });
    expect(other).toEqual([issues[3], issues[5]]);
  });
});

describe('optional', () => {
  it('turns blank text into no value and trims the rest', () => {
    expect(optional('   ')).toBeUndefined();
    expect(optional(' note ')).toBe('note');
  });
});
