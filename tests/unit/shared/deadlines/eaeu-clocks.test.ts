import { describe, expect, it } from 'vitest';
import { computeDeadlines, currentStay, type Deadline, type PersonFacts } from '../../../../shared/deadlines';
import { factoryBundle } from '../../support/reference-fixtures';
import { facts, job, reg, stay } from '../../support/deadline-fixtures';

const calendar = factoryBundle().calendar;

function eaeu(person: Partial<PersonFacts>, today: string): Deadline[] {
  return computeDeadlines(facts({ person }), calendar, undefined, today).filter((d) => d.clock.startsWith('eaeu_') || d.clock === 'employer_notification');
}
const find = (list: Deadline[], id: string) => list.find((d) => d.id === id);

describe('registration within 30 days of entry', () => {
  it('is due on the 30th day of the stay, the day of entry being day 1 (the citizen\'s safe side)', () => {
    expect(find(eaeu({ stays: [stay('s1', '2025-01-15')] }, '2025-02-01'), 'eaeu_registration:s1')).toEqual({
      id: 'eaeu_registration:s1',
      clock: 'eaeu_registration',
      kind: 'calendar',
      due: '2025-02-13',
      status: 'upcoming',
      source: 'eaeu-art97-registration',
      related: 's1',
      relatedKind: 'stay',
    });
    expect(find(eaeu({ stays: [stay('s1', '2025-01-15')] }, '2025-02-15'), 'eaeu_registration:s1')?.status).toBe('overdue');
  });

  it('is done by the first registration after entry, late or not', () => {
    expect(find(eaeu({ stays: [stay('s1', '2025-01-15')], registrations: [reg('r1', '2025-02-01', '2025-12-31')] }, '2025-03-01'), 'eaeu_registration:s1')).toMatchObject({
      status: 'done',
      completedAt: '2025-02-01',
      late: false,
    });
    expect(find(eaeu({ stays: [stay('s1', '2025-01-15')], registrations: [reg('r1', '2025-02-20', '2025-12-31')] }, '2025-03-01'), 'eaeu_registration:s1')).toMatchObject({ late: true });
    // A registration from an earlier stay does not count for this entry.
    expect(find(eaeu({ stays: [stay('s1', '2025-01-15')], registrations: [reg('r0', '2024-05-01', '2024-12-31')] }, '2025-02-01'), 'eaeu_registration:s1')?.status).toBe('upcoming');
  });

  it('runs only for the stay the person is in now', () => {
    const left = stay('s1', '2025-01-15', { exitDate: '2025-01-30', exitRecorded: true });
    expect(eaeu({ stays: [left] }, '2025-02-01')).toEqual([]);
    expect(currentStay([left, stay('s2', '2025-03-01')], '2025-03-05')?.id).toBe('s2');
    expect(currentStay([stay('s3', '2025-04-01')], '2025-03-05')).toBeNull();
  });
});

describe("the employer's notification: 3 working days", () => {
  it('counts working days across the New Year holidays (30.12.2025 → 14.01.2026)', () => {
    const list = eaeu({ stays: [stay('s1', '2025-12-01')], employments: [job('e1', '2025-12-30', null)] }, '2026-01-13');
    expect(find(list, 'employer_notification:e1')).toEqual({
      id: 'employer_notification:e1',
      clock: 'employer_notification',
      kind: 'working',
      due: '2026-01-14',
      status: 'upcoming',
      source: '115fz-art13',
      related: 'e1',
      relatedKind: 'employment',
      calendar: 'verified',
    });
  });

  it('counts a working Saturday (30.10.2025 → 05.11.2025)', () => {
    const list = eaeu({ stays: [stay('s1', '2025-10-01')], employments: [job('e1', '2025-10-30', null, { employerNotifiedDate: '2025-11-05' })] }, '2025-11-06');
    expect(find(list, 'employer_notification:e1')).toMatchObject({ due: '2025-11-05', status: 'done', late: false });
  });

  it('is late when notified after the third working day, overdue when not notified', () => {
    const late = eaeu({ stays: [stay('s1', '2025-10-01')], employments: [job('e1', '2025-10-30', null, { employerNotifiedDate: '2025-11-06' })] }, '2025-11-10');
    expect(find(late, 'employer_notification:e1')).toMatchObject({ status: 'done', late: true });
    const none = eaeu({ stays: [stay('s1', '2025-10-01')], employments: [job('e1', '2025-10-30', null)] }, '2025-11-10');
    expect(find(none, 'employer_notification:e1')?.status).toBe('overdue');
  });

  it('says when the count ran through a calendar year that is not verified', () => {
    const list = eaeu({ stays: [stay('s1', '2026-12-01')], employments: [job('e1', '2026-12-29', null)] }, '2026-12-29');
    expect(find(list, 'employer_notification:e1')).toMatchObject({ calendar: 'unverified' });
  });
});

