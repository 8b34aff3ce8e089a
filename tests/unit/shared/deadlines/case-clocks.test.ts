import { describe, expect, it } from 'vitest';
import { computeDeadlines, nextDeadline, type Deadline } from '../../../../shared/deadlines';
import { factoryBundle } from '../../support/reference-fixtures';
import { doc, facts } from '../../support/deadline-fixtures';

const calendar = factoryBundle().calendar;
const only = (list: Deadline[], clock: Deadline['clock']) => list.filter((d) => d.clock === clock);

describe('КАС art. 219: 3 months from the day the person learned of the violation', () => {
  it('runs to the same day three months later', () => {
    const [claim] = only(computeDeadlines(facts({ case: { learnedAt: '2025-05-15' } }), calendar, undefined, '2025-06-01'), 'kas_claim');
    expect(claim).toEqual({
      id: 'kas_claim:case',
      clock: 'kas_claim',
      kind: 'calendar',
      due: '2025-08-15',
      status: 'upcoming',
      source: 'kas-art219',
      related: null,
      relatedKind: 'case',
      calendar: 'verified',
    });
  });

  it('a term ending on a holiday moves to the next working day (12.06.2025 → 16.06.2025)', () => {
    const [claim] = only(computeDeadlines(facts({ case: { learnedAt: '2025-03-12' } }), calendar, undefined, '2025-06-14'), 'kas_claim');
    expect(claim).toMatchObject({ due: '2025-06-16', rolledFrom: '2025-06-12', status: 'upcoming' });
  });

  it('ends on the last day of a shorter month, then leaves a Saturday (30.11.2025 → 28.02.2026 → 02.03.2026)', () => {
    const [claim] = only(computeDeadlines(facts({ case: { learnedAt: '2025-11-30' } }), calendar, undefined, '2026-03-02'), 'kas_claim');
    expect(claim).toMatchObject({ due: '2026-03-02', rolledFrom: '2026-02-28', status: 'due_today' });
  });

  it('does not move when the setting says so', () => {
    const [claim] = only(computeDeadlines(facts({ case: { learnedAt: '2025-03-12' } }), calendar, { roll: { kas_claim: 'none' } }, '2025-06-14'), 'kas_claim');
    expect(claim).toMatchObject({ due: '2025-06-12', status: 'overdue' });
    expect(claim).not.toHaveProperty('rolledFrom');
  });

  it('is done once a court claim is sent, and says whether it was in time', () => {
    const inTime = facts({ case: { learnedAt: '2025-03-12' }, requests: [{ id: 'c1', kind: 'court_claim', sentAt: '2025-06-16' }] });
    expect(only(computeDeadlines(inTime, calendar, undefined, '2025-07-01'), 'kas_claim')[0]).toMatchObject({ status: 'done', completedAt: '2025-06-16', late: false });
    const late = facts({ case: { learnedAt: '2025-03-12' }, requests: [{ id: 'c1', kind: 'court_claim', sentAt: '2025-06-17' }] });
    expect(only(computeDeadlines(late, calendar, undefined, '2025-07-01'), 'kas_claim')[0]).toMatchObject({ status: 'done', late: true });
  });
});

describe('document expiry', () => {
  it('each current document is due on its expiry date; replaced ones are not watched', () => {
    const list = computeDeadlines(
      facts({ person: { documents: [doc('d1', { expiryDate: '2025-07-01' }), doc('d0', { status: 'replaced', expiryDate: '2020-01-01' })] } }),
      calendar,
      undefined,
      '2025-07-02',
    );
    expect(only(list, 'document_expiry')).toEqual([
      { id: 'document_expiry:d1', clock: 'document_expiry', kind: 'calendar', due: '2025-07-01', status: 'overdue', source: null, related: 'd1', relatedKind: 'document' },
    ]);
  });
});

describe('the whole list', () => {
  it('is empty for a closed case', () => {
    for (const status of ['excluded', 'refused', 'left_russia', 'closed'] as const) {
      expect(computeDeadlines(facts({ case: { status }, person: { documents: [doc('d1')] } }), calendar, undefined, '2025-06-01')).toEqual([]);
    }
  });

  it('lists open deadlines first by due date, done ones last; nextDeadline is the earliest open one', () => {
    const list = computeDeadlines(
      facts({
        case: { learnedAt: '2025-05-15' },
        person: { documents: [doc('d1', { expiryDate: '2025-06-10' }), doc('d2', { expiryDate: '2025-05-20' })] },
        requests: [{ id: 'c1', kind: 'court_claim', sentAt: '2025-05-30' }],
      }),
      calendar,
      undefined,
      '2025-06-01',
    );
    expect(list.map((d) => [d.id, d.status])).toEqual([
      ['document_expiry:d2', 'overdue'],
      ['document_expiry:d1', 'upcoming'],
      ['kas_claim:case', 'done'],
    ]);
    expect(nextDeadline(list)?.id).toBe('document_expiry:d2');
    expect(nextDeadline(list.filter((d) => d.status === 'done'))).toBeNull();
    expect(nextDeadline([])).toBeNull();
  });

  it('is the same for the same input (pure) and refuses a malformed today', () => {
    const input = facts({ person: { documents: [doc('d1')] } });
    expect(computeDeadlines(input, calendar, undefined, '2025-06-01')).toEqual(computeDeadlines(input, calendar, undefined, '2025-06-01'));
    expect(() => computeDeadlines(input, calendar, undefined, '01.06.2025')).toThrow(RangeError);
  });
});
