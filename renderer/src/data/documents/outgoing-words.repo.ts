import { db } from '../schema';

/**
 * The outgoing numbers of a case's documents, for its search words (a caseworker finds a case by the number
 * of a letter an answer quotes). Voided numbers stay: an answer may still cite them. Read inside the caller's
 * transaction (db.outgoing is one of the tracking tables).
 */
export async function outgoingNumbersOf(caseId: string): Promise<string[]> {
  const rows = await db().outgoing.where('caseId').equals(caseId).toArray();
  return rows.map((r) => r.number);
}
