import { canonicalJson } from '../../../../shared/transfer/canonical';
import type { TransferTable } from '../../../../shared/transfer/bundle';
import type { PlanItem, Side } from './plan.repo';

/**
 * The caseworker's choices for conflicts: a side for a whole record (key: the item id) and, where both sides
 * changed different things, a side per field group (key: item id + group). A group is a top-level field,
 * except fields that only make sense together (a case's status with its dated history and outcome).
 */
export type Choices = Readonly<Record<string, Side>>;

const TOGETHER: Partial<Record<TransferTable, readonly (readonly string[])[]>> = {
  cases: [['status', 'statusHistory', 'outcome']],
};

/** Fields that are bookkeeping, not content: never offered as a choice. */
const STAMPS = new Set(['updatedAt']);

export const groupKey = (itemId: string, group: string) => `${itemId}\u0001${group}`;

/** The differing field groups of a conflict, each named by its first field, with the fields it covers. */
export function conflictGroups(item: Pick<PlanItem, 'table' | 'ours' | 'theirs'>): { group: string; fields: string[] }[] {
  const ours = item.ours ?? {};
  const theirs = item.theirs;
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].filter((k) => !STAMPS.has(k)).sort();
  const together = TOGETHER[item.table] ?? [];
  const seen = new Set<string>();
  const groups: { group: string; fields: string[] }[] = [];
  for (const key of keys) {
    if (seen.has(key)) continue;
    const fields = [...(together.find((g) => g.includes(key)) ?? [key])];
    fields.forEach((f) => seen.add(f));
    if (fields.some((f) => canonicalJson(ours[f]) !== canonicalJson(theirs[f]))) groups.push({ group: fields[0]!, fields });
  }
  return groups;
}

/** The side chosen for one group: its own choice, else the record's, else the suggestion. */
export function sideOf(item: PlanItem, group: string, choices: Choices): Side {
  return choices[groupKey(item.id, group)] ?? choices[item.id] ?? item.suggested ?? 'ours';
}

/** The record's side when all its groups agree; null when they are mixed. */
export function recordSide(item: PlanItem, choices: Choices): Side | null {
  const sides = new Set(conflictGroups(item).map((g) => sideOf(item, g.group, choices)));
  if (sides.size === 0) return choices[item.id] ?? item.suggested ?? 'ours';
  return sides.size === 1 ? [...sides][0]! : null;
}

/** Our record with the groups chosen from theirs (fields theirs lacks are removed). */
export function mergedRow(item: PlanItem, choices: Choices): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(item.ours ?? {}) };
  for (const { group, fields } of conflictGroups(item)) {
    if (sideOf(item, group, choices) !== 'theirs') continue;
    for (const field of fields) {
      if (field in item.theirs) merged[field] = item.theirs[field];
      else delete merged[field];
    }
  }
  return merged;
}

/** Picks a side for the whole record, dropping per-group choices. */
export function chooseRecord(choices: Choices, itemId: string, side: Side): Record<string, Side> {
  const next: Record<string, Side> = {};
  for (const [key, value] of Object.entries(choices)) if (!key.startsWith(`${itemId}\u0001`)) next[key] = value;
  next[itemId] = side;
  return next;
}
