import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { lstat, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../crypto/file-cipher';

/** How long a copy handed to the system viewer stays: long enough for any viewer to have read it. */
export const VIEWER_COPY_KEEP_MS = 5 * 60 * 1000;

/** The default private folder for this data dir's copies (per data dir, so two installations never share one). */
export function defaultViewerTempDir(dataDir: string): string {
  return path.join(tmpdir(), `aryz-view-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`);
}

/** At quit and at start: every copy goes, synchronously (a quitting app does not wait for promises). */
export function clearViewerCopiesSync(root: string): void {
  try {
    rmSync(root, { recursive: true, force: true });
  } catch {
    // A copy a viewer still holds open (Windows) goes at the next start.
  }
}

export class ViewerFolderError extends Error {
  override readonly name = 'ViewerFolderError';
}

/**
 * Plain copies of sealed documents, written only for the act of showing or printing them, because the system
 * viewer and the print window cannot read a sealed file. Each lives in its own random folder inside one
 * owner-only folder and is removed when the act ends: when the print window closes (reported by the caller), or
 * after VIEWER_COPY_KEEP_MS for the system viewer, whose exit main cannot see. `clear` removes whatever is left,
 * at start (a crash) and at quit.
 */
export class ViewerCopies {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private cleared: Promise<void> | null = null;

  constructor(
    readonly root: string,
    private readonly keepMs = VIEWER_COPY_KEEP_MS,
  ) {}

  /** Removes every copy, live ones too (quit), or those a previous run left (start). */
  async clear(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await rm(this.root, { recursive: true, force: true });
  }

  /** Once per run, before the first copy: leftovers of an earlier run go. */
  private startOnce(): Promise<void> {
    return (this.cleared ??= rm(this.root, { recursive: true, force: true }).catch(() => undefined));
  }

  /**
   * The root must be ours alone: a folder someone else made under that name in a shared temp dir (or a link) is
   * refused rather than written into.
   */
  private async ensureRoot(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: PRIVATE_DIR_MODE });
    const info = await lstat(this.root);
    if (!info.isDirectory() || info.isSymbolicLink()) throw new ViewerFolderError('The viewer folder is not a folder');
    if (process.platform !== 'win32') {
      if (typeof process.getuid === 'function' && info.uid !== process.getuid()) throw new ViewerFolderError('The viewer folder belongs to another account');
      if ((info.mode & 0o077) !== 0) throw new ViewerFolderError('The viewer folder is open to other accounts');
    }
  }

  /** Writes a plain copy named `fileName` and answers its path and its removal. */
  async write(fileName: string, bytes: Uint8Array): Promise<{ file: string; remove: () => Promise<void> }> {
    await this.startOnce();
    await this.ensureRoot();
    const folder = path.join(this.root, randomBytes(8).toString('hex'));
    await mkdir(folder, { mode: PRIVATE_DIR_MODE });
    const file = path.join(folder, path.basename(fileName));
    await writeFile(file, bytes, { flag: 'wx', mode: PRIVATE_FILE_MODE });
    const remove = async () => {
      // Windows refuses to delete a file a viewer still holds open: then the copy goes at quit or next start.
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    };
    return { file, remove };
  }

  /** A copy for a viewer whose end main cannot see: removed after the delay (the timer does not keep the app up). */
  async writeForViewer(fileName: string, bytes: Uint8Array): Promise<string> {
    const copy = await this.write(fileName, bytes);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void copy.remove();
    }, this.keepMs);
    timer.unref?.();
    this.timers.add(timer);
    return copy.file;
  }
}
