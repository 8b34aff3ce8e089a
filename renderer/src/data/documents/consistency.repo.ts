import { db } from '../schema';
import { consistencyFindings, type ConsistencyFinding } from '../../../../shared/documents/checks';
import { registerStart } from '../../../../shared/reference/lookup';
import { currentReference } from '../reference/reference.repo';
import type { DocumentInputs } from '../../../../shared/documents/model';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';

/**
 * The consistency checks of a document against its stored case (shared/documents/checks), with the case's own
 * dates of learning and checking that the checks compare with the register's start (reference data, editable). Review and generation
 * both call this one function, so what the review shows is what generation enforces.
 */
export async function consistencyFor(request: { caseId: string; template: DocumentTemplate }, inputs: DocumentInputs): Promise<ConsistencyFinding[]> {
  const [record, checks, reference] = await Promise.all([db().cases.get(request.caseId), db().checks.where('caseId').equals(request.caseId).toArray(), currentReference()]);
  return consistencyFindings(request.template, inputs, {
    registerStart: registerStart(reference),
    ...(record?.learnedAt ? { learnedAt: record.learnedAt } : {}),
    checkDates: checks.map((c) => c.at.slice(0, 10)),
  });
}

/** The reference data version in force, which a document records with the arguments it printed. */
export async function currentReferenceVersion(): Promise<number | null> {
  return (await db().referenceVersions.orderBy('version').last())?.version ?? null;
}
