import { describe, expect, it } from 'vitest';
import { computeDeadlines, type Deadline, type SentItem } from '../../../../shared/deadlines';
import { factoryBundle } from '../../support/reference-fixtures';
import { facts } from '../../support/deadline-fixtures';

const calendar = factoryBundle().calendar;

function clocks(requests: SentItem[], today: string, settings = {}): Deadline[] {
  return computeDeadlines(facts({ requests }), calendar, settings, today).filter((d) => d.relatedKind === 'request' && d.clock !== 'register_recheck');
}
const brief = (list: Deadline[]) => list.map((d) => [d.clock, d.due, d.status]);

describe('59-ФЗ clocks of a citizen application', () => {
  const sent: SentItem = { id: 'a1', kind: 'citizen_application', sentAt: '2025-04-01', receivedAt: '2025-04-03', registeredAt: '2025-04-04' };

  it('registration 3 days from receipt, forwarding 7 and answer 30 days from registration', () => {
    const list = clocks([sent], '2025-04-05');
    expect(list.find((d) => d.clock === 'appeal_registration')).toEqual({
      id: 'appeal_registration:a1',
      clock: 'appeal_registration',
      kind: 'calendar',
      due: '2025-04-06',
      status: 'done',
      source: '59fz-art8',
      related: 'a1',
      relatedKind: 'request',
      completedAt: '2025-04-04',
      late: false,
      // 06.04.2025 is a Sunday: the authority is late only from the day after the next working day (safe side).
      overdueFrom: '2025-04-08',
    });
    expect(brief(list)).toEqual([
      ['appeal_forwarding', '2025-04-11', 'upcoming'],
      ['appeal_answer', '2025-05-04', 'upcoming'],
      ['appeal_registration', '2025-04-06', 'done'],
    ]);
    expect(list.find((d) => d.clock === 'appeal_answer')?.source).toBe('59fz-art12');
  });

  it('the forwarding clock disappears once 7 days pass without a forwarding: the addressee kept it', () => {
    expect(clocks([sent], '2025-04-12').map((d) => d.clock)).toEqual(['appeal_answer', 'appeal_registration']);
  });

  it('an extension adds up to 30 days, never more', () => {
    expect(clocks([{ ...sent, extendedByDays: 20 }], '2025-04-05').find((d) => d.clock === 'appeal_answer')?.due).toBe('2025-05-24');
    expect(clocks([{ ...sent, extendedByDays: 45 }], '2025-04-05').find((d) => d.clock === 'appeal_answer')?.due).toBe('2025-06-03');
  });

  it('the answer closes every clock and says whether it came in time', () => {
    // The term ends on Sunday 04.05.2025: an answer on the next working day is in time on the later reading.
    const list = clocks([{ ...sent, answeredAt: '2025-05-05' }], '2025-05-06');
    expect(list.find((d) => d.clock === 'appeal_answer')).toMatchObject({ status: 'done', completedAt: '2025-05-05', late: false });
    expect(clocks([{ ...sent, answeredAt: '2025-05-06' }], '2025-05-07').find((d) => d.clock === 'appeal_answer')).toMatchObject({ status: 'done', late: true });
    expect(list.some((d) => d.clock === 'appeal_forwarding')).toBe(false);
  });

  it('an answer term ending on a holiday does not move (59-ФЗ is silent): 01.04.2025 + 30 = 01.05.2025, but is called overdue only on the later reading', () => {
    const answer = clocks([{ ...sent, registeredAt: '2025-04-01' }], '2025-05-02').find((d) => d.clock === 'appeal_answer');
    // 01–04.05.2025 are non-working: the authority is late from the day after Monday 05.05.2025.
    expect(answer).toMatchObject({ due: '2025-05-01', status: 'upcoming', overdueFrom: '2025-05-06' });
    expect(answer).not.toHaveProperty('rolledFrom');
    expect(clocks([{ ...sent, registeredAt: '2025-04-01' }], '2025-05-05').find((d) => d.clock === 'appeal_answer')).toMatchObject({ status: 'due_today' });
    expect(clocks([{ ...sent, registeredAt: '2025-04-01' }], '2025-05-06').find((d) => d.clock === 'appeal_answer')).toMatchObject({ status: 'overdue' });
  });

  it('unknown receipt counts from sending, unknown registration from its last lawful day; both are flagged', () => {
    const list = clocks([{ id: 'a2', kind: 'citizen_application', sentAt: '2025-04-01' }], '2025-04-02');
    expect(list.find((d) => d.clock === 'appeal_registration')).toMatchObject({ due: '2025-04-04', status: 'upcoming', estimated: true });
    expect(list.find((d) => d.clock === 'appeal_answer')).toMatchObject({ due: '2025-05-04', estimated: true });
    const registered = clocks([{ id: 'a3', kind: 'citizen_application', sentAt: '2025-04-01', registeredAt: '2025-04-02' }], '2025-04-02');
    expect(registered.find((d) => d.clock === 'appeal_answer')).not.toHaveProperty('estimated');
    expect(registered.find((d) => d.clock === 'appeal_registration')).toMatchObject({ status: 'done', estimated: true });
  });

  it('a forwarded appeal is answered by the new body: 3 days to register there, then 30', () => {
    const list = clocks([{ ...sent, forwardedAt: '2025-04-08' }], '2025-04-20');
    expect(list.find((d) => d.clock === 'appeal_forwarding')).toMatchObject({ status: 'done', completedAt: '2025-04-08', late: false });
    expect(list.find((d) => d.clock === 'appeal_answer')).toMatchObject({ due: '2025-05-11', estimated: true, status: 'upcoming' });
  });
});

