import { z } from 'zod';
import { auditCheckSchema, BACKUP_REASONS, type BackupSummary } from '../../../shared/ipc/channels/backup';

/** What a backup file says about itself, sealed with it. `parts` are in stream order; the database comes first. */
export const BACKUP_KIND = 'aryz-backup';
export const BACKUP_LAYOUT_VERSION = 1;
/** The database as gzip-compressed JSON lines (renderer/src/data/backup/db-export.repo.ts). */
export const DATABASE_PART = 'database.jsonl.gz';
const ATTACHMENT_PART = /^attachments\/([a-f0-9]{64})$/;

const partSchema = z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[a-f0-9]{64}$/) });

export const manifestSchema = z.object({
  kind: z.literal(BACKUP_KIND),
  layout: z.number().int().positive(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  reason: z.enum(BACKUP_REASONS),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** The audit chain's check when the backup was taken (absent in backups from before it was recorded). */
  audit: auditCheckSchema.optional(),
  parts: z.array(partSchema).min(1),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupPart = z.infer<typeof partSchema>;

/** The sha256 an attachment part must have (its store name), or null when the name is not an attachment's. */
export function attachmentHashOf(partName: string): string | null {
  return ATTACHMENT_PART.exec(partName)?.[1] ?? null;
}

export const attachmentPartName = (sha256: string) => `attachments/${sha256}`;

/** A manifest this version can restore: database first, attachments named by their own hash (no paths). */
export function parseManifest(value: unknown): BackupManifest | null {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success || parsed.data.layout > BACKUP_LAYOUT_VERSION) return null;
  const [first, ...rest] = parsed.data.parts;
  if (first!.name !== DATABASE_PART) return null;
  if (!rest.every((part) => attachmentHashOf(part.name) === part.sha256)) return null;
  return parsed.data;
}

export function summaryOf(manifest: BackupManifest): BackupSummary {
  const attachments = manifest.parts.slice(1);
  return {
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    reason: manifest.reason,
    counts: manifest.counts,
    attachments: attachments.length,
    attachmentBytes: attachments.reduce((sum, part) => sum + part.bytes, 0),
    databaseBytes: manifest.parts[0]!.bytes,
    audit: manifest.audit ?? null,
  };
}
