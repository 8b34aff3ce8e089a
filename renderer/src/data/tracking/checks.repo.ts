import { writeAudit } from '../audit.repo';
import { z } from 'zod';
import { isoDate, isoDateTime } from '../../../../shared/case/schema';
import { CLOSED_STATUSES } from '../../../../shared/deadlines/facts';
import { parseForIssues, toFieldIssues } from '../../../../shared/validation/issues';
import { CHECK_CHANNELS, type CheckRow, db } from '../schema';
import { changeStatus, followWork, type Actor } from '../cases/cases.repo';
import { refreshCaseTracking, type RepoResult } from './requests.repo';
import { trackingTables } from './tracking-input.repo';
import { localTodayIso } from '../../lib/date-time';

export const newCheckSchema = z
  .object({
    at: isoDateTime,
    channel: z.enum(CHECK_CHANNELS),
    documentId: z.string().max(64).optional(),
    issueDate: z.union([z.literal(''), isoDate]).optional(),
    birthDateMode: z.enum(['full', 'month_year', 'year']),
    listed: z.boolean(),
    resultText: z.string().trim().max(2000),
    screenshotNote: z.string().trim().max(500).default(''),
  })
  .strict();

export function checksFor(caseId: string): Promise<CheckRow[]> {
  return db().checks.where('caseId').equals(caseId).sortBy('at');
}

/**
 * Records a look at the register. When it shows the person is no longer listed and the case is still
 * open, the answer proposes closing the case as excluded (the caseworker confirms; nothing closes by itself).
 */
export async function addCheck(caseId: string, input: unknown, actor: Actor, now = new Date()): Promise<RepoResult<CheckRow> & { proposeExclusion?: boolean }> {
  const parsed = parseForIssues(newCheckSchema, input);
  if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
  // Instants, not strings: a Moscow time with +03:00 sorts after the same moment written in UTC.
  if (Date.parse(parsed.data.at) > now.getTime() + 60_000 && parsed.data.at.slice(0, 10) > localTodayIso(now)) {
    return { ok: false, issues: [{ path: 'at', code: 'invalid_value' }] };
  }
  const { issueDate, documentId, ...rest } = parsed.data;
  const row: CheckRow = {
    id: globalThis.crypto.randomUUID(),
    caseId,
    ...rest,
    ...(issueDate ? { issueDate } : {}),
    ...(documentId ? { documentId } : {}),
    createdAt: now.toISOString(),
  };
  let open = false;
  await db().transaction('rw', [db().cases, db().persons, db().audit, ...trackingTables()], async () => {
    const record = await db().cases.get(caseId);
    if (!record) throw new Error(`No case ${caseId}`);
    open = !CLOSED_STATUSES.includes(record.status);
    await db().checks.add(row);
    await refreshCaseTracking(caseId, now);
    await writeAudit({ at: row.createdAt, who: actor.who, caseId, entity: 'check', entityId: row.id, action: 'create', changes: [{ field: 'check', before: null, after: row }] });
    await followWork(caseId, 'register_checked', actor, now);
  });
  return { ok: true, value: row, proposeExclusion: open && !row.listed };
}

/** Closes the case as excluded from the register on the given date (status, outcome and history, audited). */
export async function closeAsExcluded(caseId: string, dateIso: string, actor: Actor, now = new Date()) {
  await changeStatus(caseId, 'excluded', `Исключён из реестра ${dateIso.split('-').reverse().join('.')}`, actor, now);
  await db().transaction('rw', [db().cases, db().audit], async () => {
    const row = await db().cases.get(caseId);
    if (!row || row.outcome === 'excluded') return;
    await db().cases.put({ ...row, outcome: 'excluded' });
    await writeAudit({ at: now.toISOString(), who: actor.who, caseId, entity: 'case', entityId: caseId, action: 'update', changes: [{ field: 'case.outcome', before: row.outcome ?? null, after: 'excluded' }] });
  });
}
