import { db } from '../schema';
import { writeAudit } from '../audit.repo';
import { z } from 'zod';
import { isoDate } from '../../../../shared/case/schema';
import type { AttachmentAddResult, StoredAttachmentFile } from '../../../../shared/ipc/channels/attachments';
import type { AttachmentRef } from '../../../../shared/deadlines/facts';
import type { AttachmentInput } from '../../../../shared/documents/model';
import { parseForIssues, toFieldIssues, type FieldIssue } from '../../../../shared/validation/issues';
import type { AttachmentLink, AttachmentRow, FieldChange } from '../schema';
import { localTodayIso } from '../../lib/date-time';
import type { Actor } from '../cases/cases.repo';

/** How long a deleted attachment stays restorable before startup removes it for good. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type RepoResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export const attachmentLinkSchema = z
  .object({ kind: z.enum(['checklist', 'document', 'check', 'none']), id: z.string().min(1).max(100).optional() })
  .strict()
  .refine((link) => (link.kind === 'none') === (link.id === undefined), { message: 'a link names its target unless it is none', path: ['id'] });

export const attachmentPatchSchema = z
  .object({
    caption: z.string().trim().max(500).optional(),
    date: z.union([z.literal(''), isoDate]).optional(),
    link: attachmentLinkSchema.optional(),
  })
  .strict();

export const NO_LINK: AttachmentLink = { kind: 'none' };

const byDate = (a: AttachmentRow, b: AttachmentRow) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1);

/** The case's attachments in use (not in the trash), oldest first. */
export async function attachmentsFor(caseId: string): Promise<AttachmentRow[]> {
  const rows = await db().attachments.where('caseId').equals(caseId).toArray();
  return rows.filter((r) => r.deletedAt === null).sort(byDate);
}

/** The case's attachments in the trash, most recently deleted first. */
export async function trashFor(caseId: string): Promise<AttachmentRow[]> {
  const rows = await db().attachments.where('caseId').equals(caseId).toArray();
  return rows.filter((r) => r.deletedAt !== null).sort((a, b) => ((a.deletedAt ?? '') < (b.deletedAt ?? '') ? 1 : -1));
}

/** Attachment marks for a document: «<caption> на N л.» with the real page count (1 when it is unknown). */
export async function attachmentsForDocument(caseId: string): Promise<Array<Required<Pick<AttachmentInput, 'title' | 'sheets' | 'copies'>> & { sheetsKnown: boolean }>> {
  const rows = await attachmentsFor(caseId);
  return rows.map((row) => ({ title: titleOf(row), sheets: row.pages ?? 1, copies: 1, sheetsKnown: row.pages !== null }));
}

/** The caption, or the file name without its extension. */
export function titleOf(row: Pick<AttachmentRow, 'caption' | 'name'>): string {
  return row.caption.trim() || row.name.replace(/\.[^.]{1,5}$/, '');
}

/** Attachments as the diagnosis sees them: those linked to a checklist item prove it. */
export async function attachmentRefsFor(caseId: string): Promise<AttachmentRef[]> {
  const rows = await attachmentsFor(caseId);
  return rows.map((row) => (row.link.kind === 'checklist' && row.link.id ? { id: row.id, checklistItemId: row.link.id, label: titleOf(row) } : { id: row.id, label: titleOf(row) }));
}

function audit(row: AttachmentRow, actor: Actor, at: string, action: 'create' | 'update' | 'delete', changes: FieldChange[]) {
  return writeAudit({ at, who: actor.who, caseId: row.caseId, entity: 'attachment', entityId: row.id, action, changes });
}

export type AttachOutcome = { kind: 'added'; row: AttachmentRow } | { kind: 'already'; row: AttachmentRow } | { kind: 'refused'; file: Extract<AttachmentAddResult, { status: 'refused' }> };

/**
 * Records files main has stored as attachments of a case (audited). A file already attached to the case and
 * not in the trash is not added twice; one in the trash is restored instead.
 */
export async function recordAttachments(
  caseId: string,
  files: readonly AttachmentAddResult[],
  options: { link?: AttachmentLink; caption?: string },
  actor: Actor,
  now = new Date(),
): Promise<AttachOutcome[]> {
  const link = options.link ? attachmentLinkSchema.parse(options.link) : NO_LINK;
  const at = now.toISOString();
  return db().transaction('rw', [db().cases, db().attachments, db().audit], async () => {
    if (!(await db().cases.get(caseId))) throw new Error(`No case ${caseId}`);
    const existing = await db().attachments.where('caseId').equals(caseId).toArray();
    const outcomes: AttachOutcome[] = [];
    for (const [index, file] of files.entries()) {
      if (file.status === 'refused') {
        outcomes.push({ kind: 'refused', file });
        continue;
      }
      const same = existing.find((r) => r.sha256 === file.sha256);
      if (same && same.deletedAt === null) {
        outcomes.push({ kind: 'already', row: same });
        continue;
      }
      if (same) {
        const restored = await restoreRow(same, actor, at);
        outcomes.push({ kind: 'added', row: restored });
        continue;
      }
      // A millisecond apart, so files attached together keep the order they were picked or dropped in.
      const row = newRow(caseId, file, link, options.caption ?? '', new Date(now.getTime() + index));
      await db().attachments.add(row);
      existing.push(row);
      await audit(row, actor, at, 'create', [{ field: 'attachment', before: null, after: { name: row.name, sha256: row.sha256, pages: row.pages, link: row.link } }]);
      outcomes.push({ kind: 'added', row });
    }
    return outcomes;
  });
}

