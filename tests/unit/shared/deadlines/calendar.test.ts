import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/case/dates';
import { addMonthsIso } from '../../../../shared/case/deadline-dates';
import {
  addCalendarDays,
  addWorkingDays,
  calendarVerification,
  isWorkingDay,
  computeDeadlines,
  rollToWorkingDay,
  STATUTORY_HOLIDAYS,
  workCalendar,
  workingDaysBetween,
} from '../../../../shared/deadlines';
import { factoryBundle } from '../../support/reference-fixtures';
import { facts } from '../../support/deadline-fixtures';

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

describe('terms in months around 29 February (КАС art. 219: three months)', () => {
  it('a term from 29 February ends on 29 May; one ending in a shorter February ends on its last day', () => {
    expect(addMonthsIso('2028-02-29', 3)).toBe('2028-05-29');
    expect(addMonthsIso('2027-11-30', 3)).toBe('2028-02-29'); // leap year: February has its 29th
    expect(addMonthsIso('2026-11-30', 3)).toBe('2027-02-28'); // no 29 February: the last day of the month
    expect(addMonthsIso('2027-11-29', 3)).toBe('2028-02-29');
    expect(addMonthsIso('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('the court-claim clock from a listing learned of on 29 February 2028 ends on 29 May 2028, moved past the weekend', () => {
    const kas = computeDeadlines(facts({ case: { learnedAt: '2028-02-29' } }), factoryBundle().calendar, undefined, '2028-03-01').find((d) => d.clock === 'kas_claim');
    // 29.05.2028 is a Monday: a working day, so the term ends on it.
    expect(kas?.due).toBe('2028-05-29');
  });
});

describe('the fallback holiday list for a year the table lacks', () => {
  it('keeps every fixed holiday of ТК РФ art. 112 p.1 non-working, and only those besides weekends', () => {
    const year = 2029;
    expect(factoryBundle().calendar.some((c) => c.year === year)).toBe(false);
    for (const md of STATUTORY_HOLIDAYS) expect(isWorkingDay(cal, `${year}-${md}`), md).toBe(false);
    // Weekdays that are not holidays work; no moved days off are invented.
    expect(isWorkingDay(cal, '2029-01-09')).toBe(true); // Tuesday after the New Year holidays
    expect(isWorkingDay(cal, '2029-03-07')).toBe(true);
    expect(isWorkingDay(cal, '2029-11-05')).toBe(true); // Monday after 4 November (a Sunday): not moved without a decree
    expect(calendarVerification(cal, '2029-01-01', '2029-12-31')).toBe('gap');
    // 247 ± a few: weekdays minus the fixed holidays that fall on weekdays.
    let weekdays = 0;
    let holidaysOnWeekdays = 0;
    for (let day = '2029-01-01'; day.startsWith('2029'); day = addDays(day, 1)) {
      const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (wd !== 0 && wd !== 6) {
        weekdays += 1;
        if (STATUTORY_HOLIDAYS.includes(day.slice(5))) holidaysOnWeekdays += 1;
      }
    }
    expect(workingDaysIn(2029)).toBe(weekdays - holidaysOnWeekdays);
  });
});
