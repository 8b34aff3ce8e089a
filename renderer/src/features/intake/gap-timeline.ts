import { validDateOrNull } from '../../../../shared/case/dates';
import {
  contractPeriod,
  registrationGaps,
  registrationGrace,
  timelineSegments,
  type DateGap,
  type DateRange,
  type RegistrationGraceRules,
  type TimelineSegment,
} from '../../../../shared/case/registration-gaps';
import type { EmploymentDraft, RegistrationDraft, StayEntryDraft } from '../../../../shared/case/schema';

export interface EmploymentTimeline {
  /** The days the contract ran, up to today. */
  period: DateRange;
  segments: TimelineSegment[];
  gaps: DateGap[];
  gapDays: number;
}

/**
 * The EAEU gap picture for one contract: its period, the registrations around it and the uncovered days,
 * computed the same way as the `registration_gap` warning. Null while the contract dates are incomplete,
 * impossible, or the contract has not started yet.
 */
export function employmentTimeline(
  job: EmploymentDraft,
  registrations: readonly RegistrationDraft[],
  today: string,
  stays: readonly Pick<StayEntryDraft, 'entryDate'>[] = [],
  graceRules?: RegistrationGraceRules,
): EmploymentTimeline | null {
  const start = validDateOrNull(job.start);
  if (!start) return null;
  const period = contractPeriod({ start, end: job.end ?? null, earlyTerminationDate: validDateOrNull(job.earlyTerminationDate) ?? undefined }, today);
  if (!period) return null;
  const ranges = registrations.map((r) => ({ from: r.from, to: r.to }));
  // The first days after an entry, or after a new contract while registered, need no registration yet.
  const grace = registrationGrace({ stays: stays.map((s) => ({ entryDate: s.entryDate ?? '' })), employments: [{ start }], registrations: ranges }, graceRules);
  const gaps = registrationGaps(period, ranges, grace);
  return { period, segments: timelineSegments(period, ranges, grace), gaps, gapDays: gaps.reduce((sum, g) => sum + g.days, 0) };
}
