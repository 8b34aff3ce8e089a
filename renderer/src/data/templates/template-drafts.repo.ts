import { db } from '../schema';
import type { TemplateDraftRow } from '../schema';

/** The editor's working copy as stored (the templates feature's `TemplateDraft` has this shape). */
export type TemplateDraft = Omit<TemplateDraftRow, 'savedAt'>;

/** The editor's unsaved work survives navigation and restarts: every change is written through to Dexie. */
export async function loadDraft(id: string): Promise<TemplateDraft | null> {
  const row = await db().templateDrafts.get(id);
  return row ? { id: row.id, baseVersion: row.baseVersion, meta: row.meta, blocks: row.blocks } : null;
}

export async function storeDraft(draft: TemplateDraft, now = new Date()): Promise<void> {
  await db().templateDrafts.put({ ...draft, savedAt: now.toISOString() });
}

export async function discardDraft(id: string): Promise<void> {
  await db().templateDrafts.delete(id);
}

/** Ids of the templates that have an unsaved draft (the list marks them). */
export async function draftIds(): Promise<Set<string>> {
  return new Set((await db().templateDrafts.toCollection().primaryKeys()) as string[]);
}
