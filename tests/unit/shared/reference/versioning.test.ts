import { describe, expect, it } from 'vitest';
import { commitReferenceEdit, diffReferenceBundles, exportReferenceBundle, importReferenceBundle, type ReferenceBundle } from '../../../../shared/reference';
import { factoryBundle } from '../../support/reference-fixtures';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const AT = '2026-03-01T09:30:00+03:00';

describe('diffReferenceBundles', () => {
  it('lists added, removed and changed rows per table; key order alone is no change', () => {
    const before = factoryBundle();
    const after = clone(before);
    after.causes[0]!.explanation.ky = `${after.causes[0]!.explanation.ky} Текшерүү керек.`;
    after.grounds.exclusion = after.grounds.exclusion.filter((g) => g.id !== 'E-PP1899');
    after.legalRefs.push({ ...after.legalRefs[0]!, id: 'new-ref' });
    after.calendar[2]!.transfers.push({ from: '2027-01-02', to: '2027-12-31', basis: 'decree' });
    const reordered = Object.fromEntries(Object.entries(after.missions[0]!).reverse()) as (typeof after.missions)[number];
    after.missions[0] = reordered;

    expect(diffReferenceBundles(before, after)).toEqual([
      { table: 'exclusionGrounds', id: 'E-PP1899', change: 'removed' },
      { table: 'causes', id: 'R-1', change: 'changed' },
      { table: 'calendar', id: '2027', change: 'changed' },
      { table: 'legalRefs', id: 'new-ref', change: 'added' },
    ]);
  });
});

describe('commitReferenceEdit', () => {
  it('makes an accepted edit version n + 1 at the given time, whatever version the copy claimed', () => {
    const current = factoryBundle();
    const edited = clone(current) as ReferenceBundle;
    edited.version = 99;
    edited.addressees[2]!.address = '115035, г. Москва, ул. Садовническая, д. 5';
    edited.addressees[2]!.addressVerification = 'unverified';
    const result = commitReferenceEdit(current, edited, AT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bundle.version).toBe(current.version + 1);
    expect(result.bundle.updatedAt).toBe(AT);
    expect(result.changes).toEqual([{ table: 'addressees', id: edited.addressees[2]!.id, change: 'changed' }]);
  });

  it('keeps the current version when nothing changed', () => {
    const current = factoryBundle();
    const result = commitReferenceEdit(current, clone(current), AT);
    expect(result).toEqual({ ok: true, bundle: current, changes: [] });
  });

  it('refuses an invalid edit with its issues', () => {
    const edited = clone(factoryBundle());
    edited.causes[0]!.checklist.push('nothing');
    const result = commitReferenceEdit(factoryBundle(), edited, AT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ file: null, path: 'causes.0.checklist.8', code: 'unknown_reference', value: 'nothing' }]);
  });

  it('requires a real time stamp', () => {
    expect(() => commitReferenceEdit(factoryBundle(), factoryBundle(), '2026-03-01')).toThrow(RangeError);
  });
});

describe('export / import', () => {
  it('an exported bundle imports as no change; an edited export as a new version', () => {
    const current = factoryBundle();
    const json = exportReferenceBundle(current);
    expect(importReferenceBundle(current, json, AT)).toEqual({ ok: true, bundle: current, changes: [] });

    const edited = JSON.parse(json) as ReferenceBundle;
    edited.evidence[0]!.label.ru = 'Паспорт или ID-карта';
    const result = importReferenceBundle(current, JSON.stringify(edited), AT);
    expect(result.ok && result.bundle.version).toBe(current.version + 1);
    expect(result.ok && result.changes).toEqual([{ table: 'evidence', id: edited.evidence[0]!.id, change: 'changed' }]);
  });

  it('reports text that is not JSON', () => {
    expect(importReferenceBundle(factoryBundle(), '{ not json', AT)).toEqual({ ok: false, issues: [{ file: null, path: '', code: 'invalid_format' }] });
  });
});
