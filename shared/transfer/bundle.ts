import { z } from 'zod';
import {
  aminaStatusSchema,
  CASE_LIMITS,
  caseRecordSchema,
  employmentSchema,
  idSchema,
  identityDocumentSchema,
  isoDate,
  isoDateTime,
  personSchema,
  registrationSchema,
  stayEntrySchema,
} from '../case/schema';
import { sentItemSchema } from '../deadlines/facts';
import { diagnosisChoiceSchema } from '../diagnosis/choice';
import { jsonProblem } from './canonical';

/**
 * The case-transfer bundle: what one PC hands another. Records are the stored rows without the fields each
 * PC derives itself (search words, deadlines, duplicate keys); each carries a content hash in the manifest.
 * Known fields are shape-checked; fields added by later versions travel as plain JSON (never prototype keys).
 */

export const TRANSFER_FORMAT = 'aryz-transfer';
export const TRANSFER_FORMAT_VERSION = 1;

/** Tables a bundle may carry. The last three exist only once documents and attachments are part of the app. */
export const TRANSFER_TABLES = ['cases', 'persons', 'requests', 'checks', 'audit', 'documents', 'outgoing', 'attachments'] as const;
export type TransferTable = (typeof TRANSFER_TABLES)[number];

export const TRANSFER_LIMITS = {
  cases: 2000,
  /** About 40 records a case (person, requests, checks, history); the manifest's list of them must stay under 16 MB. */
  records: 80_000,
  /** UTF-8 bytes of the records part. */
  recordsBytes: 64 * 1024 * 1024,
  manifestBytes: 15 * 1024 * 1024,
  attachments: 20_000,
  attachmentBytes: 200 * 1024 * 1024,
  /** Whole bundle file on disk. */
  fileBytes: 8 * 1024 * 1024 * 1024,
  key: 200,
  text: 5000,
} as const;

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const text = (max: number) => z.string().max(max);

export const bundleCaseSchema = z.looseObject({
  ...caseRecordSchema.shape,
  diagnosis: diagnosisChoiceSchema.optional(),
  duplicateOverride: z.object({ reason: text(CASE_LIMITS.text), matchedCaseIds: z.array(idSchema).max(1000) }).strict().optional(),
});

