import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { batchesRoot, STORE_ID } from '../documents/store';

/**
 * A merged PDF is a convenience copy for printing a batch in one go: the letters themselves stay in their
 * cases. Copies are kept a week (long enough to print or save again), then removed so that a mission
 * printing batches every day does not fill the disk with them.
 */
export const MERGED_KEEP_MS = 7 * 24 * 60 * 60 * 1000;

/** Removes merged batch PDFs older than `keepMs`; touches nothing else in the folder. Answers how many went. */
export async function pruneMergedFiles(dataDir: string, now: Date, keepMs = MERGED_KEEP_MS): Promise<number> {
  const folder = batchesRoot(dataDir);
  const names = await readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.pdf') || !STORE_ID.test(name.slice(0, -'.pdf'.length))) continue;
    const file = path.join(folder, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || now.getTime() - info.mtimeMs <= keepMs) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}
