import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../../shared/case/dates';
import type { CaseStatus } from '../../../../shared/case/schema';
import { checkPeriod, computeReport, filterOptions, lastMonths, monthsOf, NOT_DIAGNOSED } from '../../../../shared/reports/compute';
import { factsFromCase, type CaseFactsSource } from '../../../../shared/reports/facts';
import { distribution, quantileSorted } from '../../../../shared/reports/stats';

/** The calendar day of the ISO string as written, so the fixture means the same in every time zone. */
const dayOf = (iso: string) => toDayNumber(iso.slice(0, 10));
const at = (date: string) => `${date}T10:00:00.000Z`;

function source(
  history: Array<[string, CaseStatus]>,
  more: Partial<CaseFactsSource> & { cause?: string } = {},
): CaseFactsSource {
  const { cause, ...rest } = more;
  const statusHistory = history.map(([date, status]) => ({ status, at: at(date) }));
  return {
    missionId: 'm1',
    region: 'г. Москва',
    caseworker: 'Иванов',
    status: history.length ? history[history.length - 1]![1] : 'intake',
    statusHistory,
    createdAt: statusHistory[0]?.at ?? at('2025-01-01'),
    updatedAt: statusHistory[statusHistory.length - 1]?.at ?? at('2025-01-01'),
    ...(cause ? { diagnosis: { causeId: cause } } : {}),
    ...rest,
  };
}

const MSK = 'г. Москва';
const SVE = 'Свердловская область';

/**
 * Nine cases, counted by hand for January–March 2025 (see each comment). Boundaries: A is excluded on the
 * last day of January, B taken in on its first day, C moves on the first of March, D is taken in on 31 March,
 * F after the period.
 */
const FIXTURE: Record<string, CaseFactsSource> = {
  // Dec intake (open at start); excluded 31 Jan → Jan «excluded»; 47 days.
  A: source([['2024-12-15', 'intake'], ['2025-01-31', 'excluded']]),
  // Jan intake; excluded 1 Feb (31 days), reopened 20 Feb, excluded again 5 Mar. History stored out of order.
  B: source(
    [['2025-01-01', 'intake'], ['2025-02-20', 'checking'], ['2025-01-10', 'checking'], ['2025-03-05', 'excluded'], ['2025-02-01', 'excluded']],
    { cause: 'R-3', status: 'excluded' },
  ),
  // Feb intake on its last day, refused 1 Mar.
  C: source([['2025-02-28', 'intake'], ['2025-03-01', 'refused']]),
  // Mar intake on its last day, still open.
  D: source([['2025-03-31', 'intake']], { caseworker: 'Петрова' }),
  // No history at all: taken in 3 Nov 2024 (createdAt), left Russia — dated by updatedAt, 10 Feb.
  E: source([], { region: SVE, caseworker: 'Петрова', status: 'left_russia', createdAt: at('2024-11-03'), updatedAt: at('2025-02-10') }),
  // Taken in after the period: not counted anywhere.
  F: source([['2025-04-01', 'intake']]),
  // Jan: excluded 25th (5 days), closed 28th, excluded again 30th → one exclusion and one closure in January.
  G: source([['2025-01-20', 'intake'], ['2025-01-25', 'excluded'], ['2025-01-28', 'closed'], ['2025-01-30', 'excluded']], { region: SVE, caseworker: 'Петрова' }),
  // Closed long before the period, another mission: counted as considered, in no row.
  H: source([['2024-06-01', 'intake'], ['2024-08-01', 'closed']], { region: 'Новосибирская область', missionId: 'm2', caseworker: 'Сидоров' }),
  // Feb intake 3rd, excluded 15 Mar: 40 days.
  I: source([['2025-02-03', 'intake'], ['2025-02-10', 'checking'], ['2025-03-15', 'excluded']], { region: SVE, caseworker: 'Петрова', cause: 'R-1' }),
};

const facts = Object.values(FIXTURE).map((s) => factsFromCase(s, dayOf));
const zero = { opened: 0, excluded: 0, refused: 0, left_russia: 0, closed: 0, reopened: 0 };

