import { db } from '../schema';
import { writeAudit } from '../audit.repo';
import { commitReferenceEdit, referenceRow, type ReferenceChange } from '../../../../shared/reference/versioning';
import type { ReferenceIssue } from '../../../../shared/reference/load';
import type { AryzApi } from '../../../../shared/ipc/contract';
import { IpcCallError } from '../../../../shared/ipc/result';
import type { Actor } from '../cases/cases.repo';
import { currentReference } from './reference.repo';

// Edits validate the whole bundle against its schema: apart from reference-store.ts, which every start
// loads, so that reading the reference data does not bring the schema library into the first bundle.

export type ReferenceSave = { ok: true; version: number; changes: ReferenceChange[] } | { ok: false; issues: ReferenceIssue[] };

async function commit(edited: unknown, actor: Actor, note: string): Promise<ReferenceSave> {
  return db().transaction('rw', [db().referenceVersions, db().audit], async () => {
    const current = await currentReference();
    if (!current) throw new Error('no reference data stored yet');
    const at = new Date().toISOString();
    const result = commitReferenceEdit(current, edited, at);
    if (!result.ok) return result;
    if (result.bundle.version === current.version) return { ok: true, version: current.version, changes: [] };
    await db().referenceVersions.add({ version: result.bundle.version, bundle: result.bundle, at, who: actor.who });
    await writeAudit({
      at,
      who: actor.who,
      caseId: '',
      entity: 'reference',
      entityId: String(result.bundle.version),
      action: 'update',
      changes: result.changes.map((c) => ({ field: `${c.table}.${c.id}`, before: referenceRow(current, c.table, c.id), after: referenceRow(result.bundle, c.table, c.id) })),
      note,
    });
    return { ok: true, version: result.bundle.version, changes: result.changes };
  });
}

/** Validates an edited bundle and stores it as a new version, auditing each changed row. Invalid → nothing stored. */
export function saveReferenceEdit(edited: unknown, actor: Actor): Promise<ReferenceSave> {
  return commit(edited, actor, 'edit');
}

/** Puts the factory data back in force as a new version (history is kept). */
export async function resetReferenceToFactory(api: Pick<AryzApi, 'getFactoryReference'>, actor: Actor): Promise<ReferenceSave> {
  const factory = await api.getFactoryReference({});
  if (!factory.ok) throw new IpcCallError(factory.error, 'reference data unavailable');
  return commit(factory.value, actor, 'reset_to_factory');
}
