import { toDayNumber, validDateOrNull } from '../case/dates';
import type { Employment, Registration, StayEntry } from '../case/schema';
import { addCalendarDays, addWorkingDays } from './calendar';
import { makeDeadline, type ClockContext, type Deadline } from './deadline';
import { citizenDutyLastDay } from './safe-side';

/**
 * Duties of an EAEU worker and his employer during the current stay (domain §5.1–5.2, §10.3):
 * - registration within 30 days of entry (Kyrgyz citizens are exempt from registration for 30 days);
 * - after an early termination, a new contract within 15 days — only when 90 days or more have passed since
 *   entry (Treaty art. 97 p.5); a termination before that gives no 15-day right and no clock;
 * - the employer's notification of a contract to the MVD within 3 working days of the contract's start;
 * - the registration updated within 3 working days of a new contract — when the person is already registered
 *   on that day or the 30 days after entry are over (otherwise the 30-day clock is the one that runs).
 *
 * Only the current stay counts: the latest entry with no exit on or before today. Earlier stays are history
 * for the diagnosis, not things to do now. Dates are the contract's start as the day it was concluded (the
 * case has no separate signing date).
 */

export const EAEU_REGISTRATION_FREE_DAYS = 30;
export const EAEU_NEW_CONTRACT_DAYS = 15;
export const EAEU_MIN_DAYS_BEFORE_TERMINATION = 90;
export const EAEU_WORKING_DAYS_TO_NOTIFY = 3;

/** The stay the person is in now: the latest entry, unless an exit on or before today closed it. */
export function currentStay(stays: readonly StayEntry[], today: string): StayEntry | null {
  const valid = stays.filter((s) => validDateOrNull(s.entryDate) !== null && s.entryDate <= today);
  const latest = valid.reduce<StayEntry | null>((a, s) => (!a || s.entryDate > a.entryDate ? s : a), null);
  if (!latest) return null;
  const exit = validDateOrNull(latest.exitDate);
  return exit !== null && exit <= today ? null : latest;
}

function earliest(dates: readonly string[]): string | undefined {
  return [...dates].sort()[0];
}

function registrationsFrom(registrations: readonly Registration[], day: string): string[] {
  return registrations.map((r) => validDateOrNull(r.from)).filter((d): d is string => d !== null && d >= day);
}

function registeredOn(registrations: readonly Registration[], day: string): boolean {
  return registrations.some((r) => validDateOrNull(r.from) !== null && validDateOrNull(r.to) !== null && r.from <= day && day <= r.to);
}

export interface EaeuFacts {
  stays: readonly StayEntry[];
  registrations: readonly Registration[];
  employments: readonly Employment[];
}

export function eaeuClocks(facts: EaeuFacts, ctx: ClockContext): Deadline[] {
  const stay = currentStay(facts.stays, ctx.today);
  if (!stay) return [];
  const out: Deadline[] = [];
  const entry = stay.entryDate;
  const registrationFreeUntil = addCalendarDays(entry, EAEU_REGISTRATION_FREE_DAYS);

  out.push(
    makeDeadline(
      {
        clock: 'eaeu_registration',
        related: stay.id,
        relatedKind: 'stay',
        // The citizen's duty: the day of entry counts as day 1 (./safe-side), one day before the later reading.
        due: citizenDutyLastDay(entry, EAEU_REGISTRATION_FREE_DAYS),
        completedAt: earliest(registrationsFrom(facts.registrations, entry)),
        trackLate: true,
      },
      ctx,
    ),
  );

  const jobs = facts.employments.filter((e) => validDateOrNull(e.start) !== null && e.start >= entry);
  for (const job of jobs) {
    const due = addWorkingDays(ctx.calendar, job.start, EAEU_WORKING_DAYS_TO_NOTIFY);
    out.push(
      makeDeadline(
        {
          clock: 'employer_notification',
          related: job.id,
          relatedKind: 'employment',
          due,
          completedAt: validDateOrNull(job.employerNotifiedDate),
          trackLate: true,
          countedFrom: job.start,
        },
        ctx,
      ),
    );
    if (job.start > registrationFreeUntil || registeredOn(facts.registrations, job.start)) {
      out.push(
        makeDeadline(
          {
            clock: 'eaeu_registration_update',
            related: job.id,
            relatedKind: 'employment',
            due,
            completedAt: earliest(registrationsFrom(facts.registrations, job.start)),
            trackLate: true,
            countedFrom: job.start,
          },
          ctx,
        ),
      );
    }

    const terminated = validDateOrNull(job.earlyTerminationDate);
    if (terminated !== null && toDayNumber(terminated) - toDayNumber(entry) >= EAEU_MIN_DAYS_BEFORE_TERMINATION) {
      const next = jobs.filter((other) => other.id !== job.id && other.start >= terminated).map((other) => other.start);
      out.push(
        makeDeadline(
          {
            clock: 'eaeu_new_contract',
            related: job.id,
            relatedKind: 'employment',
            due: citizenDutyLastDay(terminated, EAEU_NEW_CONTRACT_DAYS),
            completedAt: earliest(next),
            trackLate: true,
          },
          ctx,
        ),
      );
    }
  }
  return out;
}
