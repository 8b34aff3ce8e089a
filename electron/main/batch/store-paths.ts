import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';

/** Ids that become folder and file names: no separators, no dots, so no way out of the store. */
export const STORE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** A stored file's path relative to the data dir: `cases/<caseId>/<documentId>.pdf` or `batches/<jobId>.pdf`. */
export const STORE_REL_PATH = /^(cases\/[A-Za-z0-9_-]{1,100}\/[A-Za-z0-9_-]{1,100}|batches\/[A-Za-z0-9_-]{1,100})\.pdf$/;

export function caseFileRelPath(caseId: string, documentId: string): string {
  if (!STORE_ID.test(caseId) || !STORE_ID.test(documentId)) throw new Error('Unsafe case or document id');
  return `cases/${caseId}/${documentId}.pdf`;
}

export function mergedRelPath(jobId: string): string {
  if (!STORE_ID.test(jobId)) throw new Error('Unsafe job id');
  return `batches/${jobId}.pdf`;
}

/** The absolute path of a stored file; refuses anything that is not one of the store's own shapes. */
export function storePath(dataDir: string, relPath: string): string {
  if (!STORE_REL_PATH.test(relPath)) throw new Error(`Not a stored file: ${relPath}`);
  const root = path.resolve(dataDir);
  const full = path.resolve(root, ...relPath.split('/'));
  if (!full.startsWith(root + path.sep)) throw new Error(`Outside the store: ${relPath}`);
  return full;
}

/**
 * A stored file to read (a merge source), with the checks documents get (documents/store-path): the shape
 * above, no symbolic link at any step from the data dir to the file, and a real path inside the data dir.
 * A link planted in the store could otherwise make a merge read, and hand back, any file the user can read.
 */
export async function resolveStoredFile(dataDir: string, relPath: string): Promise<string> {
  const full = storePath(dataDir, relPath);
  const root = path.resolve(dataDir);
  let step = root;
  for (const part of relPath.split('/')) {
    step = path.join(step, part);
    const info = await lstat(step);
    if (info.isSymbolicLink()) throw new Error(`Refusing a link in the store: ${relPath}`);
  }
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(full)]);
  const rel = path.relative(realRoot, realFile);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`Outside the store: ${relPath}`);
  if (!(await lstat(realFile)).isFile()) throw new Error(`Not a file: ${relPath}`);
  return realFile;
}
