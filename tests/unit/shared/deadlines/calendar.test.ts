import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/case/dates';
import {
  addCalendarDays,
  addWorkingDays,
  calendarVerification,
  isWorkingDay,
  rollToWorkingDay,
  workCalendar,
  workingDaysBetween,
} from '../../../../shared/deadlines';
import { factoryBundle } from '../../support/reference-fixtures';

const cal = workCalendar(factoryBundle().calendar);

function workingDaysIn(year: number): number {
  let count = 0;
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) if (isWorkingDay(cal, day)) count += 1;
  return count;
}

describe('isWorkingDay with the production calendar', () => {
  it.each([
    ['2025-01-08', false, 'last New Year holiday'],
    ['2025-01-09', true, 'first working day of 2025'],
    ['2025-02-24', true, '23 February on a Sunday moved to 8 May, not to the Monday'],
    ['2025-05-02', false, 'moved from Saturday 4 January'],
    ['2025-05-08', false, 'moved from Sunday 23 February'],
    ['2025-06-13', false, 'moved from Saturday 8 March'],
    ['2025-11-01', true, 'working Saturday'],
    ['2025-11-02', false, 'Sunday'],
    ['2025-11-03', false, 'moved from Saturday 1 November'],
    ['2025-12-31', false, 'moved from Sunday 5 January'],
    ['2026-01-09', false, 'moved from Saturday 3 January'],
    ['2026-01-12', true, 'first working day of 2026'],
    ['2026-03-09', false, '8 March on a Sunday (ТК art. 112)'],
    ['2026-05-11', false, '9 May on a Saturday (ТК art. 112)'],
    ['2026-12-31', false, 'moved from Sunday 4 January'],
    ['2027-05-03', false, '1 May on a Saturday'],
    ['2027-06-14', false, '12 June on a Saturday'],
    ['2027-06-15', true, 'an ordinary Tuesday'],
  ])('%s → %s (%s)', (day, working) => {
    expect(isWorkingDay(cal, day)).toBe(working);
  });

  it('gives the official count of working days: 247 in 2025 and in 2026', () => {
    expect(workingDaysIn(2025)).toBe(247);
    expect(workingDaysIn(2026)).toBe(247);
  });

  it('falls back to weekends and the fixed holidays for a year the table lacks', () => {
    expect(isWorkingDay(cal, '2028-01-05')).toBe(false); // a Wednesday in the New Year holidays
    expect(isWorkingDay(cal, '2028-01-10')).toBe(true);
    expect(isWorkingDay(cal, '2028-01-15')).toBe(false); // Saturday
    expect(calendarVerification(cal, '2027-12-20', '2028-01-20')).toBe('gap');
  });
});

describe('counting terms', () => {
  it('a term in calendar days starts the day after the event', () => {
    expect(addCalendarDays('2025-03-01', 3)).toBe('2025-03-04');
    expect(addCalendarDays('2025-12-20', 30)).toBe('2026-01-19');
  });

  it('counts working days across 31 December – 11 January', () => {
    expect(addWorkingDays(cal, '2025-12-26', 1)).toBe('2025-12-29');
    expect(addWorkingDays(cal, '2025-12-26', 3)).toBe('2026-01-12');
    expect(addWorkingDays(cal, '2025-12-30', 3)).toBe('2026-01-14');
    expect(workingDaysBetween(cal, '2025-12-30', '2026-01-14')).toBe(3);
  });

  it('counts a working Saturday', () => {
    // Fri 31.10 and the working Sat 01.11, then 02–04.11 off, Wed 05.11.
    expect(addWorkingDays(cal, '2025-10-30', 3)).toBe('2025-11-05');
    expect(addWorkingDays(cal, '2025-10-31', 1)).toBe('2025-11-01');
  });

  it('a term from a non-working day still starts the next day; 0 working days is the day itself', () => {
    expect(addWorkingDays(cal, '2025-05-03', 1)).toBe('2025-05-05');
    expect(addWorkingDays(cal, '2025-05-03', 0)).toBe('2025-05-03');
    expect(() => addWorkingDays(cal, '2025-05-03', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-05-03', 1.5)).toThrow(RangeError);
  });

  it('moves a term ending on a holiday by the clock rule', () => {
    expect(rollToWorkingDay(cal, '2025-06-12', 'next')).toBe('2025-06-16');
    expect(rollToWorkingDay(cal, '2025-06-12', 'previous')).toBe('2025-06-11');
    expect(rollToWorkingDay(cal, '2025-06-12', 'none')).toBe('2025-06-12');
    expect(rollToWorkingDay(cal, '2025-06-11', 'next')).toBe('2025-06-11');
    expect(rollToWorkingDay(cal, '2026-01-01', 'next')).toBe('2026-01-12');
  });

  it('reports the least certain calendar year a computation touched', () => {
    expect(calendarVerification(cal, '2025-12-30', '2026-01-14')).toBe('verified');
    expect(calendarVerification(cal, '2026-12-30', '2027-01-14')).toBe('unverified');
    expect(calendarVerification(cal, '2027-01-14', '2026-12-30')).toBe('unverified');
  });

  it('an edited calendar changes the count (the table is data, not code)', () => {
    const edited = factoryBundle().calendar.map((y) => (y.year === 2027 ? { ...y, transfers: [...y.transfers, { from: '2027-01-02', to: '2027-12-31', basis: 'decree' as const }] } : y));
    const mine = workCalendar(edited);
    expect(isWorkingDay(cal, '2027-12-31')).toBe(true);
    expect(isWorkingDay(mine, '2027-12-31')).toBe(false);
    expect(isWorkingDay(mine, '2027-01-02')).toBe(false); // still a holiday
  });
});
