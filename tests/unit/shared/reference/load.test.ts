import { describe, expect, it } from 'vitest';
import { loadReferenceBundle, parseReferenceBundle, referenceFiles, REFERENCE_FILES, type ReferenceBundle } from '../../../../shared/reference';
import { factoryBundle, factoryFiles } from '../../support/reference-fixtures';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function filesWith(name: string, edit: (data: never) => void): Record<string, unknown> {
  const files = clone(factoryFiles());
  edit(files[name] as never);
  return files;
}

function issuesOf(files: Record<string, unknown>) {
  const result = loadReferenceBundle(files);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

describe('loadReferenceBundle', () => {
  it('accepts file names with a directory or without the extension', () => {
    const files = factoryFiles();
    const renamed = Object.fromEntries(Object.entries(files).map(([name, data], i) => [i % 2 ? `resources/reference/${name}` : name.replace('.json', ''), data]));
    expect(loadReferenceBundle(renamed).ok).toBe(true);
  });

  it('reports a missing and an unknown file', () => {
    const files = factoryFiles();
    delete files['missions.json'];
    files['notes.json'] = [];
    expect(issuesOf(files)).toEqual([
      { file: 'notes.json', path: '', code: 'unknown_file' },
      { file: 'missions.json', path: '', code: 'missing_file' },
    ]);
  });

  it('reports a shape problem against the file and the path a person would open', () => {
    const issues = issuesOf(
      filesWith('causes.json', (causes: { title: { ky: string } }[]) => {
        causes[2]!.title.ky = '';
      }),
    );
    expect(issues).toEqual([{ file: 'causes.json', path: '2.title.ky', code: 'required' }]);
  });

  it('refuses an evidence item that nothing can detect, and a field check the diagnosis does not know', () => {
    const issues = issuesOf(
      filesWith('evidence.json', (items: { field: string | null; attachment: boolean }[]) => {
        items[0]!.field = null;
        items[0]!.attachment = false;
        items[1]!.field = 'person.favouriteColour';
      }),
    );
    expect(issues.map((i) => [i.file, i.path, i.code])).toEqual([
      ['evidence.json', '0', 'invalid_value'],
      ['evidence.json', '1.field', 'invalid_value'],
    ]);
  });

  it('reports cross-table problems against the file of the row: unknown ids, duplicates, a region twice', () => {
    const files = clone(factoryFiles());
    const causes = files['causes.json'] as { checklist: string[]; exclusionGround: string; rule: string | null }[];
    causes[0]!.checklist.push('no_such_evidence');
    causes[1]!.exclusionGround = 'E-99';
    causes[2]!.rule = causes[0]!.rule;
    const legal = files['legal-refs.json'] as { id: string }[];
    legal[1]!.id = legal[0]!.id;
    const missions = files['missions.json'] as { district: { region: string }[] }[];
    missions[1]!.district.push({ ...missions[0]!.district[0]!, verification: 'unverified' } as never);
    const issues = issuesOf(files);
    expect(issues).toEqual(
      expect.arrayContaining([
        { file: 'causes.json', path: `0.checklist.${causes[0]!.checklist.length - 1}`, code: 'unknown_reference', value: 'no_such_evidence' },
        { file: 'causes.json', path: '1.exclusionGround', code: 'unknown_reference', value: 'E-99' },
        { file: 'causes.json', path: '2.rule', code: 'duplicate_rule', value: causes[0]!.rule },
        { file: 'legal-refs.json', path: '1.id', code: 'duplicate_id', value: legal[0]!.id },
        expect.objectContaining({ file: 'missions.json', code: 'duplicate_region', value: missions[0]!.district[0]!.region }),
      ]),
    );
  });

  it('checks the calendar: dates inside the year, moves from a weekend to a working weekday', () => {
    const issues = issuesOf(
      filesWith('calendar.json', (years: { holidays: string[]; transfers: { from: string; to: string }[] }[]) => {
        years[0]!.holidays.push('2024-12-31');
        years[0]!.transfers.push({ from: '2025-02-24', to: '2025-02-25', basis: 'decree' } as never); // a Monday is no weekend
        years[1]!.transfers.push({ from: '2026-01-10', to: '2026-01-08', basis: 'decree' } as never); // onto a holiday
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['0.holidays.14', '0.transfers.5.from', '1.transfers.4.to']);
  });

  it('refuses an empty address that is not marked as a gap, and a verification date on an unverified entry', () => {
    const issues = issuesOf(
      filesWith('addressees.json', (rows: { addressVerification: string; verifiedOn: string | null }[]) => {
        rows[0]!.addressVerification = 'verified';
        rows[5]!.verifiedOn = '2026-01-10';
      }),
    );
    expect(issues.map((i) => [i.file, i.path])).toEqual([
      ['addressees.json', '0.addressVerification'],
      ['addressees.json', '5.verifiedOn'],
    ]);
  });
});

describe('parseReferenceBundle / referenceFiles', () => {
  it('round-trips the bundle through its files and through one object', () => {
    const bundle = factoryBundle();
    const again = loadReferenceBundle(referenceFiles(bundle));
    expect(again).toEqual({ ok: true, bundle });
    expect(parseReferenceBundle(clone(bundle))).toEqual({ ok: true, bundle });
    expect(Object.keys(referenceFiles(bundle)).sort()).toEqual(Object.values(REFERENCE_FILES).sort());
  });

  it('reports whole-bundle problems without a file', () => {
    const broken = clone(factoryBundle()) as ReferenceBundle & { extra?: number };
    broken.extra = 1;
    broken.causes[0]!.exclusionGround = 'E-99';
    const result = parseReferenceBundle(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toEqual([
        { file: null, path: 'extra', code: 'unknown_field' },
        { file: null, path: 'causes.0.exclusionGround', code: 'unknown_reference', value: 'E-99' },
      ]);
    }
  });
});
