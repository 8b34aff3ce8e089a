import { isValidIsoDate, validDateOrNull } from '../case/dates';
import { addMonthsIso } from '../case/deadline-dates';
import type { IdentityDocument } from '../case/schema';
import { toWorkCalendar, type CalendarInput } from './calendar';
import { eaeuClocks } from './clocks-eaeu';
import { recheckClock } from './clocks-recheck';
import { requestClocks } from './clocks-requests';
import { makeDeadline, sortDeadlines, type ClockContext, type Deadline } from './deadline';
import { CLOSED_STATUSES, type CaseFacts, type SentItem } from './facts';
import { resolveDeadlineSettings, type DeadlineSettings, type DeadlineSettingsInput } from './settings';

/**
 * Everything due in one case, computed from its facts (pure: the same facts, calendar and day give the same
 * list). A closed case (excluded, refused, left Russia, closed) has nothing due. See ./settings for the clocks.
 */
export function computeDeadlines(
  facts: CaseFacts,
  calendar: CalendarInput,
  settings: DeadlineSettings | DeadlineSettingsInput | undefined,
  today: string,
): Deadline[] {
  if (!isValidIsoDate(today)) throw new RangeError(`today must be an ISO date, got ${JSON.stringify(today)}`);
  if (CLOSED_STATUSES.includes(facts.case.status)) return [];
  const ctx: ClockContext = { calendar: toWorkCalendar(calendar), settings: resolveDeadlineSettings(settings), today };
  const requests = facts.requests ?? [];

  const list: Deadline[] = [];
  const claim = kasClaimClock(facts.case.learnedAt, requests, ctx);
  if (claim) list.push(claim);
  list.push(...requestClocks(requests, ctx));
  const recheck = recheckClock(requests, facts.registerChecks ?? [], ctx);
  if (recheck) list.push(recheck);
  list.push(...eaeuClocks(facts.person, ctx));
  list.push(...documentExpiryClocks(facts.person.documents, ctx));
  return sortDeadlines(list);
}

/** КАС art. 219 p.1: 3 months from the day the person learned of the violation; a court claim sent closes it. */
function kasClaimClock(learnedAt: string, requests: readonly SentItem[], ctx: ClockContext): Deadline | null {
  const learned = validDateOrNull(learnedAt);
  if (learned === null) return null;
  const filed = requests
    .filter((r) => r.kind === 'court_claim')
    .map((r) => r.sentAt)
    .sort()[0];
  return makeDeadline({ clock: 'kas_claim', related: null, relatedKind: 'case', due: addMonthsIso(learned, 3), completedAt: filed, trackLate: true }, ctx);
}

/** Every current identity document is due on its expiry date (renewal takes time; the UI decides how early to warn). */
function documentExpiryClocks(documents: readonly IdentityDocument[], ctx: ClockContext): Deadline[] {
  return documents
    .filter((doc) => doc.status === 'current' && validDateOrNull(doc.expiryDate) !== null)
    .map((doc) => makeDeadline({ clock: 'document_expiry', related: doc.id, relatedKind: 'document', due: doc.expiryDate }, ctx));
}
