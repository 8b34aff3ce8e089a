import { z } from 'zod';
import { addDays, toDayNumber, validDateOrNull } from '../case/dates';
import { isoDate } from '../case/schema';
import { actionEntry } from '../deadlines/actions';

/**
 * A citizen's own request (appeal) to the mission about his case, and the mission's answer to it. Every letter
 * the app tracks otherwise goes out; this is the one that comes in, and the mission owes the answer.
 *
 * The answer term is reference data (`appeal_answer` in the terms table): the Kyrgyz law on citizens' appeals
 * was not checked, so the factory value is a working assumption marked as a gap, shown as such and never
 * stated as law. The day the request came is what is stored; its due day follows from the term in force, so
 * an edited term applies to every open request at once.
 */

export const APPEAL_CHANNELS = ['in_person', 'post', 'email', 'messenger'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

export const APPEAL_LIMITS = { request: 4000, answer: 8000 } as const;

const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** What the caseworker records when a request comes in. */
export const newAppealSchema = z
  .object({
    receivedOn: isoDate,
    channel: z.enum(APPEAL_CHANNELS),
    request: requiredText(APPEAL_LIMITS.request),
  })
  .strict();

/** The mission's answer: when, how it went out, and what it said. */
export const appealAnswerSchema = z
  .object({
    answeredOn: isoDate,
    answerChannel: z.enum(APPEAL_CHANNELS),
    answerText: requiredText(APPEAL_LIMITS.answer),
  })
  .strict();

export type NewAppeal = z.output<typeof newAppealSchema>;
export type AppealAnswer = z.output<typeof appealAnswerSchema>;

/** The parts of a stored request the clock reads. */
export interface AppealDates {
  receivedOn: string;
  answeredOn?: string | undefined;
}

export interface AppealClock {
  /** The last day of the term: the day the request came plus the term's days. */
  due: string;
  /** Days from today to `due`: negative once it has passed. */
  daysLeft: number;
  overdue: boolean;
}

/** The answer's clock on `today`; null once answered or while the day it came is not a date. */
export function appealClock(appeal: AppealDates, termDays: number, today: string): AppealClock | null {
  if (appeal.answeredOn) return null;
  const received = validDateOrNull(appeal.receivedOn);
  if (!received) return null;
  const due = addDays(received, termDays);
  const daysLeft = toDayNumber(due) - toDayNumber(today);
  return { due, daysLeft, overdue: daysLeft < 0 };
}

/** Requests still waiting for an answer, the earliest first. */
export function openAppeals<T extends AppealDates>(appeals: readonly T[]): T[] {
  return appeals.filter((a) => !a.answeredOn && validDateOrNull(a.receivedOn) !== null).sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
}

/**
 * The case's work-queue entry for answering: one per case (`answer_citizen|<day the earliest open request
 * came>`), so the queue counts cases, like the case list; none when every request is answered.
 */
export function appealActionEntries(appeals: readonly AppealDates[]): string[] {
  const first = openAppeals(appeals)[0];
  return first ? [actionEntry('answer_citizen', first.receivedOn)] : [];
}

/** An answer dated before the request came is refused (the path names the field). */
export function answerDateProblem(receivedOn: string, answeredOn: string): 'answeredOn' | null {
  return answeredOn < receivedOn ? 'answeredOn' : null;
}
