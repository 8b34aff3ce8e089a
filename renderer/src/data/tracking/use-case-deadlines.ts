import { useLiveQuery } from 'dexie-react-hooks';
import { diagnose } from '../../../../shared/diagnosis/diagnose';
import type { DiagnosisResult } from '../../../../shared/diagnosis/types';
import type { Deadline } from '../../../../shared/deadlines';
import { db } from '../schema';
import { attachmentRefsFor } from '../attachments/attachments.repo';
import { stripDerived } from '../cases/cases.repo';
import { caseFacts, deadlinesOf, sentItemOf } from './case-tracking';
import { currentReference } from '../reference/reference.repo';
import { localTodayIso } from '../../lib/date-time';
import { documentRegimes } from '../../../../shared/reference/lookup';

export { caseFacts };

/** The case's deadlines and diagnosis, live, computed with the reference data in force and today's date. */
export function useCaseDeadlines(caseId: string): { deadlines: Deadline[]; diagnosis: DiagnosisResult | null } | undefined {
  return useLiveQuery(async () => {
    const record = await db().cases.get(caseId);
    if (!record) return undefined;
    const [person, requests, checks, reference, attachments] = await Promise.all([
      db().persons.get(record.personId),
      db().requests.where('caseId').equals(caseId).toArray(),
      db().checks.where('caseId').equals(caseId).toArray(),
      currentReference(),
      attachmentRefsFor(caseId),
    ]);
    if (!person) return undefined;
    const today = localTodayIso();
    const data = stripDerived(person);
    const sent = requests.map(sentItemOf);
    const deadlines = deadlinesOf(record, data, { requests: sent, checks, calendar: reference?.calendar ?? [], today, regimes: documentRegimes(reference) });
    const diagnosis = reference ? diagnose({ ...caseFacts(record, data, sent, checks), attachments }, reference, today) : null;
    return { deadlines, diagnosis };
  }, [caseId]);
}
