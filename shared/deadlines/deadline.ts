import type { Verification } from '../reference/schema';
import { addCalendarDays, calendarVerification, rollToWorkingDay, type WorkCalendar } from './calendar';
import { CLOCK_SAFE_SIDE } from './safe-side';
import { CLOCK_KINDS, CLOCK_SOURCES, type ClockId, type DayKind, type DeadlineSettings } from './settings';

export const DEADLINE_STATUSES = ['overdue', 'due_today', 'upcoming', 'done'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export type RelatedKind = 'case' | 'request' | 'document' | 'stay' | 'employment';

export interface Deadline {
  /** Stable: `<clock>:<related id>` (`<clock>:case` for case-wide clocks). */
  id: string;
  clock: ClockId;
  kind: DayKind;
  /** Last day of the term (ISO), after any move off a non-working day. */
  due: string;
  status: DeadlineStatus;
  /** Legal reference id, null for practice. */
  source: string | null;
  /** Id of the request, document, stay or employment the clock is about; null for the case itself. */
  related: string | null;
  relatedKind: RelatedKind;
  /** The day the awaited event happened (answer, registration, notification …); set exactly when status is done. */
  completedAt?: string;
  /** The event happened after `due` (only for terms someone is bound by). */
  late?: boolean;
  /** The start of the term was assumed: receipt unknown → the day of sending; registration unknown → its last lawful day. */
  estimated?: boolean;
  /** The term's own last day, when the clock's roll rule moved it off a non-working day. */
  rolledFrom?: string;
  /** The least certain production-calendar year the computation relied on (working-day counts and moves only). */
  calendar?: Verification;
  /**
   * A term the authority must meet whose last day is a non-working day: the first day it is called overdue (the
   * next working day, ./safe-side). Absent when that is simply the day after `due`.
   */
  overdueFrom?: string;
}

export interface ClockInput {
  clock: ClockId;
  related: string | null;
  relatedKind: RelatedKind;
  /** The term's last day before any roll. */
  due: string;
  completedAt?: string | null;
  /** Report lateness of the completing event (terms somebody is bound by). */
  trackLate?: boolean;
  estimated?: boolean;
  /** Start of a working-day count, to report the calendar years it crossed. */
  countedFrom?: string;
}

export interface ClockContext {
  calendar: WorkCalendar;
  settings: DeadlineSettings;
  today: string;
}

/** Builds one deadline: applies the clock's roll rule, then sets the status against today. */
export function makeDeadline(input: ClockInput, ctx: ClockContext): Deadline {
  const rule = ctx.settings.roll[input.clock];
  const due = rollToWorkingDay(ctx.calendar, input.due, rule);
  const completedAt = input.completedAt ?? undefined;
  // The authority is late only on the later reading: from the next working day when the last day is not one.
  const lastDay = CLOCK_SAFE_SIDE[input.clock] === 'authority_later' ? rollToWorkingDay(ctx.calendar, due, 'next') : due;
  const status: DeadlineStatus = completedAt !== undefined ? 'done' : lastDay < ctx.today ? 'overdue' : lastDay === ctx.today ? 'due_today' : 'upcoming';
  const deadline: Deadline = {
    id: `${input.clock}:${input.related ?? 'case'}`,
    clock: input.clock,
    kind: CLOCK_KINDS[input.clock],
    due,
    status,
    source: CLOCK_SOURCES[input.clock],
    related: input.related,
    relatedKind: input.relatedKind,
  };
  if (completedAt !== undefined) deadline.completedAt = completedAt;
  if (completedAt !== undefined && input.trackLate) deadline.late = completedAt > lastDay;
  if (lastDay !== due) deadline.overdueFrom = addCalendarDays(lastDay, 1);
  if (input.estimated) deadline.estimated = true;
  if (due !== input.due) deadline.rolledFrom = input.due;
  if (input.countedFrom !== undefined) deadline.calendar = calendarVerification(ctx.calendar, input.countedFrom, due);
  else if (rule !== 'none') deadline.calendar = calendarVerification(ctx.calendar, input.due, due);
  return deadline;
}

const ORDER: Record<DeadlineStatus, number> = { overdue: 0, due_today: 1, upcoming: 2, done: 3 };

/** Open deadlines first, each group by due date. */
export function sortDeadlines(list: readonly Deadline[]): Deadline[] {
  return [...list].sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || (a.id < b.id ? -1 : 1));
}

/** The earliest deadline still open (overdue, due today or upcoming); null when nothing is open. */
export function nextDeadline(list: readonly Deadline[]): Deadline | null {
  let best: Deadline | null = null;
  for (const d of list) {
    if (d.status === 'done') continue;
    if (!best || d.due < best.due || (d.due === best.due && d.id < best.id)) best = d;
  }
  return best;
}
