import { describe, expect, it } from 'vitest';
import { buildStayTimeline } from '../../../../../renderer/src/features/case-page/stay-timeline';
import type { Employment, Registration, StayEntry } from '../../../../../shared/case/schema';

const stay = (entryDate: string, exitDate?: string): StayEntry => ({
  id: `s${entryDate}`,
  entryDate,
  checkpoint: '',
  documentId: '',
  migrationCard: '',
  purpose: 'work',
  exitDate,
  exitRecorded: exitDate !== undefined,
});
const reg = (from: string, to: string): Registration => ({ id: `r${from}`, address: 'г. Москва', host: '', from, to, how: 'mvd' });
const job = (start: string, end: string | null): Employment => ({
  id: `e${start}`,
  employer: 'ООО «Ромашка»',
  employerInn: '',
  contractType: 'labour',
  contractNumber: '',
  start,
  end,
});

describe('stay timeline', () => {
  it('is nothing without dated records', () => {
    expect(buildStayTimeline({ stays: [], registrations: [], employments: [] }, '2025-06-01')).toBeNull();
  });

  it('places stays, registrations, contracts and the uncovered contract days on one axis', () => {
    const timeline = buildStayTimeline(
      {
        stays: [stay('2024-01-01', '2024-12-31')],
        registrations: [reg('2024-01-01', '2024-03-31'), reg('2024-05-01', '2024-12-31')],
        employments: [job('2024-01-01', '2024-12-31')],
      },
      '2025-06-01',
    )!;
    expect([timeline.from, timeline.to]).toEqual(['2024-01-01', '2024-12-31']);
    expect(timeline.rows.map((r) => r.kind)).toEqual(['stay', 'registration', 'contract', 'gap']);
    const gap = timeline.rows.find((r) => r.kind === 'gap')!.bars;
    expect(gap).toEqual([expect.objectContaining({ from: '2024-04-01', to: '2024-04-30', days: 30, index: 0 })]);
    const stayBar = timeline.rows[0]!.bars[0]!;
    expect([stayBar.start, stayBar.end]).toEqual([0, 1]);
    expect(gap[0]!.start).toBeCloseTo(91 / 366);
    expect(gap[0]!.end).toBeCloseTo(121 / 366);
  });

  it('draws a stay without exit and an open-ended contract up to today, but counts gaps only until today', () => {
    const timeline = buildStayTimeline(
      { stays: [stay('2025-01-10')], registrations: [reg('2025-01-10', '2025-04-30')], employments: [job('2025-01-10', null), job('2025-02-01', '2025-12-31')] },
      '2025-06-01',
    )!;
    const [stayBar] = timeline.rows.find((r) => r.kind === 'stay')!.bars;
    expect(stayBar).toMatchObject({ to: '2025-06-01', open: true });
    const contracts = timeline.rows.find((r) => r.kind === 'contract')!.bars;
    expect(contracts.map((c) => [c.to, c.open])).toEqual([
      ['2025-06-01', true],
      ['2025-12-31', false],
    ]);
    // Both contracts miss registration from May; the same stretch is listed once.
    expect(timeline.rows.find((r) => r.kind === 'gap')!.bars.map((g) => [g.from, g.to])).toEqual([['2025-05-01', '2025-06-01']]);
    expect(timeline.years).toEqual([]);
    expect(timeline.to).toBe('2025-12-31');
  });

  it('marks each new year on the axis and skips records with reversed or missing dates', () => {
    const timeline = buildStayTimeline({ stays: [stay('2023-07-01', '2025-06-30'), stay('2024-05-01', '2024-04-01')], registrations: [], employments: [] }, '2025-12-01')!;
    expect(timeline.rows[0]!.bars).toHaveLength(1);
    expect(timeline.years.map((y) => y.year)).toEqual([2024, 2025]);
    expect(timeline.years[0]!.at).toBeGreaterThan(0);
    expect(timeline.years[1]!.at).toBeLessThan(1);
  });

  it('counts no gap in the free days after an entry or after a new contract while registered', () => {
    const gaps = (registrations: Registration[]) =>
      buildStayTimeline({ stays: [stay('2024-01-01')], registrations, employments: [job('2024-01-01', '2024-06-30'), job('2024-07-01', '2024-12-31')] }, '2025-06-01')!
        .rows.find((row) => row.kind === 'gap')
        ?.bars.map((bar) => [bar.from, bar.to, bar.days]) ?? [];
    // Registered from day 30 after entry, and again 2 days into the second contract: nothing is late.
    expect(gaps([reg('2024-01-30', '2024-06-30'), reg('2024-07-03', '2024-12-31')])).toEqual([]);
    // Registered from day 33, and 6 days into the second contract: the days after the free ones are.
    expect(gaps([reg('2024-02-02', '2024-06-30'), reg('2024-07-06', '2024-12-31')])).toEqual([
      ['2024-01-31', '2024-02-01', 2],
      ['2024-07-04', '2024-07-05', 2],
    ]);
  });
});
