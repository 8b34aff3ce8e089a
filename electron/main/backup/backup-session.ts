import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { AuditCheck, BackupFailure, BackupReason } from '../../../shared/ipc/channels/backup';
import { writeSealedFile, type WriteSealedOptions } from '../crypto/sealed-file';
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

interface Session {
  id: string;
  reason: BackupReason;
  schemaVersion: number;
  counts: Record<string, number>;
  audit: AuditCheck | undefined;
  passphrase: string | null;
  stagingPath: string;
  handle: FileHandle;
  hash: ReturnType<typeof createHash>;
  bytes: number;
  nextSeq: number;
  failed: BackupFailure | null;
}

export type FinishResult =
  | { status: 'done'; fileName: string; folder: string; bytes: number; at: string; sealed: boolean; attachments: number; removed: number }
  | { status: 'failed'; reason: BackupFailure };

const HASH_NAME = /^[a-f0-9]{64}$/;
const KEEP_PLAIN_COPIES = 3;

export const attachmentsDir = (dataDir: string) => path.join(dataDir, 'attachments');
const stagingDir = (dataDir: string) => path.join(dataDir, 'backup-staging');
/** Pre-upgrade copies taken before any passphrase exists: plain, so they never leave the data dir. */
export const plainCopiesDir = (dataDir: string) => path.join(dataDir, 'backups-before-upgrade');

function failureOf(error: unknown): BackupFailure {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return 'DISK_FULL';
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EIO' || code === 'ENODEV') {
    return 'FOLDER_UNAVAILABLE';
  }
  return 'WRITE_FAILED';
}

async function sha256OfFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** The attachment store as it is now: every file whose content matches its name (others are damaged and skipped). */
export async function listAttachments(dataDir: string, log: (line: string) => void = () => undefined): Promise<BackupPart[]> {
  const dir = attachmentsDir(dataDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const parts: BackupPart[] = [];
  for (const name of names.filter((n) => HASH_NAME.test(n)).sort()) {
    const file = path.join(dir, name);
    if (!(await stat(file)).isFile()) continue;
    const { sha256, bytes } = await sha256OfFile(file);
    if (sha256 !== name) {
      log(`backup: attachment ${name} does not match its hash; left out`);
      continue;
    }
    parts.push({ name: attachmentPartName(sha256), bytes, sha256 });
  }
  return parts;
}

/** Streams the parts in manifest order, re-checking each hash so a file changed since listing fails the backup. */
async function* streamParts(files: Array<{ file: string; part: BackupPart }>): AsyncGenerator<Uint8Array> {
  for (const { file, part } of files) {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (bytes !== part.bytes || hash.digest('hex') !== part.sha256) throw new Error(`${part.name} changed while the backup was written`);
  }
}

/**
 * Backup sessions: the page streams the database export in numbered slices into a staging file in the data dir; on
 * finish main seals it together with the attachment store into the backup folder, through a temp file renamed into
 * place, then applies rotation. Any failure leaves every earlier backup as it was and is recorded for the UI.
 */
export class BackupSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly host: BackupHost,
    private readonly options: BackupWriteOptions = {},
    private readonly log: (line: string) => void = (line) => console.warn(line),
  ) {}

  async begin(reason: BackupReason, schemaVersion: number, counts: Record<string, number>, audit?: AuditCheck): Promise<{ status: 'started'; session: string; sealed: boolean } | { status: 'failed'; reason: BackupFailure }> {
    const passphrase = await this.host.secrets.load();
    // Without a passphrase only the pre-upgrade safety copy may be written, and only inside the data dir.
    if (!passphrase && reason !== 'upgrade') return this.fail('NO_PASSPHRASE');
    const id = randomBytes(12).toString('hex');
    const dir = stagingDir(this.host.dataDir);
    try {
      await mkdir(dir, { recursive: true });
      await this.dropStaleStaging(dir);
      const stagingPath = path.join(dir, `${id}.json`);
      const handle = await open(stagingPath, 'wx');
      this.sessions.set(id, { id, reason, schemaVersion, counts, audit, passphrase, stagingPath, handle, hash: createHash('sha256'), bytes: 0, nextSeq: 0, failed: null });
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
      let offset = 0;
      while (offset < data.length) offset += (await session.handle.write(data, offset)).bytesWritten;
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
      await session.handle.sync();
      await session.handle.close();
    } catch (error) {
      return this.failSession(session, failureOf(error));
    }
    const at = this.host.now();
    try {
      const result = session.passphrase ? await this.writeSealed(session, at) : await this.keepPlainCopy(session, at);
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

  private async writeSealed(session: Session, at: Date) {
    const settings = await loadBackupSettings(this.host.dataDir);
    const folder = settings.folder ?? defaultBackupFolder(this.host.dataDir);
    // The default folder is ours to create; a chosen one (a USB stick) that is gone must not be recreated on the PC.
    if (settings.folder === null) await mkdir(folder, { recursive: true });
    else if (!(await stat(folder).then((s) => s.isDirectory(), () => false))) throw Object.assign(new Error('backup folder missing'), { code: 'ENOENT' });
    const attachments = await listAttachments(this.host.dataDir, this.log);
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
      parts: [database, ...attachments],
    };
    const fileName = session.reason === 'upgrade' ? upgradeBackupFileName(session.schemaVersion, at) : backupFileName(at);
    const files = [
      { file: session.stagingPath, part: database },
      ...attachments.map((part) => ({ file: path.join(attachmentsDir(this.host.dataDir), part.sha256), part })),
    ];
    const written = await writeSealedFile(path.join(folder, fileName), session.passphrase!, manifest, streamParts(files), this.options);
    const removed = await this.rotate(folder);
    return { fileName, folder, bytes: written.bytes, sealed: true, attachments: attachments.length, removed };
  }

  private async keepPlainCopy(session: Session, at: Date) {
    const folder = plainCopiesDir(this.host.dataDir);
    await mkdir(folder, { recursive: true });
    const fileName = upgradeBackupFileName(session.schemaVersion, at).replace(/\.aryzbak$/, '.json');
    await rename(session.stagingPath, path.join(folder, fileName));
    const copies = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort().reverse();
    let removed = 0;
    for (const old of copies.slice(KEEP_PLAIN_COPIES)) {
      await unlink(path.join(folder, old)).then(() => removed++, () => undefined);
    }
    return { fileName, folder, bytes: session.bytes, sealed: false, attachments: 0, removed };
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
    await session.handle.close().catch(() => undefined);
    await unlink(session.stagingPath).catch(() => undefined);
    return this.fail(reason);
  }

  private async discard(session: Session): Promise<void> {
    this.sessions.delete(session.id);
    await session.handle.close().catch(() => undefined);
    await unlink(session.stagingPath).catch(() => undefined);
  }

  private async fail(reason: BackupFailure): Promise<{ status: 'failed'; reason: BackupFailure }> {
    if (reason !== 'NO_PASSPHRASE' && reason !== 'SESSION_LOST') {
      const settings = await loadBackupSettings(this.host.dataDir);
      await saveBackupSettings(this.host.dataDir, { ...settings, lastFailure: { at: this.host.now().toISOString(), reason } }).catch(() => undefined);
    }
    return { status: 'failed', reason };
  }

  /** Staging files of sessions that never finished (the app was killed) are removed after a day. */
  private async dropStaleStaging(dir: string): Promise<void> {
    const cutoff = this.host.now().getTime() - 24 * 3600 * 1000;
    for (const name of await readdir(dir)) {
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs < cutoff) await rm(file, { force: true });
    }
  }
}
