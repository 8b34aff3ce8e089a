import { db } from '../schema';
import { writeAudit } from '../audit.repo';
import { newRequestSchema, requestPatchSchema } from '../../../../shared/deadlines/request-schema';
import { parseForIssues, toFieldIssues, type FieldIssue } from '../../../../shared/validation/issues';
import type { FieldChange, RequestRow } from '../schema';
import { caseRow } from '../cases/case-rows';
import { followWork, getCase, keptExtras, stripDerived, type Actor } from '../cases/cases.repo';
import { trackingInputFor, trackingTables } from './tracking-input.repo';

// The schemas live in shared/ so the forms validate with them too; re-exported for the callers of this module.
export { newRequestSchema, requestPatchSchema };

export type RepoResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Rewrites the case row's deadline fields after its requests or checks changed (inside the caller's transaction). */
export async function refreshCaseTracking(caseId: string, now: Date): Promise<void> {
  const loaded = await getCase(caseId);
  if (!loaded) throw new Error(`No case ${caseId}`);
  const { nextDeadline: _n, nextDeadlineClock: _c, nextCheck: _k, actions: _a, summary: _m, duplicateOverride: _d, diagnosis: _g, ...record } = loaded.record;
  await db().cases.put(caseRow(record, stripDerived(loaded.person), keptExtras(loaded.record), await trackingInputFor(caseId, now)));
}

export function requestsFor(caseId: string): Promise<RequestRow[]> {
  return db().requests.where('caseId').equals(caseId).sortBy('sentAt');
}

/** Records a request, letter or note as sent: its clocks start, the case's deadlines are recomputed, it is audited. */
export async function addRequest(caseId: string, input: unknown, actor: Actor, now = new Date()): Promise<RepoResult<RequestRow>> {
  const parsed = parseForIssues(newRequestSchema, input);
  if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
  const at = now.toISOString();
  const row: RequestRow = {
    id: globalThis.crypto.randomUUID(),
    caseId,
    kind: parsed.data.kind,
    sentAt: parsed.data.sentAt,
    addressee: parsed.data.addressee,
    ourNumber: parsed.data.ourNumber,
    theirNumber: '',
    note: parsed.data.note,
    answerSummary: '',
    createdAt: at,
    updatedAt: at,
    ...(parsed.data.follows ? { follows: parsed.data.follows } : {}),
  };
  await db().transaction('rw', [db().cases, db().persons, db().audit, ...trackingTables()], async () => {
    if (!(await db().cases.get(caseId))) throw new Error(`No case ${caseId}`);
    await db().requests.add(row);
    await refreshCaseTracking(caseId, now);
    await writeAudit({ at, who: actor.who, caseId, entity: 'request', entityId: row.id, action: 'create', changes: [{ field: 'request', before: null, after: row }] });
    await followWork(caseId, 'request_sent', actor, now);
  });
  return { ok: true, value: row };
}

/** Records what happened to a sent request (received, registered, forwarded, extended, answered). */
export async function updateRequest(requestId: string, patch: unknown, actor: Actor, now = new Date()): Promise<RepoResult<RequestRow>> {
  const parsed = parseForIssues(requestPatchSchema, patch);
  if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
  return db().transaction('rw', [db().cases, db().persons, db().audit, ...trackingTables()], async () => {
    const before = await db().requests.get(requestId);
    if (!before) throw new Error(`No request ${requestId}`);
    const next: RequestRow = { ...before, updatedAt: now.toISOString() };
    for (const [key, value] of Object.entries(parsed.data)) {
      const k = key as keyof RequestRow;
      if (value === '' || value === null) delete (next as unknown as Record<string, unknown>)[k];
      else if (value !== undefined) (next as unknown as Record<string, unknown>)[k] = value;
    }
    const dates = (['sentAt', 'receivedAt', 'registeredAt', 'forwardedAt', 'answeredAt'] as const).filter((k) => next[k]);
    const issues: FieldIssue[] = dates.filter((k) => k !== 'sentAt' && (next[k] as string) < next.sentAt).map((k) => ({ path: k, code: 'invalid_value' }));
    if (issues.length > 0) return { ok: false as const, issues };
    const changes: FieldChange[] = Object.keys(parsed.data)
      .filter((k) => JSON.stringify(before[k as keyof RequestRow] ?? null) !== JSON.stringify(next[k as keyof RequestRow] ?? null))
      .map((k) => ({ field: `request.${k}`, before: before[k as keyof RequestRow] ?? null, after: next[k as keyof RequestRow] ?? null }));
    if (changes.length === 0) return { ok: true as const, value: before };
    await db().requests.put(next);
    await refreshCaseTracking(before.caseId, now);
    await writeAudit({ at: next.updatedAt, who: actor.who, caseId: before.caseId, entity: 'request', entityId: requestId, action: 'update', changes });
    // An answer counts first: a request received and answered in one step has been answered.
    if (next.answeredAt && !before.answeredAt) await followWork(before.caseId, 'answer_received', actor, now);
    else if ((next.receivedAt && !before.receivedAt) || (next.registeredAt && !before.registeredAt)) await followWork(before.caseId, 'request_received', actor, now);
    return { ok: true as const, value: next };
  });
}