describe('computeReport on a hand-counted fixture', () => {
  const report = computeReport(facts, { from: '2025-01', to: '2025-03' });

  it('counts each month: opened, moves into final statuses, reopenings and the stock at month end', () => {
    expect(report.months).toEqual([
      { month: '2025-01', ...zero, opened: 2, excluded: 2, closed: 1, openAtEnd: 2 },
      { month: '2025-02', ...zero, opened: 2, excluded: 1, left_russia: 1, reopened: 1, openAtEnd: 3 },
      { month: '2025-03', ...zero, opened: 1, excluded: 2, refused: 1, openAtEnd: 1 },
    ]);
    expect(report.totals).toEqual({ opened: 5, excluded: 5, refused: 1, left_russia: 1, closed: 1, reopened: 1, openAtStart: 2, openAtEnd: 1 });
    expect(report.casesCounted).toBe(8);
    expect(report.casesReconstructed).toBe(1);
  });

  it('gives median and quartiles of days from intake to the first exclusion in the period (5, 31, 40, 47)', () => {
    expect(report.daysToExclusion).toEqual({ count: 4, min: 5, q1: 24.5, median: 35.5, q3: 41.75, max: 47 });
  });

  it('breaks the period down by region, cause, mission and caseworker, omitting groups with nothing to show', () => {
    expect(report.byRegion).toEqual([
      { key: MSK, ...zero, opened: 3, excluded: 3, refused: 1, reopened: 1, openAtEnd: 1, medianDaysToExclusion: 39 },
      { key: SVE, ...zero, opened: 2, excluded: 2, left_russia: 1, closed: 1, openAtEnd: 0, medianDaysToExclusion: 22.5 },
    ]);
    expect(report.byCause).toEqual([
      { key: NOT_DIAGNOSED, ...zero, opened: 3, excluded: 2, refused: 1, left_russia: 1, closed: 1, openAtEnd: 1, medianDaysToExclusion: 26 },
      { key: 'R-1', ...zero, opened: 1, excluded: 1, openAtEnd: 0, medianDaysToExclusion: 40 },
      { key: 'R-3', ...zero, opened: 1, excluded: 2, reopened: 1, openAtEnd: 0, medianDaysToExclusion: 31 },
    ]);
    expect(report.byMission).toEqual([{ key: 'm1', opened: 5, excluded: 5, refused: 1, left_russia: 1, closed: 1, reopened: 1, openAtEnd: 1, medianDaysToExclusion: 35.5 }]);
    expect(report.byCaseworker).toEqual([
      { key: 'Петрова', ...zero, opened: 3, excluded: 2, left_russia: 1, closed: 1, openAtEnd: 1, medianDaysToExclusion: 22.5 },
      { key: 'Иванов', ...zero, opened: 2, excluded: 3, refused: 1, reopened: 1, openAtEnd: 0, medianDaysToExclusion: 39 },
    ]);
  });

  it('each breakdown adds up to the monthly totals', () => {
    for (const rows of [report.byRegion, report.byCause, report.byMission, report.byCaseworker]) {
      for (const k of ['opened', 'excluded', 'refused', 'left_russia', 'closed', 'reopened', 'openAtEnd'] as const) {
        expect(rows.reduce((sum, r) => sum + r[k], 0)).toBe(report.totals[k]);
      }
    }
  });

  it('applies the filters before counting', () => {
    const sve = computeReport(facts, { from: '2025-01', to: '2025-03', filters: { region: SVE } });
    expect(sve.months).toEqual([
      { month: '2025-01', ...zero, opened: 1, excluded: 1, closed: 1, openAtEnd: 1 },
      { month: '2025-02', ...zero, opened: 1, left_russia: 1, openAtEnd: 1 },
      { month: '2025-03', ...zero, excluded: 1, openAtEnd: 0 },
    ]);
    expect(sve.totals.openAtStart).toBe(1);
    expect(sve.casesCounted).toBe(3);
    expect(sve.daysToExclusion).toMatchObject({ count: 2, median: 22.5 });
    const m2 = computeReport(facts, { from: '2025-01', to: '2025-03', filters: { missionId: 'm2', caseworker: 'Сидоров' } });
    expect(m2.casesCounted).toBe(1);
    expect(m2.totals).toEqual({ ...zero, openAtStart: 0, openAtEnd: 0 });
    expect(m2.byRegion).toEqual([]);
    expect(m2.daysToExclusion).toBeNull();
  });

  it('moves a count between months when the period boundary moves', () => {
    const jan = computeReport(facts, { from: '2025-01', to: '2025-01' });
    expect(jan.totals).toMatchObject({ opened: 2, excluded: 2, openAtStart: 2, openAtEnd: 2 });
    // From February on, A's exclusion on 31 January is before the period and A is not in the opening stock.
    const febMar = computeReport(facts, { from: '2025-02', to: '2025-03' });
    expect(febMar.totals).toMatchObject({ opened: 3, excluded: 3, openAtStart: 2 });
    expect(febMar.daysToExclusion).toMatchObject({ count: 2, median: 35.5 });
  });
});

