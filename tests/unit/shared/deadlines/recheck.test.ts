import { describe, expect, it } from 'vitest';
import { computeDeadlines, nextScheduledDay, type RegisterCheck, type SentItem } from '../../../../shared/deadlines';
import { factoryBundle } from '../../support/reference-fixtures';
import { facts } from '../../support/deadline-fixtures';

const calendar = factoryBundle().calendar;
const SENT: SentItem = { id: 'n1', kind: 'verbal_note', sentAt: '2025-03-03' };

function recheck(requests: SentItem[], registerChecks: RegisterCheck[], today: string, settings = {}) {
  return computeDeadlines(facts({ requests, registerChecks }), calendar, settings, today).find((d) => d.clock === 'register_recheck');
}
const daily = (from: number, to: number): RegisterCheck[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ at: `2025-03-${String(from + i).padStart(2, '0')}T10:00:00+03:00`, listed: true }));

describe('re-check schedule of the register', () => {
  it('daily for a week after sending', () => {
    expect(recheck([SENT], [], '2025-03-03')).toEqual({
      id: 'register_recheck:n1',
      clock: 'register_recheck',
      kind: 'calendar',
      due: '2025-03-04',
      status: 'upcoming',
      source: null,
      related: 'n1',
      relatedKind: 'request',
    });
    expect(recheck([SENT], daily(4, 5), '2025-03-06')).toMatchObject({ due: '2025-03-06', status: 'due_today' });
  });

  it('a missed day stays overdue until somebody checks', () => {
    expect(recheck([SENT], [], '2025-03-06')).toMatchObject({ due: '2025-03-04', status: 'overdue' });
  });

  it('then weekly: after the seventh day the next check is on day 14, then 21', () => {
    expect(recheck([SENT], daily(4, 10), '2025-03-11')).toMatchObject({ due: '2025-03-17', status: 'upcoming' });
    expect(recheck([SENT], [...daily(4, 10), ...daily(17, 17)], '2025-03-18')).toMatchObject({ due: '2025-03-24' });
    // An extra look in between does not shift the weekly rhythm.
    expect(recheck([SENT], [...daily(4, 10), ...daily(12, 12)], '2025-03-13')).toMatchObject({ due: '2025-03-17' });
  });

  it('stops with the exclusion: a check after the request shows the person not listed', () => {
    const out = recheck([SENT], [...daily(4, 5), { at: '2025-03-06T09:00:00+03:00', listed: false }], '2025-03-07');
    expect(out).toMatchObject({ status: 'done', completedAt: '2025-03-06' });
    // Listed again after that: keep checking.
    expect(recheck([SENT], [{ at: '2025-03-06', listed: false }, { at: '2025-03-07', listed: true }], '2025-03-07')).toMatchObject({ due: '2025-03-08' });
    // A "not listed" from before the request does not stop it.
    expect(recheck([SENT], [{ at: '2025-03-01', listed: false }], '2025-03-03')).toMatchObject({ due: '2025-03-04', status: 'upcoming' });
  });

  it('stops with the answers: nothing to re-check once every request is answered', () => {
    expect(recheck([{ ...SENT, answeredAt: '2025-03-20' }], [], '2025-03-21')).toBeUndefined();
    expect(recheck([{ id: 'x', kind: 'court_claim', sentAt: '2025-03-03' }], [], '2025-03-04')).toBeUndefined();
  });

  it('a new request restarts the daily week', () => {
    const second: SentItem = { id: 'a1', kind: 'citizen_application', sentAt: '2025-03-20' };
    expect(recheck([SENT, second], daily(4, 10), '2025-03-20')).toMatchObject({ due: '2025-03-21', related: 'a1' });
  });

  it('a reminder is a new request for the schedule', () => {
    expect(recheck([SENT, { id: 'r1', kind: 'reminder', sentAt: '2025-04-07', follows: 'n1' }], daily(4, 10), '2025-04-07')).toMatchObject({ due: '2025-04-08', related: 'r1' });
  });

  it('follows the settings', () => {
    expect(recheck([SENT], [], '2025-03-03', { recheckDailyDays: 0, recheckEveryDays: 3 })).toMatchObject({ due: '2025-03-06' });
  });
});

describe('nextScheduledDay', () => {
  it.each([
    ['2025-03-03', 1],
    ['2025-03-01', 1],
    ['2025-03-09', 7],
    ['2025-03-10', 14],
    ['2025-03-16', 14],
    ['2025-03-17', 21],
  ])('after %s → sent + %i days', (after, offset) => {
    const expected = new Date(Date.UTC(2025, 2, 3 + offset)).toISOString().slice(0, 10);
    expect(nextScheduledDay('2025-03-03', after, 7, 7)).toBe(expected);
  });
});
