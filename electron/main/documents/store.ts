import { createHash } from 'node:crypto';
import { lstat, mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../save-file';

/**
 * The store of generated PDFs, and the one convention for naming them. A case's documents live in
 * `<dataDir>/cases/<caseId>/<documentId>.pdf` and are named everywhere outside this module — IPC answers,
 * the batch's results, the register in IndexedDB — by the part after `cases/`: `<caseId>/<documentId>.pdf`.
 * Single and batch generation both store through `storeCaseDocument`. The merged copy of a batch is not a
 * case's document: it lives in `<dataDir>/batches/<jobId>.pdf` and the page names it only by its job id.
 *
 * A name from the page cannot reach anything else: no absolute paths, no `..`, no other separators, and no
 * symbolic link anywhere between `cases` and the file (a link could point outside).
 */

export const CASES_DIR = 'cases';
const BATCHES_DIR = 'batches';
/** Ids that become folder and file names: no separators, no dots, so no way out of the store. */
export const STORE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SEGMENT = STORE_ID;
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

/** A stored PDF as the documents register records it. */
export interface StoredFile {
  /** `<caseId>/<documentId>.pdf` for a case's document (see above); `batches/<jobId>.pdf` for a merged copy, for the record only. */
  relPath: string;
  sha256: string;
  bytes: number;
  pages: number;
}

/** The name a case's document is known by outside main. */
export function caseDocumentPath(caseId: string, documentId: string): string {
  if (!STORE_ID.test(caseId) || !STORE_ID.test(documentId)) throw new StorePathError(`Unsafe case or document id: ${caseId}/${documentId}`);
  return `${caseId}/${documentId}.pdf`;
}

async function writeStored(target: string, relPath: string, file: { pdf: Uint8Array; pages: number }): Promise<StoredFile> {
  await writeFileAtomic(target, file.pdf);
  return { relPath, sha256: createHash('sha256').update(file.pdf).digest('hex'), bytes: file.pdf.byteLength, pages: file.pages };
}

/** Writes a case's document atomically (replacing an earlier file of the same document) and answers what the register keeps. */
export async function storeCaseDocument(dataDir: string, caseId: string, documentId: string, file: { pdf: Uint8Array; pages: number }): Promise<StoredFile> {
  const relPath = caseDocumentPath(caseId, documentId);
  const folder = await caseFolder(dataDir, caseId);
  return writeStored(path.join(folder, `${documentId}.pdf`), relPath, file);
}

/** The folder of merged batch copies (pruned after a week, see batch/prune.ts). */
export function batchesRoot(dataDir: string): string {
  return path.join(dataDir, BATCHES_DIR);
}

/** Where the merged copy of a batch merge job lives. */
export function mergedBatchFile(dataDir: string, jobId: string): string {
  if (!STORE_ID.test(jobId)) throw new StorePathError(`Unsafe job id: ${jobId}`);
  return path.join(batchesRoot(dataDir), `${jobId}.pdf`);
}

export async function storeMergedBatch(dataDir: string, jobId: string, file: { pdf: Uint8Array; pages: number }): Promise<StoredFile> {
  const target = mergedBatchFile(dataDir, jobId);
  await mkdir(path.dirname(target), { recursive: true });
  return writeStored(target, `${BATCHES_DIR}/${jobId}.pdf`, file);
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