describe('case facts', () => {
  it('orders the history by time before reducing it to days', () => {
    expect(factsFromCase(FIXTURE.B!, dayOf).events.map((e) => e.status)).toEqual(['intake', 'checking', 'excluded', 'checking', 'excluded']);
  });

  it('orders moments written with different UTC offsets by the instant they name', () => {
    const mixed = source([['2025-01-01', 'intake']], {
      statusHistory: [
        { status: 'intake', at: '2025-01-01T10:00:00.000Z' },
        { status: 'closed', at: '2025-01-02T01:00:00+03:00' }, // 1 Jan 22:00 UTC: before the check below
        { status: 'checking', at: '2025-01-01T23:00:00.000Z' },
      ],
    });
    expect(factsFromCase(mixed, (iso) => toDayNumber(new Date(iso).toISOString().slice(0, 10))).events.map((e) => e.status)).toEqual(['intake', 'closed', 'checking']);
  });

  it('reconstructs a case without history from createdAt and updatedAt, and marks it', () => {
    const e = factsFromCase(FIXTURE.E!, dayOf);
    expect(e.reconstructed).toBe(true);
    expect(e.events).toEqual([
      { day: dayOf('2024-11-03'), status: 'intake' },
      { day: dayOf('2025-02-10'), status: 'left_russia' },
    ]);
    const untouched = factsFromCase({ ...FIXTURE.E!, status: 'intake' }, dayOf);
    expect(untouched.events).toEqual([{ day: dayOf('2024-11-03'), status: 'intake' }]);
  });

  it('takes the cause from the diagnosis the caseworker chose', () => {
    expect(factsFromCase(FIXTURE.I!, dayOf).causeId).toBe('R-1');
    expect(factsFromCase(FIXTURE.A!, dayOf).causeId).toBeNull();
  });

  it('lists the values each filter can take', () => {
    expect(filterOptions(facts)).toEqual({ missionIds: ['m1', 'm2'], regions: [MSK, 'Новосибирская область', SVE], caseworkers: ['Иванов', 'Петрова', 'Сидоров'] });
  });
});

describe('periods and statistics', () => {
  it('defaults to the twelve months ending with the current one', () => {
    expect(lastMonths('2026-11-25')).toEqual({ from: '2025-12', to: '2026-11' });
    expect(lastMonths('2026-01-01', 3)).toEqual({ from: '2025-11', to: '2026-01' });
    expect(monthsOf('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('refuses periods that are malformed, reversed or over ten years', () => {
    expect(checkPeriod('2025-01', '2025-01')).toBe('ok');
    expect(checkPeriod('2025-13', '2025-01')).toBe('invalid');
    expect(checkPeriod('2025-03', '2025-01')).toBe('reversed');
    expect(checkPeriod('2015-01', '2025-01')).toBe('too_long');
    expect(() => computeReport([], { from: '2025-03', to: '2025-01' })).toThrow(RangeError);
  });

  it('interpolates quantiles as Excel QUARTILE.INC does', () => {
    expect(quantileSorted([7], 0.5)).toBe(7);
    expect(quantileSorted([1, 2, 3], 0.5)).toBe(2);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(distribution([10, 1, 4])).toEqual({ count: 3, min: 1, q1: 2.5, median: 4, q3: 7, max: 10 });
    expect(distribution([])).toBeNull();
  });
});
