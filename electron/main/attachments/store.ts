import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { MAX_ATTACHMENT_BYTES, type AttachmentAddResult, type AttachmentMime } from '../../../shared/ipc/channels/attachments';
import { isSealed, mkdirPrivate, openBytes, sealedName, sealedSize, writeSealedBytes, type FileKeys } from '../crypto/file-cipher';
import { countPages } from './pages';
import { sniffType } from './sniff';

const HASH = /^[0-9a-f]{64}$/;

/**
 * Files written this recently are never purged: a file stored a moment ago may not have its row in the
 * page's database yet when a purge computed from that database arrives.
 */
export const PURGE_GRACE_MS = 60 * 60 * 1000;

export interface StoreOptions {
  maxBytes?: number;
  now?: () => Date;
}

/**
 * The content-addressed attachment store under `<dataDir>/attachments`. A scan is known everywhere by the SHA-256
 * of its plain bytes, so the same scan is kept once however often it is attached; on disk it is sealed with the
 * session's file keys (crypto/file-cipher.ts) and named by an HMAC of that hash, so neither its content nor a
 * hash someone could look up shows. Files from before encryption (plain, named by their SHA-256) are still read
 * and are sealed by `migrate`. The only names that ever reach the file system are 64 lowercase hex digits, and
 * reads refuse anything that is not a plain file inside the store.
 */
export class AttachmentStore {
  readonly dir: string;
  private readonly maxBytes: number;
  private readonly now: () => Date;

  constructor(dataDir: string, options: StoreOptions = {}) {
    this.dir = path.join(dataDir, 'attachments');
    this.maxBytes = options.maxBytes ?? MAX_ATTACHMENT_BYTES;
    this.now = options.now ?? (() => new Date());
  }

  /** The sealed file's path for a plain hash, or null for anything that is not one (`..`, absolute paths, separators). */
  pathOf(sha256: string, keys: FileKeys): string | null {
    return HASH.test(sha256) ? path.join(this.dir, sealedName(keys, sha256)) : null;
  }

  /** Reads a file the user picked in a dialog; the size is checked before a byte is read. */
  async addFromPath(filePath: string, keys: FileKeys): Promise<AttachmentAddResult> {
    const name = path.basename(filePath).slice(0, 255);
    let size: number;
    try {
      const info = await stat(filePath);
      if (!info.isFile()) return { status: 'refused', name, reason: 'unreadable' };
      size = info.size;
    } catch {
      return { status: 'refused', name, reason: 'unreadable' };
    }
    if (size > this.maxBytes) return { status: 'refused', name, reason: 'too_large', bytes: size };
    let bytes: Uint8Array;
    try {
      bytes = await readFile(filePath);
    } catch {
      return { status: 'refused', name, reason: 'unreadable' };
    }
    return this.add(name, bytes, keys);
  }

  /** Checks the bytes (size, then type by content), stores them once (sealed), and counts their pages. */
  async add(name: string, bytes: Uint8Array, keys: FileKeys): Promise<AttachmentAddResult> {
    if (bytes.byteLength === 0) return { status: 'refused', name, reason: 'empty', bytes: 0 };
    if (bytes.byteLength > this.maxBytes) return { status: 'refused', name, reason: 'too_large', bytes: bytes.byteLength };
    const mime = sniffType(bytes);
    if (!mime) return { status: 'refused', name, reason: 'unsupported_type', bytes: bytes.byteLength };
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = path.join(this.dir, sealedName(keys, sha256));
    await mkdirPrivate(this.dir);
    const existing = await lstat(target).catch(() => null);
    const duplicate = existing !== null && existing.isFile() && existing.size === sealedSize(bytes.byteLength);
    // Anything else under that name (a planted link, a torn file) is replaced: rename swaps the entry itself.
    if (!duplicate) await writeSealedBytes(target, keys.content, bytes);
    // A file attached again is fresh again: a purge computed a moment before its new row was written spares it.
    else {
      const now = this.now();
      await utimes(target, now, now);
    }
    const count = await countPages(mime, bytes);
    return {
      status: 'stored',
      name,
      sha256,
      mime,
      bytes: bytes.byteLength,
      pages: count.pages,
      ...(count.problem ? { pagesProblem: count.problem } : {}),
      duplicate,
    };
  }

