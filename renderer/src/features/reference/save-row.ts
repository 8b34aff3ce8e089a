import type { ReferenceBundle } from '../../../../shared/reference/schema';
import type { Actor } from '../../data/cases/cases.repo';
import { saveReferenceEdit } from '../../data/reference/reference-edits.repo';
import { currentReference } from '../../data/reference/reference.repo';
import { rowIssues, withRow, type EditableRows, type EditableTable, type RowIssues } from './row-edit';

export type RowSave =
  | { ok: true; version: number; changed: boolean }
  /** `edited` is the data as it would have been, to say which rows the problems are in. */
  | { ok: false; issues: RowIssues; edited: ReferenceBundle }
  /** The row is no longer in the data in force (an import or a reset removed it meanwhile). */
  | { ok: false; gone: true };

/**
 * Saves one edited row as a new version of the reference data. The row goes into the version in force at
 * the moment of saving, not the one the form was opened on, so an edit never reverts anything else.
 * Problems come back split into the row's own fields and the rest of the data.
 */
export async function saveRow<T extends EditableTable>(
  actor: Actor,
  table: T,
  key: string,
  row: EditableRows[T],
  options: { insert?: boolean } = {},
): Promise<RowSave> {
  const current = await currentReference();
  if (!current) throw new Error('no reference data stored yet');
  const placed = withRow(current, table, key, row, options);
  if (!placed) return { ok: false, gone: true };
  const result = await saveReferenceEdit(placed.edited, actor);
  if (result.ok) return { ok: true, version: result.version, changed: result.changes.length > 0 };
  return { ok: false, issues: rowIssues(result.issues, `${table}.${placed.index}.`), edited: placed.edited };
}
