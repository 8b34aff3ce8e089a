import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { AuditCheck, BackupFailure, BackupReason } from '../../../shared/ipc/channels/backup';
import { AttachmentStore } from '../attachments/store';
import { mkdirPrivate, openStream, SealedFileWriter, type FileKeys } from '../crypto/file-cipher';
import { writeSealedFile, type SealingSecret, type WriteSealedOptions } from '../crypto/sealed-file';
import { attachmentPartName, BACKUP_KIND, BACKUP_LAYOUT_VERSION, DATABASE_PART, type BackupManifest, type BackupPart } from './manifest';
import { backupFileName, backupsToRemove, upgradeBackupFileName } from './rotation';
import type { SecretStore } from './secrets';
import { defaultBackupFolder, loadBackupSettings, saveBackupSettings } from './settings-file';

export interface BackupHost {
  dataDir: string;
  version: string;
  secrets: SecretStore;
  now(): Date;
}

/** Test hooks: weaker KDF parameters for speed, a file opener that fails like a full disk. */
export type BackupWriteOptions = Pick<WriteSealedOptions, 'kdf' | 'openFile'>;

/** What the session that begins a backup brings: its file keys, and the recovery wrapping of the data key. */
export interface BackupKeys {
  files: FileKeys;
  /** The data key wrapped by the recovery key (accounts file); carried by key-sealed backups for another PC. */
  recoveryWrap: Record<string, unknown> | null;
}

interface Session {
  id: string;
  reason: BackupReason;
  schemaVersion: number;
  counts: Record<string, number>;
  audit: AuditCheck | undefined;
  passphrase: string | null;
  keys: BackupKeys;
  stagingPath: string;
  /** The database export as it arrives, sealed with a key of this session alone: a crash leaves only noise. */
  staging: SealedFileWriter;
  stagingKey: Buffer;
  hash: ReturnType<typeof createHash>;
  bytes: number;
  nextSeq: number;
  failed: BackupFailure | null;
}

export type FinishResult =
  | { status: 'done'; fileName: string; folder: string; bytes: number; at: string; sealed: boolean; attachments: number; removed: number }
  | { status: 'failed'; reason: BackupFailure };

export const attachmentsDir = (dataDir: string) => path.join(dataDir, 'attachments');
export const stagingDir = (dataDir: string) => path.join(dataDir, 'backup-staging');
/**
 * Pre-upgrade copies taken before any passphrase exists: sealed by the data key (see writeSealed), kept in the data
 * dir. Copies from before encryption lie here as plain `.json` files until `sealPlainCopies` seals them.
 */
export const plainCopiesDir = (dataDir: string) => path.join(dataDir, 'backups-before-upgrade');

function failureOf(error: unknown): BackupFailure {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return 'DISK_FULL';
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EIO' || code === 'ENODEV') {
    return 'FOLDER_UNAVAILABLE';
  }
  return 'WRITE_FAILED';
}

/** The attachment store as it is now: every file whose content matches its name (others are damaged and skipped). */
export async function listAttachments(dataDir: string, keys: FileKeys, log: (line: string) => void = () => undefined): Promise<Array<{ file: string; part: BackupPart; sealed: boolean }>> {
  const found = await new AttachmentStore(dataDir).list(keys, (line) => log(`backup: ${line}`));
  const parts: Array<{ file: string; part: BackupPart; sealed: boolean }> = [];
  const seen = new Set<string>();
  for (const { sha256, file, sealed } of found) {
    // A scan both sealed and still plain (a migration cut short) goes in once.
    if (seen.has(sha256)) continue;
    seen.add(sha256);
    const bytes = (await plainBytesOf(file, sealed ? keys.content : null)).bytes;
    parts.push({ file, part: { name: attachmentPartName(sha256), bytes, sha256 }, sealed });
  }
  return parts.sort((a, b) => a.part.sha256.localeCompare(b.part.sha256));
}

/** A file's plain content as a stream: opened on the fly when it is sealed. */
function plainStream(file: string, contentKey: Buffer | null): AsyncIterable<Uint8Array> {
  const raw = createReadStream(file, { highWaterMark: 1024 * 1024 });
  return contentKey ? openStream(contentKey, raw) : raw;
}

async function plainBytesOf(file: string, contentKey: Buffer | null): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of plainStream(file, contentKey)) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Streams the parts in manifest order, re-checking each hash so a file changed since listing fails the backup. */
async function* streamParts(files: Array<{ file: string; part: BackupPart; key: Buffer | null }>): AsyncGenerator<Uint8Array> {
  for (const { file, part, key } of files) {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of plainStream(file, key)) {
      hash.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
    if (bytes !== part.bytes || hash.digest('hex') !== part.sha256) throw new Error(`${part.name} changed while the backup was written`);
  }
}