  /**
   * A stored file's bytes, or 'refused' when the name is not a hash or the entry is not a plain file that
   * really lives in the store (a symlink, or a store folder that resolves elsewhere).
   */
  async read(sha256: string, keys: FileKeys): Promise<{ status: 'ok'; mime: AttachmentMime; bytes: Uint8Array } | { status: 'missing' | 'refused' }> {
    if (!HASH.test(sha256)) return { status: 'refused' };
    // The sealed name first; a file not yet migrated still lies under its plain hash.
    for (const name of [sealedName(keys, sha256), sha256]) {
      const target = path.join(this.dir, name);
      const info = await lstat(target).catch(() => null);
      if (!info) continue;
      if (!info.isFile()) return { status: 'refused' };
      const [realDir, realFile] = await Promise.all([realpath(this.dir), realpath(target)]);
      if (path.relative(realDir, realFile) !== name) return { status: 'refused' };
      const raw = await readFile(target);
      let bytes: Uint8Array;
      if (isSealed(raw)) {
        try {
          bytes = await openBytes(keys.content, raw);
        } catch {
          return { status: 'refused' };
        }
      } else bytes = raw;
      // The content must be the file it is named for: a sealed file moved under another name is refused.
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) return { status: 'refused' };
      const mime = sniffType(bytes);
      return mime ? { status: 'ok', mime, bytes } : { status: 'refused' };
    }
    return { status: 'missing' };
  }

  /**
   * Seals every file still plain from before encryption: each is written sealed under its new name, then the plain
   * one is removed, so an interruption leaves each file either plain or sealed and the next run goes on from there.
   * A plain file whose content does not match its name is damaged and left alone. Answers how many were sealed.
   */
  async migrate(keys: FileKeys): Promise<{ sealed: number; skipped: number }> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    let sealed = 0;
    let skipped = 0;
    for (const name of names) {
      if (!HASH.test(name)) continue;
      const file = path.join(this.dir, name);
      const info = await lstat(file).catch(() => null);
      if (!info?.isFile()) continue;
      const raw = await readFile(file);
      if (isSealed(raw)) continue;
      if (createHash('sha256').update(raw).digest('hex') !== name) {
        skipped++;
        continue;
      }
      const target = path.join(this.dir, sealedName(keys, name));
      const existing = await lstat(target).catch(() => null);
      if (!(existing?.isFile() && existing.size === sealedSize(raw.byteLength))) await writeSealedBytes(target, keys.content, raw);
      await utimes(target, info.atime, info.mtime).catch(() => undefined);
      await unlink(file);
      sealed++;
    }
    return { sealed, skipped };
  }

  /** Every readable file of the store as (plain hash, path), plain or sealed; for backups. Damaged files are skipped. */
  async list(keys: FileKeys, log: (line: string) => void = () => undefined): Promise<Array<{ sha256: string; file: string; sealed: boolean }>> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: Array<{ sha256: string; file: string; sealed: boolean }> = [];
    for (const name of names.filter((n) => HASH.test(n)).sort()) {
      const file = path.join(this.dir, name);
      if (!(await stat(file)).isFile()) continue;
      const raw = await readFile(file);
      let plain: Buffer;
      try {
        plain = isSealed(raw) ? await openBytes(keys.content, raw) : raw;
      } catch {
        log('attachments: a sealed file failed authentication; left out');
        continue;
      }
      const sha256 = createHash('sha256').update(plain).digest('hex');
      // Sealed files are named by the HMAC of their hash, plain ones by the hash itself; anything else is damaged.
      if (name !== (isSealed(raw) ? sealedName(keys, sha256) : sha256)) {
        log('attachments: a file does not match its name; left out');
        continue;
      }
      out.push({ sha256, file, sealed: isSealed(raw) });
    }
    return out;
  }

  /**
   * Removes store entries named by a hash that is not in `keep`. Only entries of the store folder itself are
   * touched (a symlink is removed as a link, its target never), and recent files are spared (PURGE_GRACE_MS).
   */
  async purge(keep: readonly string[], keys: FileKeys): Promise<{ removed: number; kept: number }> {
    // A kept scan may be under its sealed name or, until migrated, its plain one.
    const live = new Set(keep.flatMap((sha256) => (HASH.test(sha256) ? [sha256, sealedName(keys, sha256)] : [])));
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return { removed: 0, kept: 0 };
    }
    const cutoff = this.now().getTime() - PURGE_GRACE_MS;
    let removed = 0;
    let kept = 0;
    for (const name of names) {
      if (!HASH.test(name)) continue;
      const target = path.join(this.dir, name);
      const info = await lstat(target).catch(() => null);
      if (!info || info.isDirectory()) continue;
      if (live.has(name) || (info.isFile() && info.mtimeMs > cutoff)) {
        kept += 1;
        continue;
      }
      await unlink(target);
      removed += 1;
    }
    return { removed, kept };
  }
}
