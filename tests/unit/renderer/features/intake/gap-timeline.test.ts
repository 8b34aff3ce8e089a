import { describe, expect, it } from 'vitest';
import { emptyEmployment, emptyRegistration, type EmploymentDraft, type RegistrationDraft } from '../../../../../shared/case/schema';
import { validateIntake } from '../../../../../shared/case/validate';
import { employmentTimeline } from '../../../../../renderer/src/features/intake/gap-timeline';
import { TODAY, validIntake } from '../../../support/case-fixtures';

const job = (start: string, end: string | null, extra: Partial<EmploymentDraft> = {}): EmploymentDraft => ({ ...emptyEmployment('e'), start, end, ...extra });
const reg = (from: string, to: string): RegistrationDraft => ({ ...emptyRegistration(`r${from}`), from, to });

describe('employmentTimeline', () => {
  it('lays out contract, registrations and the gap between them on one axis', () => {
    const timeline = employmentTimeline(job('2024-01-01', '2024-03-31'), [reg('2024-01-01', '2024-01-31'), reg('2024-03-01', '2024-04-30')], TODAY);
    expect(timeline).not.toBeNull();
    expect(timeline!.period).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(timeline!.gaps).toEqual([{ from: '2024-02-01', to: '2024-02-29', days: 29 }]);
    expect(timeline!.gapDays).toBe(29);
    const kinds = timeline!.segments.map((s) => s.kind);
    expect(kinds).toEqual(['contract', 'registration', 'registration', 'gap']);
    // The axis runs to the end of the later registration (30.04), so the contract does not fill the bar.
    const contract = timeline!.segments[0]!;
    expect(contract.start).toBe(0);
    expect(contract.end).toBeCloseTo(91 / 121, 6);
  });

  it('agrees with the registration_gap warning', () => {
    const draft = validIntake();
    draft.registrations = [reg('2024-01-16', '2024-05-31'), reg('2024-07-01', '2024-12-31')];
    const warnings = validateIntake(draft, TODAY).warnings.filter((w) => w.code === 'registration_gap');
    const timeline = employmentTimeline(draft.employments[0]!, draft.registrations, TODAY, draft.stays)!;
    expect(warnings.map((w) => w.params?.days)).toEqual(timeline.gaps.map((g) => g.days));
    expect(timeline.gapDays).toBe(30);
    // Registered only from day 40 after the entry (15.01.2024): the warning and the bar both start the
    // gap on day 31, when the free days are over.
    draft.registrations = [reg('2024-02-23', '2024-12-31')];
    const late = validateIntake(draft, TODAY).warnings.filter((w) => w.code === 'registration_gap');
    const lateTimeline = employmentTimeline(draft.employments[0]!, draft.registrations, TODAY, draft.stays)!;
    expect(lateTimeline.gaps).toEqual([{ from: '2024-02-14', to: '2024-02-22', days: 9 }]);
    expect(late.map((w) => w.params?.days)).toEqual([9]);
  });

  it('shows no gap in the days after an entry when no registration is needed yet', () => {
    const stays = [{ entryDate: '2024-01-01' }];
    // Contract from the day of entry, registered from day 30 (the last free day is 30.01).
    expect(employmentTimeline(job('2024-01-01', '2024-03-31'), [reg('2024-01-30', '2024-03-31')], TODAY, stays)!.gaps).toEqual([]);
    expect(employmentTimeline(job('2024-01-01', '2024-03-31'), [reg('2024-02-05', '2024-03-31')], TODAY, stays)!.gaps).toEqual([
      { from: '2024-01-31', to: '2024-02-04', days: 5 },
    ]);
    // Without a recorded entry nothing is free: the whole stretch before the registration is a gap.
    expect(employmentTimeline(job('2024-01-01', '2024-03-31'), [reg('2024-01-30', '2024-03-31')], TODAY)!.gapDays).toBe(29);
  });

  it('stops an open-ended or unfinished contract at today and an early termination at its date', () => {
    expect(employmentTimeline(job('2025-05-01', null), [], TODAY)!.period).toEqual({ from: '2025-05-01', to: TODAY });
    expect(employmentTimeline(job('2025-05-01', '2026-05-01'), [], TODAY)!.period.to).toBe(TODAY);
    expect(employmentTimeline(job('2024-01-01', '2024-12-31', { earlyTerminationDate: '2024-02-10' }), [], TODAY)!.period.to).toBe('2024-02-10');
  });

  it('no timeline while dates are missing, impossible or in the future', () => {
    expect(employmentTimeline(job('', null), [], TODAY)).toBeNull();
    expect(employmentTimeline(job('2024-01-01', ''), [], TODAY)).toBeNull();
    expect(employmentTimeline(job('2024-05-01', '2024-01-01'), [], TODAY)).toBeNull();
    expect(employmentTimeline(job('2024-05-01', '2024-12-31', { earlyTerminationDate: '2024-04-01' }), [], TODAY)).toBeNull();
    expect(employmentTimeline(job('2025-07-01', null), [], TODAY)).toBeNull();
  });

  it('a fully covered contract has no gap segments', () => {
    const timeline = employmentTimeline(job('2024-01-01', '2024-06-30'), [reg('2023-12-01', '2024-03-31'), reg('2024-04-01', '2024-07-31')], TODAY)!;
    expect(timeline.gaps).toEqual([]);
    expect(timeline.segments.some((s) => s.kind === 'gap')).toBe(false);
  });
});
