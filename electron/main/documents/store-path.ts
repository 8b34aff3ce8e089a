import { lstat, mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * Generated documents live in `<dataDir>/cases/<caseId>/<file>.pdf`. The page names one only by the part after
 * `cases/`; these checks make sure that name cannot reach anything else: no absolute paths, no `..`, no other
 * separators, and no symbolic link anywhere between `cases` and the file (a link could point outside).
 */

export const CASES_DIR = 'cases';
const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;
const FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.pdf$/;

export class StorePathError extends Error {
  override readonly name = 'StorePathError';
}

export function casesRoot(dataDir: string): string {
  return path.join(dataDir, CASES_DIR);
}

/** Splits and checks a relative path; throws StorePathError when it is not `<caseId>/<file>.pdf`. */
export function parseStoredPath(relPath: string): { caseId: string; file: string } {
  if (typeof relPath !== 'string' || relPath.length > 300 || path.isAbsolute(relPath) || path.win32.isAbsolute(relPath) || relPath.includes('\\') || relPath.includes('\0')) {
    throw new StorePathError(`Not a stored document path: ${String(relPath)}`);
  }
  const parts = relPath.split('/');
  if (parts.length !== 2 || !SEGMENT.test(parts[0]!) || !FILE.test(parts[1]!) || parts[1]!.includes('..')) {
    throw new StorePathError(`Not a stored document path: ${relPath}`);
  }
  return { caseId: parts[0]!, file: parts[1]! };
}

async function assertNoLink(target: string): Promise<boolean> {
  try {
    const stat = await lstat(target);
    if (stat.isSymbolicLink()) throw new StorePathError(`Refusing a link: ${target}`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * The absolute path of an existing stored document, or null when there is none. Throws StorePathError on a
 * path that tries to leave the store or goes through a link.
 */
export async function resolveStoredPdf(dataDir: string, relPath: string): Promise<string | null> {
  const { caseId, file } = parseStoredPath(relPath);
  const root = casesRoot(dataDir);
  const folder = path.join(root, caseId);
  const target = path.join(folder, file);
  for (const step of [root, folder, target]) {
    if (!(await assertNoLink(step))) return null;
  }
  const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(target)]);
  const rel = path.relative(realRoot, realTarget);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new StorePathError(`Outside the store: ${relPath}`);
  const stat = await lstat(realTarget);
  if (!stat.isFile()) throw new StorePathError(`Not a file: ${relPath}`);
  return realTarget;
}

/** Creates (if needed) and returns the folder of a case, refusing links on the way. */
export async function caseFolder(dataDir: string, caseId: string): Promise<string> {
  if (!SEGMENT.test(caseId)) throw new StorePathError(`Not a case id: ${caseId}`);
  const root = casesRoot(dataDir);
  const folder = path.join(root, caseId);
  await mkdir(folder, { recursive: true });
  await assertNoLink(root);
  await assertNoLink(folder);
  return folder;
}