/**
 * Pre-upgrade copies taken before encryption lie plain (`.json`, the gzip export) in the data dir: each is sealed
 * into a backup file like the ones taken now, by the data key, then the plain one removed. One at a time, each
 * by rename, so an interruption leaves every copy plain or sealed and a second run goes on.
 */
export async function sealPlainCopies(host: Pick<BackupHost, 'dataDir' | 'version'>, keys: BackupKeys, options: BackupWriteOptions = {}): Promise<number> {
  const folder = plainCopiesDir(host.dataDir);
  let sealed = 0;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const match = /^aryz-before-upgrade-v(\d+)-(.+)\.json$/.exec(name);
    if (!match) continue;
    const file = path.join(folder, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) continue;
    const { sha256, bytes } = await plainBytesOf(file, null);
    const manifest: BackupManifest = {
      kind: BACKUP_KIND,
      layout: BACKUP_LAYOUT_VERSION,
      createdAt: info.mtime.toISOString(),
      appVersion: host.version,
      schemaVersion: Number(match[1]),
      reason: 'upgrade',
      // Not recorded by the old copies; the restore checks the tables against the export's own header.
      counts: {},
      parts: [{ name: DATABASE_PART, bytes, sha256 }],
    };
    const secret: SealingSecret = { key: keys.files.backup, ...(keys.recoveryWrap ? { keyWrap: keys.recoveryWrap } : {}) };
    await writeSealedFile(path.join(folder, name.replace(/\.json$/, '.aryzbak')), secret, manifest, streamParts([{ file, part: manifest.parts[0]!, key: null }]), options);
    await unlink(file);
    sealed++;
  }
  return sealed;
}

/**
 * Backup sessions: the page streams the database export in numbered slices into a staging file in the data dir; on
 * finish main seals it together with the attachment store into the backup folder, through a temp file renamed into
 * place, then applies rotation. Any failure leaves every earlier backup as it was and is recorded for the UI.
 */
export class BackupSessions {
  private readonly sessions = new Map<string, Session>();
  private leftovers: Promise<void> | null = null;

  constructor(
    private readonly host: BackupHost,
    private readonly options: BackupWriteOptions = {},
    private readonly log: (line: string) => void = (line) => console.warn(line),
  ) {}

  /**
   * Staging files no session of this run owns (a crash, a killed app) are removed: at start (the handlers call this
   * when created) and again before each backup. Sealed by keys that died with their process, they were noise anyway.
   */
  clearLeftovers(): Promise<void> {
    return (this.leftovers ??= this.dropOrphanStaging().catch(() => undefined));
  }

  /**
   * `sealed` in the answer says the backup is sealed by the backup passphrase; without one only the pre-upgrade
   * safety copy may be written, inside the data dir, sealed by the data key.
   */
  async begin(reason: BackupReason, schemaVersion: number, counts: Record<string, number>, keys: BackupKeys, audit?: AuditCheck): Promise<{ status: 'started'; session: string; sealed: boolean } | { status: 'failed'; reason: BackupFailure }> {
    const passphrase = await this.host.secrets.load();
    if (!passphrase && reason !== 'upgrade') return this.fail('NO_PASSPHRASE');
    const id = randomBytes(12).toString('hex');
    const dir = stagingDir(this.host.dataDir);
    try {
      await this.clearLeftovers();
      await mkdirPrivate(dir);
      const stagingPath = path.join(dir, `${id}.part`);
      const stagingKey = randomBytes(32);
      const staging = await SealedFileWriter.create(stagingPath, stagingKey);
      this.sessions.set(id, { id, reason, schemaVersion, counts, audit, passphrase, keys, stagingPath, staging, stagingKey, hash: createHash('sha256'), bytes: 0, nextSeq: 0, failed: null });
      return { status: 'started', session: id, sealed: passphrase !== null };
    } catch (error) {
      return this.fail(failureOf(error));
    }
  }

  async append(id: string, seq: number, base64: string): Promise<{ status: 'ok'; bytes: number } | { status: 'failed'; reason: BackupFailure }> {
    const session = this.sessions.get(id);
    if (!session || session.failed) return { status: 'failed', reason: session?.failed ?? 'SESSION_LOST' };
    // A lost or repeated slice would silently corrupt the export: the whole session fails instead.
    if (seq !== session.nextSeq) return this.failSession(session, 'SESSION_LOST');
    const data = Buffer.from(base64, 'base64');
    try {
      await session.staging.write(data);
    } catch (error) {
      return this.failSession(session, failureOf(error));
    }
    session.hash.update(data);
    session.bytes += data.length;
    session.nextSeq++;
    return { status: 'ok', bytes: session.bytes };
  }

  async abort(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (session) await this.discard(session);
  }

