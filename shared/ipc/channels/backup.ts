import { z } from 'zod';

/**
 * Backups: the page exports the database and streams it to main in slices (begin → append… → finish); main adds the
 * attachment store and seals everything into one passphrase-encrypted file. Restore is the reverse: main picks and
 * opens the file, checks it whole, hands the database back in slices, and moves the attachments in only when the page
 * has imported and verified the database (commit).
 */

/**
 * Largest database slice one append carries: base64 of up to 3 MiB of the gzip-compressed export (the page compresses
 * with CompressionStream; JSON compresses about eightfold, and base64 needs no escaping in transport).
 */
export const BACKUP_SLICE_MAX_BYTES = 3 * 1024 * 1024;
const BASE64_MAX_CHARS = Math.ceil(BACKUP_SLICE_MAX_BYTES / 3) * 4;
const base64Slice = z.string().max(BASE64_MAX_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/);
export const PASSPHRASE_MIN_CHARS = 10;
/** Why a passphrase was not saved: the current one was missing or wrong, or the new one is too easy to guess. */
export const PASSPHRASE_REFUSALS = ['wrong_current', 'weak'] as const;
export const PASSPHRASE_MAX_CHARS = 1024;

export const BACKUP_REASONS = ['manual', 'daily', 'quit', 'upgrade'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Why a backup could not be written; the UI translates each. */
export const BACKUP_FAILURES = ['NO_PASSPHRASE', 'DISK_FULL', 'FOLDER_UNAVAILABLE', 'WRITE_FAILED', 'SESSION_LOST'] as const;
/** Why a backup file was refused; nothing was changed in any of these cases. */
export const RESTORE_REFUSALS = [
  'NOT_SEALED',
  'WRONG_PASSPHRASE',
  'CORRUPT',
  'TRUNCATED',
  'UNSUPPORTED_VERSION',
  'NOT_A_BACKUP',
  'NEWER_SCHEMA',
  'SESSION_LOST',
  'WRITE_FAILED',
] as const;
export type BackupFailure = (typeof BACKUP_FAILURES)[number];
export type RestoreRefusal = (typeof RESTORE_REFUSALS)[number];

const id = z.string().regex(/^[a-f0-9]{24}$/);

/**
 * The audit chain's check, made by the page just before it exported the database (shared/audit/chain.ts) and sealed
 * into the backup's manifest: an intact chain's head (so a restore notices rows cut from the end), or where it broke.
 */
export const AUDIT_BREAKS = ['edited', 'link', 'sequence', 'head'] as const;
export const auditCheckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: z.number().int().nonnegative(), headSeq: z.number().int().nonnegative(), headHash: z.string().regex(/^[a-f0-9]{64}$/) }).strict(),
  z
    .object({ ok: z.literal(false), rows: z.number().int().nonnegative(), brokenSeq: z.number().int().nonnegative(), reason: z.enum(AUDIT_BREAKS) })
    .strict(),
]);
export type AuditCheck = z.infer<typeof auditCheckSchema>;
const counts = z.record(z.string().max(64), z.number().int().nonnegative());

const lastBackup = z.object({
  at: z.string(),
  fileName: z.string(),
  folder: z.string(),
  bytes: z.number().int().nonnegative(),
  reason: z.enum(BACKUP_REASONS),
});