describe('registration update after a new contract: 3 working days', () => {
  it('runs when the person is already registered, and is done by a registration from the contract start', () => {
    const person = {
      stays: [stay('s1', '2025-01-10')],
      registrations: [reg('r1', '2025-01-20', '2025-06-30'), reg('r2', '2025-06-03', '2025-12-31')],
      employments: [job('e1', '2025-01-20', '2025-05-31'), job('e2', '2025-06-02', null)],
    };
    const list = eaeu(person, '2025-06-10');
    expect(find(list, 'eaeu_registration_update:e2')).toMatchObject({ kind: 'working', due: '2025-06-05', status: 'done', completedAt: '2025-06-03', late: false, source: '109fz' });
    expect(find(list, 'eaeu_registration_update:e1')).toMatchObject({ status: 'done', completedAt: '2025-01-20' });
  });

  it('does not run for a contract within the first 30 days when nobody is registered yet', () => {
    const list = eaeu({ stays: [stay('s1', '2025-01-10')], employments: [job('e1', '2025-01-20', null)] }, '2025-01-21');
    expect(find(list, 'eaeu_registration_update:e1')).toBeUndefined();
    expect(find(list, 'employer_notification:e1')).toBeDefined();
  });

  it('runs for a contract after the first 30 days even without any registration', () => {
    const list = eaeu({ stays: [stay('s1', '2025-01-10')], employments: [job('e1', '2025-03-03', null)] }, '2025-03-10');
    expect(find(list, 'eaeu_registration_update:e1')).toMatchObject({ due: '2025-03-06', status: 'overdue' });
  });
});

describe('a new contract within 15 days after an early termination', () => {
  const entered = stay('s1', '2025-01-10');

  it('runs when 90+ days passed since entry and is done by the next contract', () => {
    const person = { stays: [entered], employments: [job('e1', '2025-01-20', '2025-12-31', { earlyTerminationDate: '2025-05-20' })] };
    // The termination day is day 1 of the 15: the last day is 03.06.2025 (the citizen's safe side).
    expect(find(eaeu(person, '2025-05-25'), 'eaeu_new_contract:e1')).toMatchObject({ due: '2025-06-03', status: 'upcoming', source: 'eaeu-art97-p5' });
    const next = { ...person, employments: [...person.employments, job('e2', '2025-06-01', null)] };
    expect(find(eaeu(next, '2025-06-10'), 'eaeu_new_contract:e1')).toMatchObject({ status: 'done', completedAt: '2025-06-01', late: false });
    const lateNext = { ...person, employments: [...person.employments, job('e2', '2025-06-09', null)] };
    expect(find(eaeu(lateNext, '2025-06-10'), 'eaeu_new_contract:e1')).toMatchObject({ status: 'done', late: true });
  });

  it('counts the 90 days exactly: 90 days after entry runs the clock, 89 does not', () => {
    const at = (date: string) => eaeu({ stays: [entered], employments: [job('e1', '2025-01-20', null, { earlyTerminationDate: date })] }, '2025-04-12');
    expect(find(at('2025-04-10'), 'eaeu_new_contract:e1')).toBeDefined(); // 10.01 + 90 days
    expect(find(at('2025-04-09'), 'eaeu_new_contract:e1')).toBeUndefined();
  });
});
