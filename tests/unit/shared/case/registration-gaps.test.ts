import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  contractPeriod,
  coveredDays,
  rangeDays,
  registrationGaps,
  timelineSegments,
  toDayNumber,
  type DateRange,
} from '../../../../shared/case';

const r = (from: string, to: string): DateRange => ({ from, to });
const CONTRACT = r('2024-01-16', '2024-12-31');

describe('registrationGaps', () => {
  it('no gap when one registration covers the period exactly or more', () => {
    expect(registrationGaps(CONTRACT, [CONTRACT])).toEqual([]);
    expect(registrationGaps(CONTRACT, [r('2023-06-01', '2025-06-01')])).toEqual([]);
  });

  it('the whole period is a gap without registrations', () => {
    expect(registrationGaps(CONTRACT, [])).toEqual([{ from: '2024-01-16', to: '2024-12-31', days: 351 }]);
  });

  it('gaps at both edges', () => {
    expect(registrationGaps(CONTRACT, [r('2024-01-17', '2024-12-30')])).toEqual([
      { from: '2024-01-16', to: '2024-01-16', days: 1 },
      { from: '2024-12-31', to: '2024-12-31', days: 1 },
    ]);
  });

  it('touching registrations leave no gap; one missing day is a gap', () => {
    expect(registrationGaps(CONTRACT, [r('2024-01-16', '2024-06-30'), r('2024-07-01', '2024-12-31')])).toEqual([]);
    expect(registrationGaps(CONTRACT, [r('2024-01-16', '2024-06-29'), r('2024-07-01', '2024-12-31')])).toEqual([{ from: '2024-06-30', to: '2024-06-30', days: 1 }]);
  });

  it('overlapping and nested registrations in any order', () => {
    const regs = [r('2024-05-01', '2024-12-31'), r('2024-01-01', '2024-03-31'), r('2024-02-01', '2024-02-10'), r('2024-03-15', '2024-04-10')];
    expect(registrationGaps(CONTRACT, regs)).toEqual([{ from: '2024-04-11', to: '2024-04-30', days: 20 }]);
  });

  it('registrations outside the period do not count', () => {
    expect(registrationGaps(r('2024-03-01', '2024-03-31'), [r('2024-01-01', '2024-02-29'), r('2024-04-01', '2024-05-01')])).toEqual([
      { from: '2024-03-01', to: '2024-03-31', days: 31 },
    ]);
  });

  it('ignores malformed or reversed registrations; a malformed or reversed period has no gaps', () => {
    expect(registrationGaps(CONTRACT, [r('2024-12-31', '2024-01-16'), r('', '2024-12-31'), r('2024-02-30', '2024-12-31')])).toEqual([
      { from: '2024-01-16', to: '2024-12-31', days: 351 },
    ]);
    expect(registrationGaps(r('2024-12-31', '2024-01-16'), [])).toEqual([]);
    expect(registrationGaps(r('2024-02-30', '2024-03-01'), [])).toEqual([]);
  });

  it('a one-day period', () => {
    expect(registrationGaps(r('2024-02-29', '2024-02-29'), [])).toEqual([{ from: '2024-02-29', to: '2024-02-29', days: 1 }]);
    expect(registrationGaps(r('2024-02-29', '2024-02-29'), [r('2024-02-29', '2024-02-29')])).toEqual([]);
  });

  it('counts covered days and range days', () => {
    expect(coveredDays(CONTRACT, [r('2024-01-01', '2024-01-31'), r('2024-01-20', '2024-02-05')])).toBe(21);
    expect(rangeDays(CONTRACT)).toBe(351);
    expect(rangeDays(r('2024-02-01', '2024-01-31'))).toBe(0);
  });
});

