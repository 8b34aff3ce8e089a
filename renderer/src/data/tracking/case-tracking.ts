import type { CaseRecord } from '../../../../shared/case/schema';
import { appealActionEntries, type AppealDates } from '../../../../shared/appeals/appeal';
import { actionEntries, computeDeadlines, nextDeadline, type CaseFacts, type Deadline, type RegisterCheck, type SentItem } from '../../../../shared/deadlines';
import type { CalendarYear } from '../../../../shared/reference/schema';
import type { SentKind } from '../../../../shared/deadlines/facts';
import type { SentRegime } from '../../../../shared/deadlines/settings';
import { NO_DEADLINE, type CaseRow, type CheckRow, type PersonRow, type RequestRow } from '../schema';
import { localTodayIso } from '../../lib/date-time';

/** What a case's deadlines depend on besides the case and person themselves. */
export interface TrackingInput {
  requests: readonly SentItem[];
  checks: readonly CheckRow[];
  calendar: readonly CalendarYear[];
  today: string;
  /** Which clock each outgoing kind starts (reference data, shared/reference/lookup `documentRegimes`); defaults when absent. */
  regimes?: Partial<Record<SentKind, SentRegime>>;
  /** The citizen's requests to the mission: an unanswered one puts the case in the queue's «answer» section. */
  appeals?: readonly AppealDates[];
}

/** The request fields the engine reads (a RequestRow carries more). */
export function sentItemOf(row: RequestRow): SentItem {
  const { id, kind, sentAt, receivedAt, registeredAt, forwardedAt, extendedByDays, answeredAt, follows } = row;
  return Object.fromEntries(
    Object.entries({ id, kind, sentAt, receivedAt, registeredAt, forwardedAt, extendedByDays, answeredAt, follows }).filter(([, v]) => v !== undefined && v !== ''),
  ) as SentItem;
}

export function registerCheckOf(row: CheckRow): RegisterCheck {
  return row.documentId ? { at: row.at, listed: row.listed, documentId: row.documentId } : { at: row.at, listed: row.listed };
}

type PersonPart = Pick<PersonRow, 'documents' | 'stays' | 'registrations' | 'employments' | 'amina' | 'nameKy' | 'nameRu' | 'nameLat' | 'otherSpellings' | 'patronymicForm' | 'birthDate'>;

/** The facts the deadline engine and the diagnosis read, from what the database holds. */
export function caseFacts(record: Pick<CaseRecord, 'learnedAt' | 'status' | 'region'>, person: PersonPart, requests: readonly SentItem[], checks: readonly CheckRow[]): CaseFacts {
  return {
    case: { learnedAt: record.learnedAt, status: record.status, region: record.region },
    person,
    requests,
    registerChecks: checks.map(registerCheckOf),
  };
}

export function deadlinesOf(record: CaseRecord, person: PersonPart, tracking: TrackingInput): Deadline[] {
  return computeDeadlines(caseFacts(record, person, tracking.requests, tracking.checks), [...tracking.calendar], tracking.regimes ? { regimes: tracking.regimes } : undefined, tracking.today);
}

/**
 * The derived tracking fields of a case row: its earliest open deadline (and which clock), and the next
 * register re-check. Without tracking input (no requests or checks yet, e.g. at intake) the engine runs on
 * the case alone with the built-in calendar fallback.
 */
export function caseTracking(record: CaseRecord, person: PersonPart, tracking?: TrackingInput): Pick<CaseRow, 'nextDeadline' | 'nextDeadlineClock' | 'nextCheck' | 'actions'> {
  const input = tracking ?? { requests: [], checks: [], calendar: [], today: localTodayIso() };
  const list = deadlinesOf(record, person, input);
  const next = nextDeadline(list);
  const recheck = list.find((d) => d.clock === 'register_recheck' && d.status !== 'done');
  return { nextDeadline: next?.due ?? NO_DEADLINE, nextDeadlineClock: next?.clock ?? null, nextCheck: recheck?.due ?? NO_DEADLINE, actions: [...actionEntries(list), ...appealActionEntries(tracking?.appeals ?? [])].sort() };
}