const backupStatus = z.object({
  passphraseSet: z.boolean(),
  /** 'os': kept encrypted by the operating system (Electron safeStorage); 'session': in main's memory until it exits. */
  passphraseKept: z.enum(['os', 'session', 'none']),
  folder: z.string().nullable(),
  defaultFolder: z.string(),
  lastBackup: lastBackup.nullable(),
  /** The last automatic or manual attempt that failed, until one succeeds. */
  lastFailure: z.object({ at: z.string(), reason: z.enum(BACKUP_FAILURES) }).nullable(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

const backupSummary = z.object({
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  reason: z.enum(BACKUP_REASONS),
  counts,
  attachments: z.number().int().nonnegative(),
  attachmentBytes: z.number().int().nonnegative(),
  databaseBytes: z.number().int().nonnegative(),
  /** The audit check sealed with the backup; null for backups from before it was recorded. */
  audit: auditCheckSchema.nullable(),
});
export type BackupSummary = z.infer<typeof backupSummary>;

const empty = z.object({}).strict();

export const BACKUP_CHANNELS = {
  'backup:status': { request: empty, response: backupStatus },
  /**
   * Sets the passphrase, or replaces it: a replacement must name the current one, and any new one must pass the
   * strength estimate (shared/security/password-strength). Refusals change nothing.
   */
  'backup:setPassphrase': {
    request: z
      .object({ passphrase: z.string().min(PASSPHRASE_MIN_CHARS).max(PASSPHRASE_MAX_CHARS), current: z.string().max(PASSPHRASE_MAX_CHARS).optional() })
      .strict(),
    response: z.union([backupStatus, z.object({ refused: z.enum(PASSPHRASE_REFUSALS) }).strict()]),
  },
  /** Asks for a folder (a USB stick, a network share); the answer is kept for every later backup. */
  'backup:chooseFolder': { request: empty, response: z.object({ canceled: z.boolean(), status: backupStatus }) },
  'backup:useDefaultFolder': { request: empty, response: backupStatus },
  'backup:begin': {
    request: z
      .object({ reason: z.enum(BACKUP_REASONS), schemaVersion: z.number().int().nonnegative().max(10_000), counts, audit: auditCheckSchema.optional() })
      .strict(),
    response: z.union([
      z.object({ status: z.literal('started'), session: id, sealed: z.boolean() }),
      z.object({ status: z.literal('failed'), reason: z.enum(BACKUP_FAILURES) }),
    ]),
  },
  'backup:append': {
    request: z.object({ session: id, seq: z.number().int().nonnegative(), data: base64Slice }).strict(),
    response: z.union([
      z.object({ status: z.literal('ok'), bytes: z.number().int().nonnegative() }),
      z.object({ status: z.literal('failed'), reason: z.enum(BACKUP_FAILURES) }),
    ]),
    maxPayloadChars: BASE64_MAX_CHARS + 1000,
  },
  'backup:finish': {
    request: z.object({ session: id }).strict(),
    response: z.union([
      z.object({
        status: z.literal('done'),
        fileName: z.string(),
        folder: z.string(),
        bytes: z.number().int().nonnegative(),
        at: z.string(),
        sealed: z.boolean(),
        attachments: z.number().int().nonnegative(),
        removed: z.number().int().nonnegative(),
      }),
      z.object({ status: z.literal('failed'), reason: z.enum(BACKUP_FAILURES) }),
    ]),
  },
  'backup:abort': { request: z.object({ session: id }).strict(), response: z.object({}) },
  /** Native open dialog (or the page's file chooser in browser mode); the file stays in main, the page gets a handle. */
  'backup:restorePick': {
    request: empty,
    response: z.union([
      z.object({ status: z.literal('canceled') }),
      z.object({ status: z.literal('picked'), pick: id, fileName: z.string() }),
      z.object({ status: z.literal('refused'), reason: z.enum(RESTORE_REFUSALS) }),
    ]),
  },
  'backup:restoreOpen': {
    request: z
      .object({
        pick: id,
        // Empty for a copy sealed by this installation's data key; the recovery key for one from another PC.
        passphrase: z.string().max(PASSPHRASE_MAX_CHARS),
        schemaVersion: z.number().int().nonnegative().max(10_000),
      })
      .strict(),
    response: z.union([
      z.object({ status: z.literal('opened'), restore: id, summary: backupSummary }),
      z.object({ status: z.literal('refused'), reason: z.enum(RESTORE_REFUSALS), summary: backupSummary.optional() }),
    ]),
  },
  /** The next slice of the (compressed) database, base64; the call after its end checks and stages everything else. */
  'backup:restoreRead': {
    request: z.object({ restore: id }).strict(),
    response: z.union([
      z.object({ status: z.literal('data'), data: z.string() }),
      z.object({ status: z.literal('end') }),
      z.object({ status: z.literal('refused'), reason: z.enum(RESTORE_REFUSALS) }),
    ]),
  },
  /** Moves the staged attachments into the store; the page calls it after its database import succeeded. */
  'backup:restoreCommit': {
    request: z.object({ restore: id }).strict(),
    response: z.union([
      z.object({ status: z.literal('committed'), attachments: z.number().int().nonnegative() }),
      z.object({ status: z.literal('refused'), reason: z.enum(RESTORE_REFUSALS) }),
    ]),
  },
  'backup:restoreCancel': { request: z.object({ restore: id }).strict(), response: z.object({}) },
} as const;