describe('contractPeriod', () => {
  const today = '2025-06-01';

  it('start..end for a fixed-term contract that is over', () => {
    expect(contractPeriod({ start: '2024-01-16', end: '2024-12-31' }, today)).toEqual(r('2024-01-16', '2024-12-31'));
  });

  it('start..today for an open-ended contract', () => {
    expect(contractPeriod({ start: '2024-01-16', end: null }, today)).toEqual(r('2024-01-16', today));
  });

  it('start..early termination, whichever of termination and end is first', () => {
    expect(contractPeriod({ start: '2024-01-16', end: null, earlyTerminationDate: '2024-06-30' }, today)).toEqual(r('2024-01-16', '2024-06-30'));
    expect(contractPeriod({ start: '2024-01-16', end: '2024-12-31', earlyTerminationDate: '2024-06-30' }, today)).toEqual(r('2024-01-16', '2024-06-30'));
    expect(contractPeriod({ start: '2024-01-16', end: '2024-03-31', earlyTerminationDate: '2024-06-30' }, today)).toEqual(r('2024-01-16', '2024-03-31'));
    expect(contractPeriod({ start: '2024-01-16', end: null, earlyTerminationDate: '' }, today)).toEqual(r('2024-01-16', today));
  });

  it('stops at today unless asked not to', () => {
    expect(contractPeriod({ start: '2025-01-01', end: '2025-12-31' }, today)).toEqual(r('2025-01-01', today));
    expect(contractPeriod({ start: '2025-01-01', end: '2025-12-31' }, today, { untilToday: false })).toEqual(r('2025-01-01', '2025-12-31'));
  });

  it('null for contracts not started, reversed or with malformed dates', () => {
    expect(contractPeriod({ start: '2025-06-02', end: null }, today)).toBeNull();
    expect(contractPeriod({ start: '2024-06-02', end: '2024-06-01' }, today)).toBeNull();
    expect(contractPeriod({ start: '', end: null }, today)).toBeNull();
    expect(contractPeriod({ start: '2024-01-01', end: '2024-02-30' }, today)).toBeNull();
    expect(contractPeriod({ start: '2024-01-01', end: null }, 'today')).toBeNull();
  });
});

describe('timelineSegments', () => {
  it('places contract, registrations and gaps on one axis as fractions', () => {
    // Span 2024-01-01..2024-01-10 (10 days): contract 03..10, registrations 01..04 and 07..08.
    const segments = timelineSegments(r('2024-01-03', '2024-01-10'), [r('2024-01-01', '2024-01-04'), r('2024-01-07', '2024-01-08')]);
    expect(segments).toEqual([
      { kind: 'contract', from: '2024-01-03', to: '2024-01-10', start: 0.2, end: 1, index: 0 },
      { kind: 'registration', from: '2024-01-01', to: '2024-01-04', start: 0, end: 0.4, index: 0 },
      { kind: 'registration', from: '2024-01-07', to: '2024-01-08', start: 0.6, end: 0.8, index: 1 },
      { kind: 'gap', from: '2024-01-05', to: '2024-01-06', start: 0.4, end: 0.6, index: 0 },
      { kind: 'gap', from: '2024-01-09', to: '2024-01-10', start: 0.8, end: 1, index: 1 },
    ]);
  });

  it('keeps the input index of registrations and skips malformed ones', () => {
    const segments = timelineSegments(r('2024-01-01', '2024-01-10'), [r('bad', '2024-01-02'), r('2024-01-01', '2024-01-10')]);
    expect(segments.filter((s) => s.kind === 'registration').map((s) => s.index)).toEqual([1]);
    expect(segments.filter((s) => s.kind === 'gap')).toEqual([]);
  });

  it('is empty for a malformed period', () => {
    expect(timelineSegments(r('2024-01-10', '2024-01-01'), [])).toEqual([]);
  });
});

// ---------------------------------------------------------------- properties

const BASE = '2023-12-20';
/** Ranges within ~14 months, short enough to overlap often; a few reversed or malformed. */
const rangeArb = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(fc.integer({ min: 0, max: 420 }), fc.integer({ min: 0, max: 200 })).map(([a, len]) => r(addDays(BASE, a), addDays(BASE, a + len))) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 420 }), fc.integer({ min: 1, max: 60 })).map(([a, back]) => r(addDays(BASE, a), addDays(BASE, a - back))) },
  { weight: 1, arbitrary: fc.constantFrom(r('', ''), r('2024-02-30', '2024-03-01'), r('2024-01-01', 'open')) },
);
const periodArb = fc.tuple(fc.integer({ min: 0, max: 420 }), fc.integer({ min: 0, max: 400 })).map(([a, len]) => r(addDays(BASE, a), addDays(BASE, a + len)));
const RUNS = { numRuns: 1000 };

