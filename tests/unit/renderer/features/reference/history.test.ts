import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../../../renderer/src/data/schema';
import { versionEntries } from '../../../../../renderer/src/features/reference/history';

const audit = (version: number, note: string, fields: [string, unknown, unknown][]): AuditRow => ({
  at: '2026-03-01T10:00:00Z',
  who: 'Токтогулов Нурлан',
  caseId: '',
  entity: 'reference',
  entityId: String(version),
  action: 'update',
  changes: fields.map(([field, before, after]) => ({ field, before, after })),
  note,
});

describe('versionEntries', () => {
  it('lists versions newest first with their kind, author and the rows their audit entry names', () => {
    const entries = versionEntries(
      [
        { version: 1, at: '2026-02-20T00:00:00Z', who: 'factory' },
        { version: 3, at: '2026-03-02T00:00:00Z', who: 'Токтогулов Нурлан' },
        { version: 2, at: '2026-03-01T00:00:00Z', who: 'Токтогулов Нурлан' },
      ],
      [
        audit(2, 'edit', [
          ['addressees.uvm-77', { id: 'uvm-77' }, { id: 'uvm-77' }],
          ['legalRefs.new.ref.1', null, { id: 'new.ref.1' }],
        ]),
        audit(3, 'reset_to_factory', [['legalRefs.new.ref.1', { id: 'new.ref.1' }, null]]),
        { ...audit(9, 'edit', []), entity: 'case', caseId: 'c1' },
      ],
    );
    expect(entries).toEqual([
      { version: 3, at: '2026-03-02T00:00:00Z', who: 'Токтогулов Нурлан', kind: 'reset_to_factory', changes: [{ table: 'legalRefs', id: 'new.ref.1', change: 'removed' }] },
      {
        version: 2,
        at: '2026-03-01T00:00:00Z',
        who: 'Токтогулов Нурлан',
        kind: 'edit',
        changes: [
          { table: 'addressees', id: 'uvm-77', change: 'changed' },
          { table: 'legalRefs', id: 'new.ref.1', change: 'added' },
        ],
      },
      { version: 1, at: '2026-02-20T00:00:00Z', who: null, kind: 'factory', changes: [] },
    ]);
  });

  it('ignores audit fields that name no reference table', () => {
    const [entry] = versionEntries([{ version: 2, at: 'x', who: 'a' }], [audit(2, 'edit', [['person.nameRu', 'a', 'b'], ['causes.R-1', {}, {}]])]);
    expect(entry?.changes).toEqual([{ table: 'causes', id: 'R-1', change: 'changed' }]);
  });
});

describe('versionEntries of an upgrade', () => {
  it('names a version the app made on update as such, made by nobody at the mission', () => {
    const [entry] = versionEntries([{ version: 4, at: '2026-03-05T00:00:00Z', who: 'system' }], [{ ...audit(4, 'upgrade_factory_arguments', [['causes.R-1', {}, {}]]), who: 'system' }]);
    expect(entry).toEqual({ version: 4, at: '2026-03-05T00:00:00Z', who: null, kind: 'upgrade', changes: [{ table: 'causes', id: 'R-1', change: 'changed' }] });
  });
});
