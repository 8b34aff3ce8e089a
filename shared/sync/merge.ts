/**
 * Three-way merge of one document's fields, used when a push finds the server's row changed since this PC last saw
 * it. Values are compared as stored (ciphertext when the field is encrypted), never interpreted.
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
): MergeResult {
  const merged: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  const fields = new Set([...Object.keys(base ?? {}), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const field of fields) {
    const b = base?.[field];
    const m = mine[field];
    const t = theirs[field];
    let value: unknown;
    if (sameValue(m, t)) value = m;
    else if (base && sameValue(b, m)) value = t;
    else if (base && sameValue(b, t)) value = m;
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
