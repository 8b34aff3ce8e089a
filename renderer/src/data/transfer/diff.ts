import { canonicalJson } from '../../../../shared/transfer/canonical';
import type { TransferTable } from '../../../../shared/transfer/bundle';
import type { FieldChange } from '../schema';

/**
 * Field-by-field differences between two versions of a record, named with the case page's form paths
 * (`person.nameRu.surname`, `documents.0.number`, `case.region`) so its labels describe them. Lists of items
 * with ids are compared item by item; other lists as one value.
 */

const PERSON_LISTS = new Set(['documents', 'stays', 'registrations', 'employments', 'amina']);

export function pathPrefix(table: TransferTable, key: string): string {
  if (table === 'cases') return `case.${key}`;
  if (table === 'persons') return PERSON_LISTS.has(key) ? key : `person.${key}`;
  return key;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isIdList = (v: unknown): v is { id: string }[] => Array.isArray(v) && v.every((item) => isObj(item) && typeof item.id === 'string');
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function walk(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (same(before, after)) return;
  if (isIdList(before) && isIdList(after)) {
    const afterIndex = new Map(after.map((item, i) => [item.id, i]));
    before.forEach((item, i) => {
      const j = afterIndex.get(item.id);
      if (j === undefined) out.push({ field: `${path}.${i}`, before: item, after: null });
      else walk(item, after[j], `${path}.${j}`, out);
    });
    const beforeIds = new Set(before.map((item) => item.id));
    after.forEach((item, j) => {
      if (!beforeIds.has(item.id)) out.push({ field: `${path}.${j}`, before: null, after: item });
    });
    return;
  }
  if (isObj(before) && isObj(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) walk(before[key], after[key], `${path}.${key}`, out);
    return;
  }
  out.push({ field: path, before: before ?? null, after: after ?? null });
}

/** Changes from `before` to `after` of one record of `table`. */
export function recordChanges(table: TransferTable, before: Obj | null, after: Obj | null): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  for (const key of keys) walk(before?.[key], after?.[key], pathPrefix(table, key), out);
  return out;
}
