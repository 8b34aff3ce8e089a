import { addCalendarDays } from './calendar';
import { makeDeadline, type ClockContext, type Deadline } from './deadline';
import { MAX_EXTENSION_DAYS, type SentItem } from './facts';
import type { SentRegime } from './settings';

/**
 * Clocks of outgoing items.
 *
 * A citizen's appeal (59-ФЗ, domain §4.4): the addressee registers it within 3 days of receipt (art. 8 p.2),
 * forwards it within 7 days of registration if another body is competent (art. 8 p.3), and answers within 30
 * days of registration, once extendable by up to 30 days (art. 12). Unknown receipt → the day of sending
 * (earlier than the truth, flagged `estimated`); unknown registration → the last day it was due, which is the
 * latest start the law allows, so an answer clock counted from it is never early. A forwarded appeal is
 * answered by the new body: its clock restarts from the forwarding (+3 days to register there, estimated).
 * The forwarding clock shows only while it can still happen or once it did: when 7 days pass without a
 * forwarding, or an answer comes first, the addressee kept the appeal and there is nothing to chase.
 *
 * Official correspondence (letters, notes): nobody is bound by a term (domain §4.4), so a follow-up clock runs
 * from sending (default 30 days). The first reminder sent for it closes the follow-up; from then on the
 * `reminder` clock asks for the next one every `reminderIntervalDays` until an answer. An answer recorded on a
 * reminder answers the item it chases. Appeals get the same reminder clock, but their answer clock stays
 * overdue: a missed legal term remains a fact for a complaint.
 */

interface Tracked {
  item: SentItem;
  regime: Exclude<SentRegime, 'none'>;
  /** Reminders sent for it, oldest first. */
  reminders: SentItem[];
  /** The answer, from the item itself or from one of its reminders (the earliest). */
  answeredAt: string | undefined;
}

/** Groups reminders with the item they chase; a reminder chasing nothing known is tracked on its own. */
export function trackedRequests(requests: readonly SentItem[], regimeOf: (item: SentItem) => SentRegime): Tracked[] {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const chasing = (r: SentItem) => r.kind === 'reminder' && r.follows !== undefined && r.follows !== r.id && byId.has(r.follows);
  const out: Tracked[] = [];
  for (const item of requests) {
    if (chasing(item)) continue;
    const regime = regimeOf(item);
    if (regime === 'none') continue;
    const reminders = requests.filter((r) => chasing(r) && r.follows === item.id).sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0));
    const answers = [item.answeredAt, ...reminders.map((r) => r.answeredAt)].filter((d): d is string => d !== undefined).sort();
    out.push({ item, regime, reminders, answeredAt: answers[0] });
  }
  return out;
}

function appealClocks(t: Tracked, ctx: ClockContext): Deadline[] {
  const { item } = t;
  const related = { related: item.id, relatedKind: 'request' as const };
  const received = item.receivedAt ?? item.sentAt;
  const receiptEstimated = item.receivedAt === undefined;
  const out: Deadline[] = [];

  const registrationDue = addCalendarDays(received, 3);
  const registrationEvent = item.registeredAt ?? item.forwardedAt ?? t.answeredAt;
  out.push(
    makeDeadline(
      { clock: 'appeal_registration', ...related, due: registrationDue, completedAt: registrationEvent, trackLate: item.registeredAt !== undefined, estimated: receiptEstimated },
      ctx,
    ),
  );

  const registered = item.registeredAt ?? registrationDue;
  const registrationEstimated = item.registeredAt === undefined;
  const forwarding = makeDeadline(
    {
      clock: 'appeal_forwarding',
      ...related,
      due: addCalendarDays(registered, 7),
      completedAt: item.forwardedAt,
      trackLate: true,
      estimated: registrationEstimated,
    },
    ctx,
  );
  const answeredWhereSent = t.answeredAt !== undefined && item.forwardedAt === undefined;
  if (forwarding.status !== 'overdue' && !answeredWhereSent) out.push(forwarding);

  const extension = Math.min(item.extendedByDays ?? 0, MAX_EXTENSION_DAYS);
  const answerStart = item.forwardedAt !== undefined ? addCalendarDays(item.forwardedAt, 3) : registered;
  out.push(
    makeDeadline(
      {
        clock: 'appeal_answer',
        ...related,
        due: addCalendarDays(answerStart, 30 + extension),
        completedAt: t.answeredAt,
        trackLate: true,
        estimated: item.forwardedAt !== undefined || registrationEstimated,
      },
      ctx,
    ),
  );
  return out;
}

function followUpClock(t: Tracked, ctx: ClockContext): Deadline {
  const days = ctx.settings.followUpDaysByKind[t.item.kind] ?? ctx.settings.followUpDays;
  const closedBy = t.answeredAt ?? t.reminders[0]?.sentAt;
  return makeDeadline({ clock: 'follow_up', related: t.item.id, relatedKind: 'request', due: addCalendarDays(t.item.sentAt, days), completedAt: closedBy }, ctx);
}

function reminderClock(t: Tracked, ctx: ClockContext): Deadline | null {
  const last = t.reminders[t.reminders.length - 1];
  if (!last) return null;
  return makeDeadline(
    { clock: 'reminder', related: t.item.id, relatedKind: 'request', due: addCalendarDays(last.sentAt, ctx.settings.reminderIntervalDays), completedAt: t.answeredAt },
    ctx,
  );
}

export function requestClocks(requests: readonly SentItem[], ctx: ClockContext): Deadline[] {
  const out: Deadline[] = [];
  for (const t of trackedRequests(requests, (item) => ctx.settings.regimes[item.kind])) {
    if (t.regime === 'appeal') out.push(...appealClocks(t, ctx));
    else out.push(followUpClock(t, ctx));
    const reminder = reminderClock(t, ctx);
    if (reminder) out.push(reminder);
  }
  return out;
}
