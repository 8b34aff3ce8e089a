import { addCalendarDays } from './calendar';
import type { ClockId } from './settings';

/**
 * Where the law leaves a counting rule in doubt, the app takes the reading that cannot hurt the citizen:
 * - a duty the citizen (or his employer) must meet ends on the EARLIER reading: the day of the event that starts
 *   the term (entry, early termination) is its day 1, and a last day that falls on a holiday is not moved;
 * - a term the authority must meet is called overdue only on the LATER reading: a last day that falls on a
 *   non-working day moves to the next working day (59-ФЗ says nothing about it).
 * The UI states the assumption beside each such term (tracking.deadlines.safeSide.*). The mission's own
 * follow-ups and the court term (КАС art. 93 p.2 moves it by law) are not doubtful and carry none.
 */
export const SAFE_SIDE_RULES = ['citizen_earlier', 'authority_later'] as const;
export type SafeSideRule = (typeof SAFE_SIDE_RULES)[number];

export const CLOCK_SAFE_SIDE: Readonly<Record<ClockId, SafeSideRule | null>> = {
  kas_claim: null,
  appeal_registration: 'authority_later',
  appeal_forwarding: 'authority_later',
  appeal_answer: 'authority_later',
  follow_up: null,
  reminder: null,
  register_recheck: null,
  eaeu_registration: 'citizen_earlier',
  eaeu_new_contract: 'citizen_earlier',
  eaeu_registration_update: 'citizen_earlier',
  employer_notification: 'citizen_earlier',
  document_expiry: null,
};

/** The last day of a citizen's duty of `days` calendar days starting with `eventDay`, counted as day 1. */
export function citizenDutyLastDay(eventDay: string, days: number): string {
  return addCalendarDays(eventDay, days - 1);
}
