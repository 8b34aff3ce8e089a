import { createHash, randomBytes } from 'node:crypto';
import { access, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BackupSummary, RestoreRefusal } from '../../../shared/ipc/channels/backup';
import { mkdirPrivate, sealedName, SealedFileWriter, type FileKeys } from '../crypto/file-cipher';
import { readSealedFile, SEALED_MAGIC, SealedFileError, type OpeningSecret } from '../crypto/sealed-file';
import type { CallContext } from '../ipc/dispatch';
import { attachmentsDir } from './backup-session';
import { BACKUP_KIND, BACKUP_LAYOUT_VERSION, parseManifest, summaryOf, type BackupPart } from './manifest';

export const RESTORE_PICK = { filterName: 'backup', extensions: ['aryzbak'], multiple: false } as const;

interface Piece {
  index: number;
  data: Buffer;
  /** The last piece of part `index`. */
  end: boolean;
}

/**
 * Cuts the decrypted stream back into the manifest's parts and checks each one's length and hash; any mismatch is
 * corruption. (The sealed file already authenticates every byte; this catches a writer that lied in its manifest.)
 */
export async function* splitParts(source: AsyncIterable<Uint8Array>, parts: readonly BackupPart[]): AsyncGenerator<Piece> {
  let index = 0;
  let remaining = parts[0]?.bytes ?? 0;
  let hash = createHash('sha256');
  const closePart = function* (): Generator<Piece> {
    // Closes the current part and any zero-length parts after it.
    while (index < parts.length && remaining === 0) {
      if (hash.digest('hex') !== parts[index]!.sha256) throw new SealedFileError('CORRUPT', `${parts[index]!.name}: hash mismatch`);
      yield { index, data: Buffer.alloc(0), end: true };
      index++;
      hash = createHash('sha256');
      remaining = parts[index]?.bytes ?? 0;
    }
  };
  yield* closePart();
  for await (const chunk of source) {
    let offset = 0;
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    while (offset < buffer.length) {
      if (index >= parts.length) throw new SealedFileError('CORRUPT', 'more data than the manifest lists');
      const take = Math.min(remaining, buffer.length - offset);
      const data = buffer.subarray(offset, offset + take);
      hash.update(data);
      offset += take;
      remaining -= take;
      if (data.length > 0) yield { index, data, end: false };
      yield* closePart();
    }
  }
  if (index < parts.length) throw new SealedFileError('TRUNCATED', 'less data than the manifest lists');
}

interface Restore {
  id: string;
  parts: BackupPart[];
  pieces: AsyncGenerator<Piece>;
  stagingDir: string;
  /** The attachment being staged: sealed with the session's file keys, under the name the store gives it. */
  current: SealedFileWriter | null;
  staged: Array<{ sha256: string; name: string }>;
  complete: boolean;
  failed: RestoreRefusal | null;
}

type Refused = { status: 'refused'; reason: RestoreRefusal };

/** Bytes of the database one read answers at most (a few sealed chunks): fewer round trips to the page. */
const READ_TARGET_BYTES = 3 * 1024 * 1024;

function refusalOf(error: unknown): RestoreRefusal {
  return error instanceof SealedFileError ? error.code : 'WRITE_FAILED';
}

/**
 * Restore sessions. A picked file is remembered by a random handle (the page never sees or sends its path). Reading
 * returns the database in slices and, on reaching its end, reads the rest of the file to the final authenticated
 * record, staging attachments beside the store; only `commit` moves them in. Nothing in the app's store changes
 * before commit, and commit only adds files (the store is content-addressed, so an existing name holds the same bytes).
 */
export class RestoreSessions {
  private readonly picks = new Map<string, { path: string; fileName: string }>();
  private readonly restores = new Map<string, Restore>();

  constructor(private readonly dataDir: string) {}

  async pick(ctx: CallContext): Promise<{ status: 'canceled' } | { status: 'picked'; pick: string; fileName: string } | Refused> {
    const chosen = await ctx.pickFiles({ ...RESTORE_PICK, extensions: [...RESTORE_PICK.extensions] });
    if (!chosen || chosen.length === 0) return { status: 'canceled' };
    const file = chosen[0]!;
    const head = Buffer.alloc(SEALED_MAGIC.length);
    try {
      const handle = await open(file, 'r');
      try {
        await handle.read(head, 0, head.length, 0);
      } finally {
        await handle.close();
      }
    } catch {
      return { status: 'refused', reason: 'NOT_SEALED' };
    }
    if (!head.equals(SEALED_MAGIC)) return { status: 'refused', reason: 'NOT_SEALED' };
    const pick = randomBytes(12).toString('hex');
    this.picks.set(pick, { path: file, fileName: path.basename(file) });
    return { status: 'picked', pick, fileName: path.basename(file) };
  }

