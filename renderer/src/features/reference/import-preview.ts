import { REFERENCE_JSON_MAX_CHARS } from '../../../../shared/ipc/contract';
import type { ReferenceIssue } from '../../../../shared/reference/load';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import { exportReferenceBundle, importReferenceBundle, type ReferenceChange } from '../../../../shared/reference/versioning';

/** Largest file an import reads; the same bound as an export, so whatever is imported can be exported again. */
export const IMPORT_MAX_BYTES = REFERENCE_JSON_MAX_CHARS;

/** What importing a file would do, worked out without storing anything. */
export type ImportPreview =
  | { kind: 'too_large'; bytes: number }
  | { kind: 'not_json' }
  | { kind: 'invalid'; issues: ReferenceIssue[]; data: unknown }
  | { kind: 'unchanged' }
  | { kind: 'changes'; version: number; changes: ReferenceChange[]; data: unknown };

/** A file too large to read is refused before its text is loaded. */
export function sizeProblem(bytes: number): ImportPreview | null {
  return bytes > IMPORT_MAX_BYTES ? { kind: 'too_large', bytes } : null;
}

/** The dry run of an import: validates `text` against the data in force and lists the rows it would change. */
export function previewImport(current: ReferenceBundle, text: string, at: string): ImportPreview {
  if (text.length > IMPORT_MAX_BYTES) return { kind: 'too_large', bytes: text.length };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'not_json' };
  }
  const result = importReferenceBundle(current, text, at);
  if (!result.ok) return { kind: 'invalid', issues: result.issues, data };
  if (result.changes.length === 0) return { kind: 'unchanged' };
  // Pretty-printed, a compact file can outgrow what an export may write; refuse it now rather than later.
  if (exportReferenceBundle(result.bundle).length > REFERENCE_JSON_MAX_CHARS) return { kind: 'too_large', bytes: text.length };
  return { kind: 'changes', version: result.bundle.version, changes: result.changes, data };
}

export type IssueTable = 'inclusionGrounds' | 'exclusionGrounds' | 'evidence' | 'causes' | 'addressees' | 'missions' | 'calendar' | 'legalRefs' | 'dates' | 'documentClocks' | 'terms';

export interface IssuePlace {
  /** The table the problem sits in; null for the bundle itself (version, date, an unknown key). */
  table: IssueTable | null;
  /** 1-based row number, when the path reaches a row. */
  row: number | null;
  /** The row's id (or year) as the file gives it, when it has one. */
  rowId: string | null;
  /** The rest of the path inside the row (or the bundle), '' for the row as a whole. */
  field: string;
}

const TABLE_PATHS: [string[], IssueTable][] = [
  [['grounds', 'inclusion'], 'inclusionGrounds'],
  [['grounds', 'exclusion'], 'exclusionGrounds'],
  [['evidence'], 'evidence'],
  [['causes'], 'causes'],
  [['addressees'], 'addressees'],
  [['missions'], 'missions'],
  [['calendar'], 'calendar'],
  [['legalRefs'], 'legalRefs'],
  [['dates'], 'dates'],
  [['documentClocks'], 'documentClocks'],
  [['terms'], 'terms'],
];

function at(data: unknown, keys: readonly string[]): unknown {
  let node = data;
  for (const key of keys) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Says where an issue's dot path points in words a person can follow: table, row number and id, field. */
export function locateIssue(data: unknown, path: string): IssuePlace {
  const keys = path === '' ? [] : path.split('.');
  for (const [prefix, table] of TABLE_PATHS) {
    if (!prefix.every((key, i) => keys[i] === key)) continue;
    const rest = keys.slice(prefix.length);
    const index = rest[0] !== undefined && /^\d+$/.test(rest[0]) ? Number(rest[0]) : null;
    if (index === null) return { table, row: null, rowId: null, field: rest.join('.') };
    const row = at(data, [...prefix, rest[0]!]);
    const id = at(row, ['id']) ?? at(row, ['year']);
    return {
      table,
      row: index + 1,
      rowId: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
      field: rest.slice(1).join('.'),
    };
  }
  return { table: null, row: null, rowId: null, field: path };
}
