import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, realpath, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { MAX_ATTACHMENT_BYTES, type AttachmentAddResult, type AttachmentMime } from '../../../shared/ipc/channels/attachments';
import { writeFileAtomic } from '../save-file';
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
 * The content-addressed attachment store under `<dataDir>/attachments`: each file is named by the SHA-256 of
 * its bytes, so the same scan is kept once however often it is attached. The only names that ever reach the
 * file system are 64 lowercase hex digits, and reads refuse anything that is not a plain file inside the store.
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

  /** The path for a hash, or null for anything that is not one (`..`, absolute paths, separators). */
  pathOf(sha256: string): string | null {
    return HASH.test(sha256) ? path.join(this.dir, sha256) : null;
  }

  /** Reads a file the user picked in a dialog; the size is checked before a byte is read. */
  async addFromPath(filePath: string): Promise<AttachmentAddResult> {
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
    return this.add(name, bytes);
  }

  /** Checks the bytes (size, then type by content), stores them once, and counts their pages. */
  async add(name: string, bytes: Uint8Array): Promise<AttachmentAddResult> {
    if (bytes.byteLength === 0) return { status: 'refused', name, reason: 'empty', bytes: 0 };
    if (bytes.byteLength > this.maxBytes) return { status: 'refused', name, reason: 'too_large', bytes: bytes.byteLength };
    const mime = sniffType(bytes);
    if (!mime) return { status: 'refused', name, reason: 'unsupported_type', bytes: bytes.byteLength };
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = path.join(this.dir, sha256);
    await mkdir(this.dir, { recursive: true });
    const existing = await lstat(target).catch(() => null);
    const duplicate = existing !== null && existing.isFile() && existing.size === bytes.byteLength;
    // Anything else under that name (a planted link, a torn file) is replaced: rename swaps the entry itself.
    if (!duplicate) await writeFileAtomic(target, bytes);
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
  async read(sha256: string): Promise<{ status: 'ok'; mime: AttachmentMime; bytes: Uint8Array } | { status: 'missing' | 'refused' }> {
    const target = this.pathOf(sha256);
    if (!target) return { status: 'refused' };
    const info = await lstat(target).catch(() => null);
    if (!info) return { status: 'missing' };
    if (!info.isFile()) return { status: 'refused' };
    const [realDir, realFile] = await Promise.all([realpath(this.dir), realpath(target)]);
    const rel = path.relative(realDir, realFile);
    if (rel !== sha256) return { status: 'refused' };
    const bytes = await readFile(target);
    const mime = sniffType(bytes);
    return mime ? { status: 'ok', mime, bytes } : { status: 'refused' };
  }

  /**
   * Removes store entries named by a hash that is not in `keep`. Only entries of the store folder itself are
   * touched (a symlink is removed as a link, its target never), and recent files are spared (PURGE_GRACE_MS).
   */
  async purge(keep: readonly string[]): Promise<{ removed: number; kept: number }> {
    const live = new Set(keep);
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
