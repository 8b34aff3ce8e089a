import { db } from '../schema';
import type { Table } from 'dexie';
import { contentHash } from '../../../../shared/transfer/canonical';
import type { BundleRecord, TransferTable } from '../../../../shared/transfer/bundle';
import type { AuditRow, CaseRow, PersonRow } from '../schema';

/**
 * How stored rows become transfer records and back: the fields each PC derives itself are left out (they are
 * recomputed on arrival), so a record's content hash depends only on what a caseworker entered.
 */

const CASE_DERIVED = ['words', 'sortName', 'nextDeadline', 'nextDeadlineClock', 'nextCheck', 'actions', 'summary'] as const;
const PERSON_DERIVED = ['pinKey', 'docKeys', 'dupKeys'] as const;

/** Plain JSON as IndexedDB would give it back: no `undefined` members, no class instances. */
const plain = <T>(value: T): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

function without(row: object, keys: readonly string[]): Record<string, unknown> {
  const copy = plain(row);
  for (const key of keys) delete copy[key];
  return copy;
}

export const caseContent = (row: CaseRow) => without(row, CASE_DERIVED);
export const personContent = (row: PersonRow) => without(row, PERSON_DERIVED);
export const auditContent = (row: AuditRow) => without(row, ['seq']);

/** Tables added by other features once they are part of the app; absent ones are skipped by name. */
export const OPTIONAL_TABLES = ['documents', 'outgoing', 'attachments'] as const satisfies readonly TransferTable[];

export function tableIfPresent(name: string): Table<Record<string, unknown>, unknown> | null {
  return db().tables.some((t) => t.name === name) ? (db().table(name) as Table<Record<string, unknown>, unknown>) : null;
}

/** A row's primary key as the record key: the value itself for one key path, JSON for a compound one. */
export function keyOf(table: Table<Record<string, unknown>, unknown>, row: Record<string, unknown>): string {
  const path = table.schema.primKey.keyPath;
  if (Array.isArray(path)) return JSON.stringify(path.map((p) => row[p]));
  return String(row[path ?? 'id']);
}

export function keyValue(table: Table<Record<string, unknown>, unknown>, key: string): unknown {
  return Array.isArray(table.schema.primKey.keyPath) ? (JSON.parse(key) as unknown) : key;
}

/** The rows of an optional table belonging to these cases (by its caseId index when it has one). */
export async function rowsForCases(table: Table<Record<string, unknown>, unknown>, caseIds: readonly string[]): Promise<Record<string, unknown>[]> {
  const hasIndex = table.schema.indexes.some((i) => i.keyPath === 'caseId');
  if (hasIndex) return table.where('caseId').anyOf([...caseIds]).toArray();
  const wanted = new Set(caseIds);
  return table.filter((row) => wanted.has(String(row.caseId))).toArray();
}

export async function recordOfAudit(row: AuditRow): Promise<BundleRecord> {
  const content = auditContent(row);
  return { table: 'audit', key: await contentHash(content), row: content };
}

/**
 * The hash two versions of a record are compared by: its content without `updatedAt`, since saving one
 * field of a case also re-stamps its person, and a re-stamp alone is no change worth asking about.
 */
export function comparableHash(row: Record<string, unknown>): Promise<string> {
  const { updatedAt: _updatedAt, ...content } = row;
  return contentHash(content);
}

export const recordId = (r: { table: string; key: string }) => `${r.table}\u0000${r.key}`;

const SHA256 = /^[0-9a-f]{64}$/;

/** The PDFs of the generated documents among `records` (rows of the documents table with a file). */
export function generatedPdfsOf(records: readonly { table: string; row: Record<string, unknown> }[]): { relPath: string; sha256: string }[] {
  const out = new Map<string, { relPath: string; sha256: string }>();
  for (const { table, row } of records) {
    if (table !== 'documents' || !row.file || typeof row.file !== 'object') continue;
    const { relPath, sha256 } = row.file as Record<string, unknown>;
    if (typeof relPath === 'string' && typeof sha256 === 'string' && SHA256.test(sha256)) out.set(relPath, { relPath, sha256 });
  }
  return [...out.values()];
}