function newRow(caseId: string, file: StoredAttachmentFile, link: AttachmentLink, caption: string, now: Date): AttachmentRow {
  const at = now.toISOString();
  return {
    id: globalThis.crypto.randomUUID(),
    caseId,
    sha256: file.sha256,
    name: file.name,
    mime: file.mime,
    bytes: file.bytes,
    pages: file.pages,
    ...(file.pagesProblem ? { pagesProblem: file.pagesProblem } : {}),
    caption: caption.trim(),
    date: localTodayIso(now),
    link,
    deletedAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** Changes the caption, date or link of an attachment; each changed field is audited with before and after. */
export async function updateAttachment(id: string, patch: unknown, actor: Actor, now = new Date()): Promise<RepoResult<AttachmentRow>> {
  const parsed = parseForIssues(attachmentPatchSchema, patch);
  if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) };
  const at = now.toISOString();
  return db().transaction('rw', [db().attachments, db().audit], async () => {
    const row = await db().attachments.get(id);
    if (!row) throw new Error(`No attachment ${id}`);
    const changes: FieldChange[] = [];
    const next: AttachmentRow = { ...row };
    for (const key of ['caption', 'date', 'link'] as const) {
      const value = parsed.data[key];
      if (value === undefined || JSON.stringify(value) === JSON.stringify(row[key])) continue;
      changes.push({ field: `attachment.${key}`, before: row[key], after: value });
      Object.assign(next, { [key]: value });
    }
    if (changes.length === 0) return { ok: true, value: row };
    next.updatedAt = at;
    await db().attachments.put(next);
    await audit(next, actor, at, 'update', changes);
    return { ok: true, value: next };
  });
}

/** Moves an attachment to the trash (restorable for TRASH_DAYS days). */
export async function trashAttachment(id: string, actor: Actor, now = new Date()): Promise<AttachmentRow> {
  const at = now.toISOString();
  return db().transaction('rw', [db().attachments, db().audit], async () => {
    const row = await db().attachments.get(id);
    if (!row) throw new Error(`No attachment ${id}`);
    if (row.deletedAt !== null) return row;
    const next = { ...row, deletedAt: at, updatedAt: at };
    await db().attachments.put(next);
    await audit(next, actor, at, 'update', [{ field: 'attachment.deletedAt', before: null, after: at }]);
    return next;
  });
}

async function restoreRow(row: AttachmentRow, actor: Actor, at: string): Promise<AttachmentRow> {
  const next = { ...row, deletedAt: null, updatedAt: at };
  await db().attachments.put(next);
  await audit(next, actor, at, 'update', [{ field: 'attachment.deletedAt', before: row.deletedAt, after: null }]);
  return next;
}

/** Takes an attachment back out of the trash. */
export async function restoreAttachment(id: string, actor: Actor, now = new Date()): Promise<AttachmentRow> {
  return db().transaction('rw', [db().attachments, db().audit], async () => {
    const row = await db().attachments.get(id);
    if (!row) throw new Error(`No attachment ${id}`);
    return row.deletedAt === null ? row : restoreRow(row, actor, now.toISOString());
  });
}

/** The day an attachment deleted at `deletedAt` leaves the trash for good. */
export function purgeDay(deletedAt: string): Date {
  return new Date(Date.parse(deletedAt) + TRASH_DAYS * DAY_MS);
}

/**
 * Removes rows that have been in the trash longer than TRASH_DAYS (audited as deletions, by the system), then
 * answers every hash still referenced by any row, trashed or not: the files main must keep.
 */
export async function removeExpiredTrash(now = new Date()): Promise<{ removed: number; liveHashes: string[] }> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * DAY_MS).toISOString();
  const at = now.toISOString();
  return db().transaction('rw', [db().attachments, db().audit], async () => {
    const expired = await db().attachments.where('deletedAt').below(cutoff).toArray();
    for (const row of expired) {
      await db().attachments.delete(row.id);
      await writeAudit({
        at,
        who: 'system',
        caseId: row.caseId,
        entity: 'attachment',
        entityId: row.id,
        action: 'delete',
        changes: [{ field: 'attachment', before: { name: row.name, sha256: row.sha256 }, after: null }],
        note: 'trash_expired',
      });
    }
    const live = new Set<string>();
    await db().attachments.each((row) => {
      live.add(row.sha256);
    });
    return { removed: expired.length, liveHashes: [...live] };
  });
}

export interface PurgeApi {
  purgeAttachments(request: { keep: string[] }): Promise<{ ok: true; value: { removed: number; kept: number } } | { ok: false; error: unknown }>;
}

/** At startup: empty the expired trash, then let main delete the files no row refers to any more. */
export async function purgeExpiredAttachments(api: PurgeApi, now = new Date()): Promise<{ rows: number; files: number }> {
  const { removed, liveHashes } = await removeExpiredTrash(now);
  const result = await api.purgeAttachments({ keep: liveHashes });
  return { rows: removed, files: result.ok ? result.value.removed : 0 };
}