  /** `keysFor` opens backups sealed by a data key (no passphrase was set): see backup/handlers.ts. */
  async open(pick: string, passphrase: string, currentSchema: number, keysFor?: OpeningSecret['keysFor']): Promise<{ status: 'opened'; restore: string; summary: BackupSummary } | (Refused & { summary?: BackupSummary })> {
    const picked = this.picks.get(pick);
    if (!picked) return { status: 'refused', reason: 'SESSION_LOST' };
    let opened: Awaited<ReturnType<typeof readSealedFile>>;
    try {
      opened = await readSealedFile(picked.path, { passphrase, ...(keysFor ? { keysFor } : {}) });
    } catch (error) {
      return { status: 'refused', reason: error instanceof SealedFileError ? error.code : 'NOT_SEALED' };
    }
    const manifest = parseManifest(opened.manifest);
    if (!manifest) {
      await opened.close();
      const raw = opened.manifest as { kind?: unknown; layout?: unknown };
      const newer = raw.kind === BACKUP_KIND && typeof raw.layout === 'number' && raw.layout > BACKUP_LAYOUT_VERSION;
      return { status: 'refused', reason: newer ? 'UNSUPPORTED_VERSION' : 'NOT_A_BACKUP' };
    }
    const summary = summaryOf(manifest);
    if (manifest.schemaVersion > currentSchema) {
      await opened.close();
      return { status: 'refused', reason: 'NEWER_SCHEMA', summary };
    }
    // One restore at a time: a new one replaces any unfinished one.
    for (const id of [...this.restores.keys()]) await this.cancel(id);
    const id = randomBytes(12).toString('hex');
    this.restores.set(id, {
      id,
      parts: manifest.parts,
      pieces: splitParts(opened.parts, manifest.parts),
      stagingDir: path.join(this.dataDir, 'restore-staging', id),
      current: null,
      staged: [],
      complete: false,
      failed: null,
    });
    return { status: 'opened', restore: id, summary };
  }

  async read(id: string, keys: FileKeys): Promise<{ status: 'data'; data: string } | { status: 'end' } | Refused> {
    const restore = this.restores.get(id);
    if (!restore) return { status: 'refused', reason: 'SESSION_LOST' };
    if (restore.failed) return { status: 'refused', reason: restore.failed };
    if (restore.complete) return { status: 'end' };
    const slices: Buffer[] = [];
    let bytes = 0;
    try {
      for (;;) {
        const next = await restore.pieces.next();
        if (next.done) {
          restore.complete = true;
          return { status: 'end' };
        }
        const piece = next.value;
        if (piece.index === 0) {
          slices.push(Buffer.from(piece.data));
          bytes += piece.data.length;
          // The database's last slice goes out on its own; the attachments after it are staged by the next call.
          if (bytes >= READ_TARGET_BYTES || (piece.end && bytes > 0)) return { status: 'data', data: Buffer.concat(slices).toString('base64') };
          continue;
        }
        await this.stage(restore, piece, keys);
      }
    } catch (error) {
      return this.failRestore(restore, refusalOf(error));
    }
  }

  async commit(id: string): Promise<{ status: 'committed'; attachments: number } | Refused> {
    const restore = this.restores.get(id);
    if (!restore) return { status: 'refused', reason: 'SESSION_LOST' };
    if (!restore.complete || restore.failed) return { status: 'refused', reason: restore.failed ?? 'SESSION_LOST' };
    const store = attachmentsDir(this.dataDir);
    let added = 0;
    const exists = (file: string) => access(file).then(() => true, () => false);
    try {
      await mkdirPrivate(store);
      for (const { sha256, name } of restore.staged) {
        const target = path.join(store, name);
        // Already here, sealed or (not yet migrated) plain: content-addressed, so the same file.
        if ((await exists(target)) || (await exists(path.join(store, sha256)))) continue;
        await rename(path.join(restore.stagingDir, name), target);
        added++;
      }
    } catch {
      return { status: 'refused', reason: 'WRITE_FAILED' };
    }
    this.restores.delete(id);
    await rm(restore.stagingDir, { recursive: true, force: true });
    return { status: 'committed', attachments: added };
  }

  async cancel(id: string): Promise<void> {
    const restore = this.restores.get(id);
    if (!restore) return;
    this.restores.delete(id);
    await restore.current?.abort();
    await restore.pieces.return(undefined).catch(() => undefined);
    await rm(restore.stagingDir, { recursive: true, force: true });
  }

  private async stage(restore: Restore, piece: Piece, keys: FileKeys): Promise<void> {
    const sha256 = restore.parts[piece.index]!.sha256;
    const name = sealedName(keys, sha256);
    if (!restore.current) {
      await mkdirPrivate(restore.stagingDir);
      // A part repeated in a manifest meets its own staged file: it is written again (same content, hash checked).
      await rm(path.join(restore.stagingDir, name), { force: true });
      restore.current = await SealedFileWriter.create(path.join(restore.stagingDir, name), keys.content);
    }
    await restore.current.write(piece.data);
    if (piece.end) {
      await restore.current.finish();
      restore.current = null;
      restore.staged.push({ sha256, name });
    }
  }

  private async failRestore(restore: Restore, reason: RestoreRefusal): Promise<Refused> {
    restore.failed = reason;
    await restore.current?.abort();
    restore.current = null;
    await restore.pieces.return(undefined).catch(() => undefined);
    await rm(restore.stagingDir, { recursive: true, force: true });
    return { status: 'refused', reason };
  }
}

/** Names in the staging root that belong to no live session (a crash mid-restore) can go. */
export async function dropRestoreStaging(dataDir: string): Promise<void> {
  const root = path.join(dataDir, 'restore-staging');
  for (const name of await readdir(root).catch(() => [] as string[])) await rm(path.join(root, name), { recursive: true, force: true });
}