/** Day-by-day oracle: which days of the period no well-formed registration contains. */
function uncoveredDaysOracle(period: DateRange, regs: DateRange[]): number[] {
  const valid = regs.filter((x) => rangeDays(x) > 0).map((x) => [toDayNumber(x.from), toDayNumber(x.to)] as const);
  const out: number[] = [];
  for (let d = toDayNumber(period.from); d <= toDayNumber(period.to); d++) if (!valid.some(([a, b]) => a <= d && d <= b)) out.push(d);
  return out;
}

describe('registrationGaps properties', () => {
  it('covered days + gap days = contract days', () => {
    fc.assert(
      fc.property(periodArb, fc.array(rangeArb, { maxLength: 8 }), (period, regs) => {
        const gapDays = registrationGaps(period, regs).reduce((sum, g) => sum + g.days, 0);
        expect(coveredDays(period, regs) + gapDays).toBe(rangeDays(period));
      }),
      RUNS,
    );
  });

  it('no gap overlaps a registration', () => {
    fc.assert(
      fc.property(periodArb, fc.array(rangeArb, { maxLength: 8 }), (period, regs) => {
        for (const gap of registrationGaps(period, regs)) {
          for (const reg of regs) {
            if (rangeDays(reg) === 0) continue;
            expect(gap.to < reg.from || gap.from > reg.to, `${JSON.stringify(gap)} vs ${JSON.stringify(reg)}`).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('gaps are exactly the uncovered days, in order, within the period, separated by covered days', () => {
    fc.assert(
      fc.property(periodArb, fc.array(rangeArb, { maxLength: 8 }), (period, regs) => {
        const gaps = registrationGaps(period, regs);
        const days: number[] = [];
        gaps.forEach((gap, i) => {
          expect(gap.days).toBe(rangeDays(gap));
          expect(gap.days).toBeGreaterThan(0);
          expect(gap.from >= period.from && gap.to <= period.to).toBe(true);
          const previous = gaps[i - 1];
          if (previous) expect(toDayNumber(gap.from)).toBeGreaterThan(toDayNumber(previous.to) + 1);
          for (let d = toDayNumber(gap.from); d <= toDayNumber(gap.to); d++) days.push(d);
        });
        expect(days).toEqual(uncoveredDaysOracle(period, regs));
      }),
      RUNS,
    );
  });

  it('does not depend on the order of registrations', () => {
    const shuffledArb = fc
      .array(rangeArb, { maxLength: 8 })
      .chain((regs) => fc.tuple(fc.constant(regs), fc.shuffledSubarray(regs, { minLength: regs.length, maxLength: regs.length })));
    fc.assert(
      fc.property(periodArb, shuffledArb, (period, [regs, shuffled]) => {
        expect(registrationGaps(period, shuffled)).toEqual(registrationGaps(period, regs));
      }),
      RUNS,
    );
  });

  it('timeline segments lie in 0..1, have positive length and match gaps and registrations', () => {
    fc.assert(
      fc.property(periodArb, fc.array(rangeArb, { maxLength: 8 }), (period, regs) => {
        const segments = timelineSegments(period, regs);
        for (const s of segments) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(1);
          expect(s.end).toBeGreaterThan(s.start);
        }
        expect(Math.min(...segments.map((s) => s.start))).toBe(0);
        expect(Math.max(...segments.map((s) => s.end))).toBe(1);
        expect(segments.filter((s) => s.kind === 'contract')).toHaveLength(1);
        expect(segments.filter((s) => s.kind === 'registration')).toHaveLength(regs.filter((x) => rangeDays(x) > 0).length);
        expect(segments.filter((s) => s.kind === 'gap').map(({ from, to }) => ({ from, to }))).toEqual(registrationGaps(period, regs).map(({ from, to }) => ({ from, to })));
        // Widths are proportional to days.
        const contract = segments[0]!;
        for (const s of segments) expect((s.end - s.start) / (contract.end - contract.start)).toBeCloseTo(rangeDays(s) / rangeDays(period), 9);
      }),
      RUNS,
    );
  });
});
