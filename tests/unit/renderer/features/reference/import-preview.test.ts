import { describe, expect, it } from 'vitest';
import { exportReferenceBundle } from '../../../../../shared/reference';
import { IMPORT_MAX_BYTES, locateIssue, previewImport, sizeProblem } from '../../../../../renderer/src/features/reference/import-preview';
import { factoryBundle } from '../../../support/reference-fixtures';
import { clone } from '../../../support/reference-db-fixtures';

const AT = '2026-03-01T09:30:00+03:00';

describe('previewImport', () => {
  it('lists the rows a file would change and the version it would make, without storing anything', () => {
    const current = factoryBundle();
    const file = clone(current);
    file.version = 17;
    file.addressees[2]!.salutation = 'Уважаемый господин генерал!';
    file.legalRefs = file.legalRefs.filter((r) => r.id !== 'vccr-art38');
    const preview = previewImport(current, JSON.stringify(file), AT);
    expect(preview).toMatchObject({
      kind: 'changes',
      version: current.version + 1,
      changes: [
        { table: 'addressees', id: file.addressees[2]!.id, change: 'changed' },
        { table: 'legalRefs', id: 'vccr-art38', change: 'removed' },
      ],
    });
    expect(preview.kind === 'changes' && preview.data).toEqual(file);
  });

  it('says when a file is the data in force, is not JSON, or is invalid (with its issues and content)', () => {
    const current = factoryBundle();
    expect(previewImport(current, exportReferenceBundle(current), AT)).toEqual({ kind: 'unchanged' });
    expect(previewImport(current, '{ "version": 2, ', AT)).toEqual({ kind: 'not_json' });
    const broken = clone(current);
    broken.addressees[0]!.nameRu = '';
    const preview = previewImport(current, JSON.stringify(broken), AT);
    expect(preview).toMatchObject({ kind: 'invalid', issues: [{ path: 'addressees.0.nameRu', code: 'required' }] });
    expect(previewImport(current, '[]', AT)).toMatchObject({ kind: 'invalid' });
  });

  it('refuses a file over 5 MB, by its size before reading and by its text after', () => {
    expect(sizeProblem(IMPORT_MAX_BYTES)).toBeNull();
    expect(sizeProblem(IMPORT_MAX_BYTES + 1)).toEqual({ kind: 'too_large', bytes: IMPORT_MAX_BYTES + 1 });
    expect(previewImport(factoryBundle(), ' '.repeat(IMPORT_MAX_BYTES + 1), AT)).toEqual({ kind: 'too_large', bytes: IMPORT_MAX_BYTES + 1 });
  });
});

describe('locateIssue', () => {
  const data = factoryBundle();
  it('names the table, the row number and its id, and the field inside the row', () => {
    expect(locateIssue(data, 'addressees.0.nameRu')).toEqual({ table: 'addressees', row: 1, rowId: 'mfa-consular-department', field: 'nameRu' });
    expect(locateIssue(data, 'grounds.exclusion.1.title.ky')).toEqual({ table: 'exclusionGrounds', row: 2, rowId: data.grounds.exclusion[1]!.id, field: 'title.ky' });
    expect(locateIssue(data, 'calendar.2.transfers.0.from')).toEqual({ table: 'calendar', row: 3, rowId: '2027', field: 'transfers.0.from' });
  });

  it('copes with paths outside any row, and rows the data does not have', () => {
    expect(locateIssue(data, 'causes')).toEqual({ table: 'causes', row: null, rowId: null, field: '' });
    expect(locateIssue(data, 'updatedAt')).toEqual({ table: null, row: null, rowId: null, field: 'updatedAt' });
    expect(locateIssue(data, '')).toEqual({ table: null, row: null, rowId: null, field: '' });
    expect(locateIssue(data, 'missions.99.city')).toEqual({ table: 'missions', row: 100, rowId: null, field: 'city' });
    expect(locateIssue('not an object', 'evidence.0.label')).toEqual({ table: 'evidence', row: 1, rowId: null, field: 'label' });
  });
});
