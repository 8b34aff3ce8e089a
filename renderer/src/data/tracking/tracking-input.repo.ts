import { db } from '../schema';
import { documentRegimes } from '../../../../shared/reference/lookup';
import { sentItemOf, type TrackingInput } from './case-tracking';
import { localTodayIso } from '../../lib/date-time';

/** The tables every write that recomputes a case's deadlines must have in its transaction. */
export const trackingTables = () => [db().requests, db().checks, db().referenceVersions, db().outgoing, db().appeals];

/** Requests, checks and the calendar in force, for recomputing one case's deadlines inside a write. */
export async function trackingInputFor(caseId: string, now = new Date()): Promise<TrackingInput> {
  const [requests, checks, reference, appeals] = await Promise.all([
    db().requests.where('caseId').equals(caseId).toArray(),
    db().checks.where('caseId').equals(caseId).toArray(),
    db().referenceVersions.orderBy('version').last(),
    db().appeals.where('caseId').equals(caseId).toArray(),
  ]);
  return { requests: requests.map(sentItemOf), checks, calendar: reference?.bundle.calendar ?? [], today: localTodayIso(now), regimes: documentRegimes(reference?.bundle), appeals };
}