export const bundlePersonSchema = z.looseObject({
  ...personSchema.shape,
  documents: z.array(identityDocumentSchema).max(CASE_LIMITS.documents),
  stays: z.array(stayEntrySchema).max(CASE_LIMITS.stays),
  registrations: z.array(registrationSchema).max(CASE_LIMITS.registrations),
  employments: z.array(employmentSchema).max(CASE_LIMITS.employments),
  amina: aminaStatusSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const bundleRequestSchema = z.looseObject({
  ...sentItemSchema.shape,
  caseId: idSchema,
  addressee: text(500),
  ourNumber: text(100),
  theirNumber: text(100),
  note: text(CASE_LIMITS.text),
  answerSummary: text(CASE_LIMITS.text),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const bundleCheckSchema = z.looseObject({
  id: idSchema,
  caseId: idSchema,
  at: isoDateTime,
  channel: z.enum(['mvd_site', 'gosuslugi', 'bank', 'other']),
  documentId: text(64).optional(),
  issueDate: isoDate.optional(),
  birthDateMode: z.enum(['full', 'month_year', 'year']),
  listed: z.boolean(),
  resultText: text(CASE_LIMITS.text),
  screenshotNote: text(CASE_LIMITS.text),
  createdAt: isoDateTime,
});

export const bundleAuditSchema = z.looseObject({
  at: isoDateTime,
  who: text(300),
  caseId: idSchema,
  entity: z.string().min(1).max(40),
  entityId: text(TRANSFER_LIMITS.key),
  action: z.string().min(1).max(40),
  changes: z.array(z.object({ field: text(500), before: z.unknown(), after: z.unknown() }).strict()).max(5000),
  note: text(TRANSFER_LIMITS.text).optional(),
});

/** Rows of tables this version does not know the shape of: they must at least belong to a case in the bundle. */
export const bundleGenericSchema = z.looseObject({ caseId: idSchema });

export const ROW_SCHEMAS: Record<TransferTable, z.ZodType> = {
  cases: bundleCaseSchema,
  persons: bundlePersonSchema,
  requests: bundleRequestSchema,
  checks: bundleCheckSchema,
  audit: bundleAuditSchema,
  documents: bundleGenericSchema,
  outgoing: bundleGenericSchema,
  attachments: bundleGenericSchema,
};

/** Tables whose record key is the row's `id`; the others' keys are whatever their primary key is. */
const ID_KEYED: ReadonlySet<TransferTable> = new Set(['cases', 'persons', 'requests', 'checks']);

export const recordKey = z.string().min(1).max(TRANSFER_LIMITS.key);

export const bundleRecordSchema = z
  .object({ table: z.enum(TRANSFER_TABLES), key: recordKey, row: z.record(z.string(), z.unknown()) })
  .strict();
export type BundleRecord = { table: TransferTable; key: string; row: Record<string, unknown> };

export const manifestEntrySchema = z.object({ table: z.enum(TRANSFER_TABLES), key: recordKey, hash: sha256Hex }).strict();
export type ManifestEntry = z.output<typeof manifestEntrySchema>;

export const bundleSourceSchema = z
  .object({ missionId: text(64), missionName: text(300), caseworker: text(300) })
  .strict();
export type BundleSource = z.output<typeof bundleSourceSchema>;

export const bundleManifestSchema = z
  .object({
    format: z.literal(TRANSFER_FORMAT),
    formatVersion: z.literal(TRANSFER_FORMAT_VERSION),
    bundleId: idSchema,
    createdAt: isoDateTime,
    source: bundleSourceSchema,
    appVersion: text(50),
    /** The sender's database schema version: a newer one than ours may carry fields we cannot keep. */
    schemaVersion: z.number().int().min(1).max(10_000),
    counts: z.partialRecord(z.enum(TRANSFER_TABLES), z.number().int().min(0).max(TRANSFER_LIMITS.records)),
    entries: z.array(manifestEntrySchema).max(TRANSFER_LIMITS.records),
    attachments: z.array(z.object({ sha256: sha256Hex, bytes: z.number().int().min(0).max(TRANSFER_LIMITS.attachmentBytes) }).strict()).max(TRANSFER_LIMITS.attachments),
    recordsBytes: z.number().int().min(2).max(TRANSFER_LIMITS.recordsBytes),
  })
  .strict();
export type BundleManifest = z.output<typeof bundleManifestSchema>;

/** Why a bundle is refused; the UI translates each. */
export const BUNDLE_REFUSALS = [
  'not_bundle',
  'wrong_passphrase',
  'corrupt',
  'truncated',
  'unsupported_version',
  'too_large',
  'invalid_records',
  'hash_mismatch',
  'unsafe_keys',
  'missing_file',
  /** A file in the bundle is not a PDF or scan by its content (what attachments:add would refuse). */
  'unsupported_file',
] as const;
export type BundleRefusal = (typeof BUNDLE_REFUSALS)[number];

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: BundleRefusal; detail?: string };

/**
 * Checks the records part against the manifest: every record parses, has no prototype keys, matches its
 * manifest entry in order, belongs to a case the bundle carries, and keys do not repeat. Hashes are
 * checked by the caller (async). Never throws.
 */
export function checkRecords(manifest: BundleManifest, parsed: unknown): Checked<BundleRecord[]> {
  if (jsonProblem(parsed) === 'forbidden_key') return { ok: false, reason: 'unsafe_keys' };
  if (jsonProblem(parsed) !== null) return { ok: false, reason: 'invalid_records', detail: 'json' };
  const shape = z.object({ records: z.array(bundleRecordSchema).max(TRANSFER_LIMITS.records) }).strict().safeParse(parsed);
  if (!shape.success) return { ok: false, reason: 'invalid_records', detail: shape.error.issues[0]?.path.join('.') };
  const records = shape.data.records as BundleRecord[];
  if (records.length !== manifest.entries.length) return { ok: false, reason: 'invalid_records', detail: 'count' };
  const seen = new Set<string>();
  const caseIds = new Set<string>();
  const personIds = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const entry = manifest.entries[i]!;
    if (record.table !== entry.table || record.key !== entry.key) return { ok: false, reason: 'invalid_records', detail: `records.${i}.key` };
    const id = `${record.table}\u0000${record.key}`;
    if (seen.has(id)) return { ok: false, reason: 'invalid_records', detail: `records.${i}.duplicate` };
    seen.add(id);
    const row = ROW_SCHEMAS[record.table].safeParse(record.row);
    if (!row.success) return { ok: false, reason: 'invalid_records', detail: `records.${i}.row.${row.error.issues[0]?.path.join('.') ?? ''}` };
    const rowId = record.row.id;
    if (ID_KEYED.has(record.table) && rowId !== record.key) return { ok: false, reason: 'invalid_records', detail: `records.${i}.id` };
    if (record.table === 'cases') caseIds.add(record.key);
    if (record.table === 'persons') personIds.add(record.key);
  }
  if (caseIds.size > TRANSFER_LIMITS.cases) return { ok: false, reason: 'too_large' };
  const referenced = new Set(records.filter((r) => r.table === 'cases').map((r) => String(r.row.personId)));
  for (let i = 0; i < records.length; i++) {
    const { table, row, key } = records[i]!;
    if (table === 'persons') {
      // A person travels with a case of theirs, never alone.
      if (!referenced.has(key)) return { ok: false, reason: 'invalid_records', detail: `records.${i}.orphan` };
      continue;
    }
    if (table === 'cases' ? !personIds.has(String(row.personId)) : !caseIds.has(String(row.caseId))) {
      return { ok: false, reason: 'invalid_records', detail: `records.${i}.orphan` };
    }
  }
  return { ok: true, value: records };
}

/** Counts per table, as the manifest states them. */
export function countRecords(records: readonly { table: TransferTable }[]): Partial<Record<TransferTable, number>> {
  const counts: Partial<Record<TransferTable, number>> = {};
  for (const { table } of records) counts[table] = (counts[table] ?? 0) + 1;
  return counts;
}
