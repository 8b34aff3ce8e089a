import { formatDate, validDateOrNull } from '../../case/dates';
import { addWorkingDays, workingDaysBetween } from '../../deadlines/calendar';
import { EAEU_WORKING_DAYS_TO_NOTIFY } from '../../deadlines/clocks-eaeu';
import { reason, strongest, type Confidence, type Finding, type Reason, type RuleContext } from '../types';

/**
 * the employer must notify the MVD of a contract with a foreign worker within 3 working days (production
 * calendar). A notification known to be late is a fact (high); a missing date may be a gap in what we know
 * (medium). A contract that started after the person learned of the listing cannot explain it (low). A term
 * still running today is not a problem yet.
 */
export function employerNotificationRule(ctx: RuleContext): Finding | null {
  const reasoning: Reason[] = [];
  const levels: Confidence[] = [];
  const ids: string[] = [];
  for (const job of ctx.facts.person.employments) {
    const start = validDateOrNull(job.start);
    if (start === null || start > ctx.today) continue;
    const due = addWorkingDays(ctx.calendar, start, EAEU_WORKING_DAYS_TO_NOTIFY);
    const notified = validDateOrNull(job.employerNotifiedDate);
    const common = { employer: job.employer, start: formatDate(start), due: formatDate(due) };
    let level: Confidence;
    if (notified === null) {
      if (due >= ctx.today) continue;
      reasoning.push(reason('employer_notification_missing', common));
      level = 'medium';
    } else if (notified > due) {
      reasoning.push(reason('employer_notification_late', { ...common, notified: formatDate(notified), workingDaysLate: workingDaysBetween(ctx.calendar, due, notified) }));
      level = 'high';
    } else {
      continue;
    }
    levels.push(ctx.learnedAt !== null && start > ctx.learnedAt ? 'low' : level);
    ids.push(job.id);
  }
  const confidence = strongest(levels);
  return confidence ? { confidence, reasoning, focus: { employmentIds: ids } } : null;
}
