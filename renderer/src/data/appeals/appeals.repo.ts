import { db } from '../schema';
import { answerDateProblem, appealAnswerSchema, newAppealSchema } from '../../../../shared/appeals/appeal';
import { parseForIssues, toFieldIssues, type FieldIssue } from '../../../../shared/validation/issues';
import { writeAudit } from '../audit.repo';
import type { Actor } from '../cases/cases.repo';
import type { AppealRow, FieldChange } from '../schema';
import { refreshCaseTracking } from '../tracking/requests.repo';
import { trackingTables } from '../tracking/tracking-input.repo';

export type AppealResult = { ok: true; value: AppealRow } | { ok: false; issues: FieldIssue[] };

/** A case's requests, the earliest first. */
export function appealsFor(caseId: string): Promise<AppealRow[]> {
  return db().appeals.where('caseId').equals(caseId).sortBy('receivedOn');
}

/**
 * Records a citizen's request to the mission: its answer clock starts, the case enters the work queue's
 * «answer» section, and the audit (so the case history) keeps the whole record. Bad input stores nothing.
 */
export async function addAppeal(caseId: string, input: unknown, actor: Actor, now = new Date()): Promise<AppealResult> {
  const parsed = parseForIssues(newAppealSchema, input);
  if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
  const at = now.toISOString();
  const row: AppealRow = { id: globalThis.crypto.randomUUID(), caseId, ...parsed.data, createdAt: at, updatedAt: at };
  await db().transaction('rw', [db().cases, db().persons, db().audit, ...trackingTables()], async () => {
    if (!(await db().cases.get(caseId))) throw new Error(`No case ${caseId}`);
    await db().appeals.add(row);
    await refreshCaseTracking(caseId, now);
    await writeAudit({ at, who: actor.who, caseId, entity: 'appeal', entityId: row.id, action: 'create', changes: [{ field: 'appeal', before: null, after: row }] });
  });
  return { ok: true, value: row };
}

/**
 * Records the mission's answer to a request (or corrects it): the clock stops, the case leaves the queue's
 * «answer» section once no request is left open, and each changed field goes to the audit.
 */
export async function answerAppeal(appealId: string, input: unknown, actor: Actor, now = new Date()): Promise<AppealResult> {
  const parsed = parseForIssues(appealAnswerSchema, input);
  if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
  return db().transaction('rw', [db().cases, db().persons, db().audit, ...trackingTables()], async (): Promise<AppealResult> => {
    const before = await db().appeals.get(appealId);
    if (!before) throw new Error(`No appeal ${appealId}`);
    const problem = answerDateProblem(before.receivedOn, parsed.data.answeredOn);
    if (problem) return { ok: false, issues: [{ path: problem, code: 'invalid_value' }] };
    const next: AppealRow = { ...before, ...parsed.data, updatedAt: now.toISOString() };
    const changes: FieldChange[] = (['answeredOn', 'answerChannel', 'answerText'] as const)
      .filter((k) => before[k] !== next[k])
      .map((k) => ({ field: `appeal.${k}`, before: before[k] ?? null, after: next[k] ?? null }));
    if (changes.length === 0) return { ok: true, value: before };
    await db().appeals.put(next);
    await refreshCaseTracking(before.caseId, now);
    await writeAudit({ at: next.updatedAt, who: actor.who, caseId: before.caseId, entity: 'appeal', entityId: appealId, action: 'update', changes });
    return { ok: true, value: next };
  });
}
