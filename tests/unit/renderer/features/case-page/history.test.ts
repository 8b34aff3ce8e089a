import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../../../renderer/src/data/schema';
import { buildHistory } from '../../../../../renderer/src/features/case-page/history';

const row = (seq: number, at: string, action: AuditRow['action'], extra: Partial<AuditRow> = {}): AuditRow => ({
  seq,
  at,
  who: 'Үсөнова Айсулуу',
  caseId: 'c1',
  entity: 'case',
  entityId: 'c1',
  action,
  changes: [],
  ...extra,
});

describe('case history', () => {
  it('leaves out acts that changed nothing (the case opened, a letter printed or viewed): the activity log has them', () => {
    const history = buildHistory(
      [{ status: 'intake', at: '2025-03-01T10:00:00.000Z', note: '' }],
      [
        row(1, '2025-03-01T10:00:00.000Z', 'create', { note: 'КР-М-25-00001' }),
        row(2, '2025-03-01T11:00:00.000Z', 'open', { note: 'КР-М-25-00001' }),
        row(3, '2025-03-01T12:00:00.000Z', 'print', { entity: 'document', entityId: 'd1' }),
        row(4, '2025-03-01T13:00:00.000Z', 'update', { changes: [{ field: 'phone', before: '1', after: '2' }] }),
      ],
    );
    expect(history.map((entry) => entry.kind)).toEqual(['update', 'created']);
  });

  it('shows each status change once: from the audit (with who) when it is there', () => {
    const history = buildHistory(
      [
        { status: 'intake', at: '2025-03-01T10:00:00.000Z', note: '' },
        { status: 'checking', at: '2025-03-02T10:00:00.000Z', note: 'проверено на сайте МВД' },
      ],
      [
        row(1, '2025-03-01T10:00:00.000Z', 'create', { note: 'КР-М-25-00001' }),
        row(2, '2025-03-02T10:00:00.000Z', 'status', { changes: [{ field: 'status', before: 'intake', after: 'checking' }], note: 'проверено на сайте МВД' }),
      ],
    );
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ kind: 'status', from: 'intake', to: 'checking', who: 'Үсөнова Айсулуу', note: 'проверено на сайте МВД' });
    expect(history[1]).toMatchObject({ kind: 'created', number: 'КР-М-25-00001', status: 'intake' });
  });

  it('keeps status changes no audit row covers (imported data), with the previous status and no name', () => {
    const history = buildHistory(
      [
        { status: 'intake', at: '2024-01-01T10:00:00+03:00', note: '' },
        { status: 'requests_sent', at: '2024-02-01T10:00:00+03:00', note: 'письмо № 12' },
      ],
      [],
    );
    expect(history.map((e) => e.kind === 'status' && [e.from, e.to, e.who])).toEqual([
      ['intake', 'requests_sent', null],
      [null, 'intake', null],
    ]);
  });

  it('matches a status entry to its audit row by the moment, whatever the offset notation', () => {
    const history = buildHistory(
      [{ status: 'checking', at: '2025-03-02T13:00:00+03:00', note: '' }],
      [row(5, '2025-03-02T10:00:00.000Z', 'status', { changes: [{ field: 'status', before: 'intake', after: 'checking' }] })],
    );
    expect(history).toHaveLength(1);
    expect(history[0]!.who).toBe('Үсөнова Айсулуу');
  });

  it('puts the newest first, and of one moment the last written first (override above creation)', () => {
    const at = '2025-03-01T10:00:00.000Z';
    const history = buildHistory(
      [],
      [
        row(1, at, 'create', { note: 'КР-М-25-00002' }),
        row(2, at, 'duplicate_override', { changes: [{ field: 'duplicateOf', before: null, after: ['c0'] }], note: 'другой человек, однофамилец' }),
        row(3, '2025-03-05T08:00:00.000Z', 'update', { entity: 'person', changes: [{ field: 'person.pin', before: '', after: '21203199000123' }] }),
      ],
    );
    expect(history.map((e) => e.kind)).toEqual(['update', 'override', 'created']);
    expect(history[1]).toMatchObject({ reason: 'другой человек, однофамилец', matchedCaseIds: ['c0'] });
    expect(history[0]).toMatchObject({ changes: [{ field: 'person.pin' }] });
  });

  it('shows requests and checks created on the case as changes, not as the case being created; a decision keeps its note', () => {
    const history = buildHistory(
      [{ status: 'intake', at: '2025-03-01T10:00:00.000Z', note: '' }],
      [
        row(1, '2025-03-01T10:00:00.000Z', 'create', { note: 'КР-М-25-00003' }),
        row(2, '2025-03-02T10:00:00.000Z', 'create', { entity: 'request', entityId: 'q1', changes: [{ field: 'request', before: null, after: { id: 'q1' } }] }),
        row(3, '2025-03-03T10:00:00.000Z', 'diagnosis', { changes: [{ field: 'case.diagnosis', before: null, after: { causeId: 'R-1' } }], note: 'талон в деле' }),
      ],
    );
    expect(history.map((e) => e.kind)).toEqual(['update', 'update', 'created']);
    expect(history[0]).toMatchObject({ entity: 'case', note: 'талон в деле' });
    expect(history[1]).toMatchObject({ entity: 'request', entityId: 'q1', changes: [{ field: 'request' }] });
    expect(history[2]).toMatchObject({ number: 'КР-М-25-00003', status: 'intake' });
  });
});