describe('follow-up of letters and notes, then reminders', () => {
  it('a note is followed up after 30 days; a term ending on 31.12.2025 (day off) moves to 12.01.2026', () => {
    const [follow] = clocks([{ id: 'n1', kind: 'verbal_note', sentAt: '2025-12-01' }], '2026-01-05');
    expect(follow).toEqual({
      id: 'follow_up:n1',
      clock: 'follow_up',
      kind: 'calendar',
      due: '2026-01-12',
      status: 'upcoming',
      source: null,
      related: 'n1',
      relatedKind: 'request',
      rolledFrom: '2025-12-31',
      calendar: 'verified',
    });
  });

  it('the follow-up period is a setting, per kind or for all', () => {
    const note = { id: 'n1', kind: 'verbal_note' as const, sentAt: '2025-03-03' };
    expect(clocks([note], '2025-03-04', { followUpDays: 60 })[0]?.due).toBe('2025-05-05'); // 02.05 is a moved day off, 03–04.05 weekend
    expect(clocks([note], '2025-03-04', { followUpDays: 60, followUpDaysByKind: { verbal_note: 45 } })[0]?.due).toBe('2025-04-17');
  });

  it('the first reminder closes the follow-up and starts the reminder clock; an answer on a reminder closes all', () => {
    const letter: SentItem = { id: 'l1', kind: 'mission_letter', sentAt: '2025-01-10' };
    expect(brief(clocks([letter], '2025-02-11'))).toEqual([['follow_up', '2025-02-10', 'overdue']]); // 09.02 is a Sunday
    const reminded = clocks([letter, { id: 'r1', kind: 'reminder', sentAt: '2025-02-12', follows: 'l1' }], '2025-02-13');
    expect(brief(reminded)).toEqual([
      ['reminder', '2025-03-14', 'upcoming'],
      ['follow_up', '2025-02-10', 'done'],
    ]);
    expect(reminded.find((d) => d.clock === 'follow_up')).toMatchObject({ completedAt: '2025-02-12' });
    const twice = clocks([letter, { id: 'r1', kind: 'reminder', sentAt: '2025-02-12', follows: 'l1' }, { id: 'r2', kind: 'reminder', sentAt: '2025-03-17', follows: 'l1' }], '2025-03-18');
    expect(twice.find((d) => d.clock === 'reminder')?.due).toBe('2025-04-16');
    const answered = clocks([letter, { id: 'r1', kind: 'reminder', sentAt: '2025-02-12', follows: 'l1', answeredAt: '2025-03-01' }], '2025-03-20');
    expect(answered.every((d) => d.status === 'done' && d.completedAt !== undefined)).toBe(true);
  });

  it('a reminder that chases nothing known is followed up on its own', () => {
    expect(brief(clocks([{ id: 'r9', kind: 'reminder', sentAt: '2025-03-03', follows: 'gone' }], '2025-03-04'))).toEqual([['follow_up', '2025-04-02', 'upcoming']]);
  });

  it('an appeal gets reminders too, and its missed answer stays overdue', () => {
    const list = clocks(
      [
        { id: 'a1', kind: 'citizen_application', sentAt: '2025-04-01', receivedAt: '2025-04-03', registeredAt: '2025-04-04' },
        { id: 'r1', kind: 'reminder', sentAt: '2025-05-06', follows: 'a1' },
      ],
      '2025-05-07',
    );
    expect(brief(list).slice(0, 2)).toEqual([
      ['appeal_answer', '2025-05-04', 'overdue'],
      ['reminder', '2025-06-05', 'upcoming'],
    ]);
  });
});

describe('which items run which clocks', () => {
  it("a cover letter starts the citizen's appeal clocks; the mission's complaints run the follow-up; court claims none; a kind can be moved", () => {
    // The cover letter forwards the citizen's own application and asks for the 59-ФЗ art. 12 term.
    expect(clocks([{ id: 'c1', kind: 'cover_letter', sentAt: '2025-03-03' }], '2025-03-04').map((d) => d.clock).sort()).toEqual(['appeal_answer', 'appeal_forwarding', 'appeal_registration']);
    // 59-ФЗ does not bind the answer to the mission's own complaint (domain §4.4): no "late" on a false basis.
    expect(clocks([{ id: 's1', kind: 'complaint_superior', sentAt: '2025-03-03' }], '2025-03-04').map((d) => d.clock)).toEqual(['follow_up']);
    expect(clocks([{ id: 'k1', kind: 'court_claim', sentAt: '2025-03-03' }], '2025-03-04')).toEqual([]);
    const asAppeal = clocks([{ id: 'l1', kind: 'mission_letter', sentAt: '2025-03-03' }], '2025-03-04', { regimes: { mission_letter: 'appeal' } });
    expect(asAppeal.map((d) => d.clock).sort()).toEqual(['appeal_answer', 'appeal_forwarding', 'appeal_registration']);
  });
});
