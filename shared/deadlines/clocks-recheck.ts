import { addDays, toDayNumber, validDateOrNull } from '../case/dates';
import { trackedRequests } from './clocks-requests';
import { makeDeadline, type ClockContext, type Deadline } from './deadline';
import { checkDay, type RegisterCheck, type SentItem } from './facts';

/**
 * When to look at the register again (domain §10.3: it is refreshed every 4 hours). After each request is sent:
 * every day for `recheckDailyDays` days, then every `recheckEveryDays` days, until every request is answered or
 * a check made after the latest request shows the person is no longer listed. The schedule is anchored on the
 * latest unanswered request, so a new request restarts the daily week. The due day is the first scheduled day
 * after the latest check: a missed day stays overdue until somebody checks.
 */
export function recheckClock(requests: readonly SentItem[], checks: readonly RegisterCheck[], ctx: ClockContext): Deadline | null {
  const open = trackedRequests(requests, (item) => ctx.settings.regimes[item.kind])
    .filter((t) => t.answeredAt === undefined)
    .flatMap((t) => [t.item, ...t.reminders]);
  const anchor = open.reduce<SentItem | null>((latest, r) => (!latest || r.sentAt > latest.sentAt ? r : latest), null);
  if (!anchor) return null;

  // Same-moment results that disagree count as "still listed": the later look must confirm an exclusion.
  const days = checks
    .map((c) => ({ day: validDateOrNull(checkDay(c)), at: c.at, listed: c.listed }))
    .filter((c): c is { day: string; at: string; listed: boolean } => c.day !== null)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : Number(a.listed) - Number(b.listed)));
  const latest = days[days.length - 1];
  const base = { clock: 'register_recheck' as const, related: anchor.id, relatedKind: 'request' as const };

  if (latest && !latest.listed && latest.day >= anchor.sentAt) {
    return makeDeadline({ ...base, due: latest.day, completedAt: latest.day }, ctx);
  }
  const lastCheck = latest && latest.day >= anchor.sentAt ? latest.day : anchor.sentAt;
  return makeDeadline({ ...base, due: nextScheduledDay(anchor.sentAt, lastCheck, ctx.settings.recheckDailyDays, ctx.settings.recheckEveryDays) }, ctx);
}

/** The first day of the schedule (sent + 1 … sent + daily, then every `every` days) strictly after `after`. */
export function nextScheduledDay(sent: string, after: string, daily: number, every: number): string {
  const offset = toDayNumber(after) - toDayNumber(sent);
  if (offset < daily) return addDays(sent, Math.max(offset, 0) + 1);
  const steps = Math.floor((offset - daily) / every) + 1;
  return addDays(sent, daily + steps * every);
}
