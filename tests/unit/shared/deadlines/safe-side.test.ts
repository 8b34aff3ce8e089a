import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../../../shared/deadlines';
import { CLOCK_SAFE_SIDE, citizenDutyLastDay } from '../../../../shared/deadlines/safe-side';
import { CLOCKS, CLOCK_SOURCES } from '../../../../shared/deadlines/settings';
import { facts } from '../../support/deadline-fixtures';
import { factoryBundle } from '../../support/reference-fixtures';

describe('safe-side counting', () => {
  it('the 59-ФЗ terms bind the authority; the EAEU duties bind the citizen or his employer', () => {
    const authority = CLOCKS.filter((c) => CLOCK_SAFE_SIDE[c] === 'authority_later');
    expect(authority).toEqual(['appeal_registration', 'appeal_forwarding', 'appeal_answer']);
    for (const c of authority) expect(CLOCK_SOURCES[c]).toMatch(/^59fz-/);
    expect(CLOCKS.filter((c) => CLOCK_SAFE_SIDE[c] === 'citizen_earlier')).toEqual(['eaeu_registration', 'eaeu_new_contract', 'eaeu_registration_update', 'employer_notification']);
  });

  it('a citizen\'s duty counts its first day as day 1: 30 days from 31.01.2028 end on 29.02.2028 (a leap year)', () => {
    expect(citizenDutyLastDay('2028-01-31', 30)).toBe('2028-02-29');
    expect(citizenDutyLastDay('2025-01-31', 30)).toBe('2025-03-01');
    expect(citizenDutyLastDay('2025-05-20', 15)).toBe('2025-06-03');
  });

  it('an authority term ending on a weekday is overdue the next day, with no extra note', () => {
    const sent = { id: 'a1', kind: 'citizen_application' as const, sentAt: '2025-04-01', receivedAt: '2025-04-02', registeredAt: '2025-04-02' };
    // 02.04.2025 + 30 = 02.05.2025 is a holiday; 03.04 + 30 = 03.05 too; registered 07.04 → 07.05.2025, a Wednesday.
    const list = computeDeadlines(facts({ requests: [{ ...sent, registeredAt: '2025-04-07' }] }), factoryBundle().calendar, undefined, '2025-05-08');
    const answer = list.find((d) => d.clock === 'appeal_answer')!;
    expect(answer).toMatchObject({ due: '2025-05-07', status: 'overdue' });
    expect(answer).not.toHaveProperty('overdueFrom');
  });
});
