import { db } from '../schema';
import { isSealed } from '../../../../shared/crypto/at-rest';
import type { FieldConflict } from '../../../../shared/sync/merge';
import { currentAccount } from '../../lib/session';
import { requireCodec } from '../at-rest/keys';
import { writeAudit } from '../audit.repo';
import type { AuditRow } from '../schema';
import { openConflictFields } from '../sync/plain-equality';
import type { SyncConflictRow } from '../sync/sync-rows';
import { SYNCED_TABLES, syncCoreState, syncKeyOf, type SyncedTable as EngineTable } from '../sync/stamps';

/** Tables whose rows can conflict: the audit is append-only, each PC's rows its own, so it never does. */
type SyncedTable = Exclude<EngineTable, 'audit'>;
const CONFLICT_TABLES = SYNCED_TABLES.filter((name): name is SyncedTable => name !== 'audit');

export type ConflictChoice = 'mine' | 'theirs';

/** A conflict row as this layer keeps it: the engine's, plus the caseworker's choice per field. */
type StoredConflict = SyncConflictRow & { choices?: Record<string, ConflictChoice> };

export interface ConflictFieldView {
  field: string;
  /** This PC's value, opened for reading. */
  mine: unknown;
  /** The server's value (what the row holds now), opened. */
  theirs: unknown;
  choice: ConflictChoice | null;
}

export interface ConflictView {
  id: string;
  table: SyncedTable;
  key: string;
  at: string;
  /** The case the row belongs to, by its number, so the caseworker knows what it is about; '' when gone. */
  caseId: string;
  caseNumber: string;
  fields: ConflictFieldView[];
}

const ENTITY: Record<SyncedTable, AuditRow['entity']> = { persons: 'person', cases: 'case', requests: 'request', checks: 'check', documents: 'document', outgoing: 'register' };

const isSyncedTable = (name: string): name is SyncedTable => (CONFLICT_TABLES as readonly string[]).includes(name);

/** Conflict values are stored as the rows are (sealed under the engine): opened here for the screen and the audit. */
function opened(table: string, field: string, value: unknown): unknown {
  return isSealed(value) ? requireCodec().open(`${table}.${field}`, value) : value;
}

async function caseOf(table: SyncedTable, key: string): Promise<{ caseId: string; caseNumber: string }> {
  let caseId = '';
  if (table === 'cases') caseId = key;
  else if (table === 'persons') caseId = (await db().cases.where('personId').equals(key).first())?.id ?? '';
  else caseId = ((await db().table(table).get(syncKeyOf(table, syncCoreState(db()).writer).toKey(key) as string)) as { caseId?: string } | undefined)?.caseId ?? '';
  const row = caseId ? await db().cases.get(caseId) : undefined;
  return { caseId, caseNumber: row?.number ?? '' };
}

/** Conflicts still waiting for a choice, newest first. */
export async function openConflicts(): Promise<ConflictView[]> {
  const rows = (await db().syncConflicts.toArray()) as StoredConflict[];
  const open = rows.filter((row) => !row.resolved && isSyncedTable(row.table)).sort((a, b) => b.at.localeCompare(a.at));
  const views: ConflictView[] = [];
  for (const row of open) {
    const table = row.table as SyncedTable;
    views.push({
      id: row.id,
      table,
      key: row.key,
      at: row.at,
      ...(await caseOf(table, row.key)),
      fields: openConflictFields(row, requireCodec()).map((f: FieldConflict) => ({
        field: f.field,
        mine: f.mine,
        theirs: f.theirs,
        choice: row.choices?.[f.field] ?? null,
      })),
    });
  }
  return views;
}

export async function openConflictCount(): Promise<number> {
  return (await db().syncConflicts.filter((row) => !row.resolved).count());
}

/**
 * The caseworker keeps one value of a conflicting field. Keeping this PC's value writes it back to the row (a
 * normal, stamped write, so it is pushed and every PC gets it); keeping the server's leaves the row as it is. Either
 * way the audit records the value given up as `before`, and the conflict row keeps both: nothing is lost.
 */
export async function resolveConflictField(conflictId: string, field: string, keep: ConflictChoice, now: Date = new Date()): Promise<void> {
  await db().transaction('rw', [db().syncConflicts, db().audit, ...CONFLICT_TABLES.map((name) => db().table(name))], async () => {
    const row = (await db().syncConflicts.get(conflictId)) as StoredConflict | undefined;
    if (!row || !isSyncedTable(row.table)) throw new Error('conflict not found');
    const conflict = row.fields.find((f) => f.field === field);
    if (!conflict) throw new Error('conflict field not found');
    if (row.choices?.[field]) return;
    const table = row.table;
    const at = now.toISOString();
    const mine = opened(table, field, conflict.mine);
    const theirs = opened(table, field, conflict.theirs);
    if (keep === 'mine') {
      // The stored value is already sealed for this table and field: the at-rest layer writes it as it is.
      const changes: Record<string, unknown> = { [field]: conflict.mine };
      if (field !== 'updatedAt') changes.updatedAt = at;
      await db().table(table).update(syncKeyOf(table, syncCoreState(db()).writer).toKey(row.key) as string, changes);
    }
    const { caseId } = await caseOf(table, row.key);
    const account = currentAccount();
    await writeAudit({
      at,
      who: account?.name ?? 'system',
      caseId,
      entity: ENTITY[table],
      entityId: row.key,
      action: 'update',
      changes: [keep === 'mine' ? { field, before: theirs, after: mine } : { field, before: mine, after: theirs }],
      note: keep === 'mine' ? 'sync_conflict_kept_this_pc' : 'sync_conflict_kept_server',
    });
    const choices = { ...(row.choices ?? {}), [field]: keep };
    await db().syncConflicts.put({ ...row, choices, resolved: row.fields.every((f) => choices[f.field]) } as SyncConflictRow);
  });
}