  async finish(id: string): Promise<FinishResult> {
    const session = this.sessions.get(id);
    if (!session || session.failed) return { status: 'failed', reason: session?.failed ?? 'SESSION_LOST' };
    try {
      await session.staging.finish();
    } catch (error) {
      return this.failSession(session, failureOf(error));
    }
    const at = this.host.now();
    try {
      const result = await this.writeSealed(session, at);
      this.sessions.delete(id);
      await unlink(session.stagingPath).catch(() => undefined);
      const settings = await loadBackupSettings(this.host.dataDir);
      if (result.sealed) {
        await saveBackupSettings(this.host.dataDir, {
          ...settings,
          lastBackup: { at: at.toISOString(), fileName: result.fileName, folder: result.folder, bytes: result.bytes, reason: session.reason },
          lastFailure: null,
        });
      }
      return { status: 'done', at: at.toISOString(), ...result };
    } catch (error) {
      this.log(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
      this.sessions.delete(id);
      await unlink(session.stagingPath).catch(() => undefined);
      return this.fail(failureOf(error));
    }
  }

  /**
   * Seals the staged export and the attachment store into one backup file. With a passphrase it goes to the backup
   * folder; without one (the pre-upgrade copy) it is sealed by a key from the data key and stays in the data dir,
   * carrying the recovery key's wrapping of the data key so the recovery key opens it on another PC.
   */
  private async writeSealed(session: Session, at: Date) {
    const settings = await loadBackupSettings(this.host.dataDir);
    const byPassphrase = session.passphrase !== null;
    const folder = byPassphrase ? (settings.folder ?? defaultBackupFolder(this.host.dataDir)) : plainCopiesDir(this.host.dataDir);
    // The default folder is ours to create; a chosen one (a USB stick) that is gone must not be recreated on the PC.
    if (!byPassphrase) await mkdirPrivate(folder);
    else if (settings.folder === null) await mkdir(folder, { recursive: true });
    else if (!(await stat(folder).then((s) => s.isDirectory(), () => false))) throw Object.assign(new Error('backup folder missing'), { code: 'ENOENT' });
    const attachments = await listAttachments(this.host.dataDir, session.keys.files, this.log);
    const database: BackupPart = { name: DATABASE_PART, bytes: session.bytes, sha256: session.hash.digest('hex') };
    const manifest: BackupManifest = {
      kind: BACKUP_KIND,
      layout: BACKUP_LAYOUT_VERSION,
      createdAt: at.toISOString(),
      appVersion: this.host.version,
      schemaVersion: session.schemaVersion,
      reason: session.reason,
      counts: session.counts,
      ...(session.audit ? { audit: session.audit } : {}),
      parts: [database, ...attachments.map((a) => a.part)],
    };
    const fileName = session.reason === 'upgrade' ? upgradeBackupFileName(session.schemaVersion, at) : backupFileName(at);
    const files = [
      { file: session.stagingPath, part: database, key: session.stagingKey },
      ...attachments.map(({ file, part, sealed }) => ({ file, part, key: sealed ? session.keys.files.content : null })),
    ];
    const secret: SealingSecret = session.passphrase ?? { key: session.keys.files.backup, ...(session.keys.recoveryWrap ? { keyWrap: session.keys.recoveryWrap } : {}) };
    const written = await writeSealedFile(path.join(folder, fileName), secret, manifest, streamParts(files), this.options);
    const removed = await this.rotate(folder);
    return { fileName, folder, bytes: written.bytes, sealed: byPassphrase, attachments: attachments.length, removed };
  }

  /** Rotation runs only after the new backup is safely in place, and a failed delete is not a failed backup. */
  private async rotate(folder: string): Promise<number> {
    let removed = 0;
    for (const name of backupsToRemove(await readdir(folder))) {
      await unlink(path.join(folder, name)).then(
        () => removed++,
        (error: unknown) => this.log(`backup rotation: could not remove ${name}: ${String(error)}`),
      );
    }
    return removed;
  }

  /** The session stays known as failed, so later slices and finish answer the real reason, not SESSION_LOST. */
  private async failSession(session: Session, reason: BackupFailure) {
    session.failed = reason;
    await session.staging.abort();
    return this.fail(reason);
  }

  private async discard(session: Session): Promise<void> {
    this.sessions.delete(session.id);
    await session.staging.abort();
  }

  private async fail(reason: BackupFailure): Promise<{ status: 'failed'; reason: BackupFailure }> {
    if (reason !== 'NO_PASSPHRASE' && reason !== 'SESSION_LOST') {
      const settings = await loadBackupSettings(this.host.dataDir);
      await saveBackupSettings(this.host.dataDir, { ...settings, lastFailure: { at: this.host.now().toISOString(), reason } }).catch(() => undefined);
    }
    return { status: 'failed', reason };
  }

  /** Removes every staging file no live session writes (sessions live only in this process). */
  private async dropOrphanStaging(): Promise<void> {
    const dir = stagingDir(this.host.dataDir);
    const live = new Set([...this.sessions.values()].map((session) => path.basename(session.stagingPath)));
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!live.has(name)) await rm(path.join(dir, name), { recursive: true, force: true });
    }
  }
}
