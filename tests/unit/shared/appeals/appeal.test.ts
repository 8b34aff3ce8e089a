import { describe, expect, it } from 'vitest';
import { answerDateProblem, appealActionEntries, appealClock, newAppealSchema, openAppeals } from '../../../../shared/appeals/appeal';
import { actionRange, parseActionEntry } from '../../../../shared/deadlines/actions';

describe('the answer clock of a citizen’s request', () => {
  it('runs the term in days from the day the request came, counting down to the due day and then overdue', () => {
    expect(appealClock({ receivedOn: '2026-03-01' }, 30, '2026-03-01')).toEqual({ due: '2026-03-31', daysLeft: 30, overdue: false });
    expect(appealClock({ receivedOn: '2026-03-01' }, 30, '2026-03-31')).toEqual({ due: '2026-03-31', daysLeft: 0, overdue: false });
    expect(appealClock({ receivedOn: '2026-03-01' }, 30, '2026-04-02')).toEqual({ due: '2026-03-31', daysLeft: -2, overdue: true });
  });

  it('takes whatever term the reference data holds: an edited term moves the due day', () => {
    expect(appealClock({ receivedOn: '2026-03-01' }, 15, '2026-03-20')).toEqual({ due: '2026-03-16', daysLeft: -4, overdue: true });
    expect(appealClock({ receivedOn: '2026-12-20' }, 30, '2026-12-20')?.due).toBe('2027-01-19');
  });

  it('stops once the request is answered, and never runs on a day that is not a date', () => {
    expect(appealClock({ receivedOn: '2026-03-01', answeredOn: '2026-03-10' }, 30, '2026-05-01')).toBeNull();
    expect(appealClock({ receivedOn: '2026-02-30' }, 30, '2026-03-01')).toBeNull();
  });

  it('puts a case in the queue once, under its earliest open request, and takes it out when all are answered', () => {
    const appeals = [{ receivedOn: '2026-04-02' }, { receivedOn: '2026-03-05', answeredOn: '2026-03-20' }, { receivedOn: '2026-03-20' }];
    expect(openAppeals(appeals).map((a) => a.receivedOn)).toEqual(['2026-03-20', '2026-04-02']);
    const entries = appealActionEntries(appeals);
    expect(entries).toEqual(['answer_citizen|2026-03-20']);
    expect(parseActionEntry(entries[0]!)).toEqual({ action: 'answer_citizen', due: '2026-03-20' });
    const [lower, upper] = actionRange('answer_citizen', '2026-06-01', '2026-05-31');
    expect(entries[0]! >= lower && entries[0]! <= upper).toBe(true);
    expect(appealActionEntries(appeals.map((a) => ({ ...a, answeredOn: '2026-05-01' })))).toEqual([]);
  });

  it('refuses a request without its substance or with an unknown channel, and an answer dated before the request', () => {
    expect(newAppealSchema.safeParse({ receivedOn: '2026-03-01', channel: 'post', request: '   ' }).success).toBe(false);
    expect(newAppealSchema.safeParse({ receivedOn: '2026-03-01', channel: 'pigeon', request: 'Помочь' }).success).toBe(false);
    expect(newAppealSchema.safeParse({ receivedOn: '2026-03-01', channel: 'messenger', request: 'Помочь с исключением из реестра' }).success).toBe(true);
    expect(answerDateProblem('2026-03-10', '2026-03-09')).toBe('answeredOn');
    expect(answerDateProblem('2026-03-10', '2026-03-10')).toBeNull();
  });
});
