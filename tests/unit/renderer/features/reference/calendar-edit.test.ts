import { describe, expect, it } from 'vitest';
import { addDay, addTransfer, holidayProblem, isWeekend, nextCalendarYear, transferProblems, weekdayOf } from '../../../../../renderer/src/features/reference/calendar-edit';
import { factoryBundle } from '../../../support/reference-fixtures';

const y2027 = () => factoryBundle().calendar.find((y) => y.year === 2027)!;

describe('calendar edits', () => {
  it('knows the weekday of a calendar date whatever the time zone', () => {
    expect(weekdayOf('2027-12-18')).toBe(6);
    expect(weekdayOf('2027-12-19')).toBe(0);
    expect(weekdayOf('2027-12-20')).toBe(1);
    expect([isWeekend('2027-12-18'), isWeekend('2027-12-20')]).toEqual([true, false]);
  });

  it('accepts a new holiday of the year and names what is wrong with any other', () => {
    const { holidays, transfers } = y2027();
    expect(holidayProblem(2027, '2027-12-30', holidays, transfers)).toBeNull();
    expect(holidayProblem(2027, null, holidays, transfers)).toBe('invalid_date');
    expect(holidayProblem(2027, '2027-02-30', holidays, transfers)).toBe('invalid_date');
    expect(holidayProblem(2027, '2026-12-30', holidays, transfers)).toBe('outside_year');
    expect(holidayProblem(2027, '2027-01-01', holidays, transfers)).toBe('duplicate');
    // 03.05.2027 already receives the day off moved from Saturday 1 May.
    expect(holidayProblem(2027, '2027-05-03', holidays, transfers)).toBe('transfer_target');
  });

  it('accepts a move from a weekend day to a free weekday, and names each side that is wrong', () => {
    const { holidays, transfers } = y2027();
    expect(transferProblems(2027, '2027-12-18', '2027-12-31', holidays, transfers)).toEqual({ from: null, to: null });
    expect(transferProblems(2027, '2027-12-15', '2027-12-31', holidays, transfers)).toEqual({ from: 'not_weekend', to: null });
    expect(transferProblems(2027, '2027-12-18', '2027-12-19', holidays, transfers)).toEqual({ from: null, to: 'not_weekday' });
    expect(transferProblems(2027, '2027-12-18', '2027-02-23', holidays, transfers)).toEqual({ from: null, to: 'is_holiday' });
    expect(transferProblems(2027, '2027-12-18', '2027-05-03', holidays, transfers)).toEqual({ from: null, to: 'duplicate' });
    expect(transferProblems(2027, '2028-01-01', null, holidays, transfers)).toEqual({ from: 'outside_year', to: 'invalid_date' });
  });

  it('keeps lists in date order', () => {
    expect(addDay(['2027-01-01', '2027-11-04'], '2027-06-12')).toEqual(['2027-01-01', '2027-06-12', '2027-11-04']);
    const moves = addTransfer([{ from: '2027-12-18', to: '2027-12-31', basis: 'decree' }], { from: '2027-01-02', to: '2027-12-30', basis: 'decree' });
    expect(moves.map((m) => m.from)).toEqual(['2027-01-02', '2027-12-18']);
  });

  it('prepares the year after the latest with its holidays carried over, unverified, without moves', () => {
    const next = nextCalendarYear(factoryBundle().calendar, 2030)!;
    expect(next).toMatchObject({ year: 2028, transfers: [], verification: 'unverified', legalRef: null, sources: [] });
    expect(next.holidays).toEqual(y2027().holidays.map((d) => `2028${d.slice(4)}`));
    expect(nextCalendarYear([], 2026)).toMatchObject({ year: 2026, holidays: [] });
    expect(nextCalendarYear([{ ...y2027(), year: 2100 }], 2026)).toBeNull();
    // 29 February does not carry over into a year that has none.
    expect(nextCalendarYear([{ ...y2027(), year: 2024, holidays: ['2024-02-29', '2024-03-08'] }], 2026)?.holidays).toEqual(['2025-03-08']);
  });
});
