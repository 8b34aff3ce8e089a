/**
 * Three-way merge of one document's fields, used when a push finds the server's row changed since this PC last saw
 * it. Values are compared by `FieldEquality`: as stored by default; the PC passes one that opens sealed fields,
 * because a field sealed again with a new nonce is the same value (see data/sync/plain-equality.ts).
 */
export interface FieldConflict {
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergePolicy {
  /** Timestamps both sides always touch: the later value wins and it is never a conflict. */
  latestWins?: readonly string[];
  /** Fields derived from other fields (search keys, summaries): they follow the server's side, never a conflict. */
  derived?: readonly string[];
}

/** Whether two stored values of one field are the same value. */
export type FieldEquality = (field: string, a: unknown, b: unknown) => boolean;

export const storedEquality: FieldEquality = (_field, a, b) => sameValue(a, b);

/** Two rows are the same when every field is, by `same` (fields missing on one side count as undefined). */
export function sameRow(a: Record<string, unknown>, b: Record<string, unknown>, same: FieldEquality = storedEquality): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const field of fields) if (!same(field, a[field], b[field])) return false;
  return true;
}

export interface MergeResult {
  merged: Record<string, unknown>;
  conflicts: FieldConflict[];
}

/** Equality of JSON values regardless of key order (rows come back from PostgreSQL's jsonb reordered). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameValue(v, other[i]));
  }
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Each field takes the side that changed it. A field both sides changed differently is a conflict: the merged row
 * holds the server's value (every other PC already has it) and the conflict keeps this PC's value, so nothing is
 * lost and the caseworker chooses. Without a base (the same id created on two PCs) every differing field conflicts.
 */
export function mergeFields(
  base: Record<string, unknown> | undefined,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
  policy: MergePolicy = {},
  same: FieldEquality = storedEquality,
): MergeResult {
  const merged: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  const fields = new Set([...Object.keys(base ?? {}), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const field of fields) {
    const b = base?.[field];
    const m = mine[field];
    const t = theirs[field];
    let value: unknown;
    if (same(field, m, t)) value = m;
    else if (base && same(field, b, m)) value = t;
    else if (base && same(field, b, t)) value = m;
    else if (policy.latestWins?.includes(field)) value = String(m ?? '') > String(t ?? '') ? m : t;
    else if (policy.derived?.includes(field)) value = t;
    else {
      value = t;
      conflicts.push({ field, base: b, mine: m, theirs: t });
    }
    if (value !== undefined) merged[field] = value;
  }
  return { merged, conflicts };
}
