import { addDays, formatDate, toDayNumber, validDateOrNull } from '../../case/dates';
import type { Employment, StayEntry } from '../../case/schema';
import { EAEU_MIN_DAYS_BEFORE_TERMINATION, EAEU_NEW_CONTRACT_DAYS } from '../../deadlines/clocks-eaeu';
import { reason, strongest, type Confidence, type Finding, type Reason, type RuleContext } from '../types';

/**
 * a contract ended and no new one followed in time, so the stay it carried ended (inclusion ground I-2).
 * - Early termination 90+ days after entry: the worker may sign a new contract within 15 days (Treaty art. 97
 *   p.5). None, or one signed later → high. Leaving Russia within the 15 days, or the 15 days still running
 *   today → no finding.
 * - Early termination before day 90: the 15-day right does not apply; no later contract at all → medium.
 * - A fixed-term contract that simply expired before the listing became known, with no later contract and no
 *   exit → low (how long a worker may stay after a contract ends is not established).
 */

function stayAt(stays: readonly StayEntry[], day: string): StayEntry | null {
  let found: StayEntry | null = null;
  for (const stay of stays) {
    const entry = validDateOrNull(stay.entryDate);
    if (entry === null || entry > day) continue;
    const exit = validDateOrNull(stay.exitDate);
    if (exit !== null && exit < day) continue;
    if (!found || entry > found.entryDate) found = stay;
  }
  return found;
}

function laterContracts(jobs: readonly Employment[], job: Employment, from: string): Employment[] {
  return jobs
    .filter((other) => other.id !== job.id && validDateOrNull(other.start) !== null && other.start >= from)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

export function earlyTerminationRule(ctx: RuleContext): Finding | null {
  const { employments, stays } = ctx.facts.person;
  const reasoning: Reason[] = [];
  const levels: Confidence[] = [];
  const employmentIds = new Set<string>();
  const stayIds = new Set<string>();

  for (const job of employments) {
    const terminated = validDateOrNull(job.earlyTerminationDate);
    const stay = terminated ? stayAt(stays, terminated) : null;
    const next = terminated ? laterContracts(employments, job, terminated)[0] : undefined;

    if (terminated !== null && terminated <= ctx.today) {
      const exit = stay ? validDateOrNull(stay.exitDate) : null;
      const windowEnd = addDays(terminated, EAEU_NEW_CONTRACT_DAYS);
      if (exit !== null && exit <= windowEnd) continue;
      const head = [reason('contract_terminated_early', { employer: job.employer, date: formatDate(terminated) })];
      const sinceEntry = stay ? toDayNumber(terminated) - toDayNumber(stay.entryDate) : null;
      if (stay && sinceEntry !== null) head.push(reason('days_since_entry', { entryDate: formatDate(stay.entryDate), days: sinceEntry }));
      else head.push(reason('no_entry_recorded'));

      if (sinceEntry === null || sinceEntry >= EAEU_MIN_DAYS_BEFORE_TERMINATION) {
        if (next && next.start <= windowEnd) continue;
        if (!next && windowEnd >= ctx.today) continue;
        head.push(reason('new_contract_window', { from: formatDate(addDays(terminated, 1)), to: formatDate(windowEnd) }));
        if (next) {
          head.push(reason('new_contract_late', { employer: next.employer, start: formatDate(next.start), daysLate: toDayNumber(next.start) - toDayNumber(windowEnd) }));
          employmentIds.add(next.id);
        } else {
          head.push(reason('no_new_contract', { until: formatDate(windowEnd) }));
        }
        levels.push(sinceEntry === null ? 'medium' : 'high');
      } else {
        if (next) continue;
        head.push(reason('terminated_before_90_days', { entryDate: formatDate((stay as StayEntry).entryDate), days: sinceEntry }));
        head.push(reason('no_later_contract'));
        levels.push('medium');
      }
      reasoning.push(...head);
      employmentIds.add(job.id);
      if (stay) stayIds.add(stay.id);
      continue;
    }

    const end = terminated === null ? validDateOrNull(job.end) : null;
    if (end === null || ctx.learnedAt === null || end >= ctx.learnedAt) continue;
    const after = laterContracts(employments, job, addDays(end, 1));
    const endStay = stayAt(stays, end);
    const exit = endStay ? validDateOrNull(endStay.exitDate) : null;
    if (after.length > 0 || (exit !== null && exit <= ctx.learnedAt)) continue;
    reasoning.push(reason('contract_expired', { employer: job.employer, date: formatDate(end) }), reason('no_later_contract'));
    levels.push('low');
    employmentIds.add(job.id);
    if (endStay) stayIds.add(endStay.id);
  }

  const confidence = strongest(levels);
  return confidence ? { confidence, reasoning, focus: { employmentIds: [...employmentIds], stayIds: [...stayIds] } } : null;
}
