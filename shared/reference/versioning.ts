import { isoDateTime } from '../case/schema';
import { parseReferenceBundle, type ReferenceIssue } from './load';
import type { LetterArgument, ReferenceBundle } from './schema';

/**
 * Reference data changes are versioned and audited: every accepted edit or import becomes version n + 1 and
 * yields the list of rows that changed, for the audit log. A case stores the version it was diagnosed under,
 * so a later change of the law's data never silently rewrites an old diagnosis.
 */

export const REFERENCE_TABLES = ['inclusionGrounds', 'exclusionGrounds', 'evidence', 'causes', 'addressees', 'missions', 'calendar', 'legalRefs', 'dates', 'documentClocks', 'terms'] as const;
export type ReferenceTable = (typeof REFERENCE_TABLES)[number];

export interface ReferenceChange {
  table: ReferenceTable;
  /** Row id; for the calendar, the year. */
  id: string;
  change: 'added' | 'removed' | 'changed';
}

function rowsOf(bundle: ReferenceBundle, table: ReferenceTable): Map<string, unknown> {
  // `?? []`: data stored before a table existed lacks it.
  const list: readonly ({ id: string } | { year: number })[] =
    (table === 'inclusionGrounds' ? bundle.grounds.inclusion : table === 'exclusionGrounds' ? bundle.grounds.exclusion : bundle[table]) ?? [];
  return new Map(list.map((row) => ['id' in row ? row.id : String(row.year), row]));
}

/** JSON with object keys sorted, so two rows compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** One row of a reference table by its id (the calendar: its year); null when absent. The audit keeps whole rows. */
export function referenceRow(bundle: ReferenceBundle, table: ReferenceTable, id: string): unknown {
  return rowsOf(bundle, table).get(id) ?? null;
}

/** Rows added, removed or changed from `before` to `after`, table by table, in the order of `after`. */
export function diffReferenceBundles(before: ReferenceBundle, after: ReferenceBundle): ReferenceChange[] {
  const changes: ReferenceChange[] = [];
  for (const table of REFERENCE_TABLES) {
    const old = rowsOf(before, table);
    const now = rowsOf(after, table);
    for (const [id, row] of now) {
      if (!old.has(id)) changes.push({ table, id, change: 'added' });
      else if (canonical(old.get(id)) !== canonical(row)) changes.push({ table, id, change: 'changed' });
    }
    for (const id of old.keys()) if (!now.has(id)) changes.push({ table, id, change: 'removed' });
  }
  return changes;
}

export type ReferenceCommit =
  | { ok: true; bundle: ReferenceBundle; changes: ReferenceChange[] }
  | { ok: false; issues: ReferenceIssue[] };

/**
 * Accepts an edited bundle: validates it and, when anything changed, stamps it version current + 1 at `at`
 * (whatever version number the edited copy carried). Nothing changed → the current bundle, no new version.
 */
export function commitReferenceEdit(current: ReferenceBundle, edited: unknown, at: string): ReferenceCommit {
  if (!isoDateTime.safeParse(at).success) throw new RangeError(`at must be an ISO date-time, got ${JSON.stringify(at)}`);
  const stamped = edited !== null && typeof edited === 'object' ? { ...(edited as object), version: current.version + 1, updatedAt: at } : edited;
  const parsed = parseReferenceBundle(stamped);
  if (!parsed.ok) return parsed;
  const changes = diffReferenceBundles(current, parsed.bundle);
  return changes.length === 0 ? { ok: true, bundle: current, changes } : { ok: true, bundle: parsed.bundle, changes };
}

/** The bundle as the JSON text an export writes. */
export function exportReferenceBundle(bundle: ReferenceBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** Reads an exported bundle and commits it over `current` (a new version when it differs). */
export function importReferenceBundle(current: ReferenceBundle, json: string, at: string): ReferenceCommit {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, issues: [{ file: null, path: '', code: 'invalid_format' }] };
  }
  return commitReferenceEdit(current, data, at);
}

/**
 * Letter arguments are versioned one by one, like templates: a generated document records the id and version of
 * each paragraph it printed, so an edited paragraph must carry a new version. Given a cause's arguments before and
 * after an edit, returns `after` with each changed argument at its old version + 1, each unchanged one at its old
 * version, and each new id at version 1 (whatever versions the edited copy carried).
 */
export function bumpArgumentVersions(before: readonly LetterArgument[], after: readonly LetterArgument[]): LetterArgument[] {
  const old = new Map(before.map((a) => [a.id, a]));
  return after.map((arg) => {
    const previous = old.get(arg.id);
    if (!previous) return { ...arg, version: 1 };
    const { version: _was, ...content } = previous;
    const { version: _now, ...edited } = arg;
    return { ...arg, version: canonical(content) === canonical(edited) ? previous.version : previous.version + 1 };
  });
}

/** An id for a new argument of `causeId` that none of `existing` has: `R-1.p4` after `R-1.p3`. */
export function newArgumentId(causeId: string, existing: readonly { id: string }[]): string {
  const taken = new Set(existing.map((a) => a.id));
  let n = existing.length + 1;
  while (taken.has(`${causeId}.p${n}`)) n++;
  return `${causeId}.p${n}`;
}
