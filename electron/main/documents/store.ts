import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath, utimes } from 'node:fs/promises';
import path from 'node:path';
import { isSealed, mkdirPrivate, openBytes, writeSealedBytes } from '../crypto/file-cipher';

/**
 * The store of generated PDFs, and the one convention for naming them. A case's documents live in
 * `<dataDir>/cases/<caseId>/<documentId>.pdf` and are named everywhere outside this module — IPC answers,
 * the batch's results, the register in IndexedDB — by the part after `cases/`: `<caseId>/<documentId>.pdf`.
 * Single and batch generation both store through `storeCaseDocument`. The merged copy of a batch is not a
 * case's document: it lives in `<dataDir>/batches/<jobId>.pdf` and the page names it only by its job id.
 *
 * Every file is sealed with the session's content key (crypto/file-cipher.ts); the SHA-256 the register records is
 * that of the plain PDF, so it still identifies the letter. Files from before encryption are read as they are and
 * sealed in place by `migrateStoredPdfs`.
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

async function writeStored(target: string, relPath: string, file: { pdf: Uint8Array; pages: number }, contentKey: Buffer): Promise<StoredFile> {
  await writeSealedBytes(target, contentKey, file.pdf);
  return { relPath, sha256: createHash('sha256').update(file.pdf).digest('hex'), bytes: file.pdf.byteLength, pages: file.pages };
}

/** Writes a case's document atomically (replacing an earlier file of the same document) and answers what the register keeps. */
export async function storeCaseDocument(dataDir: string, caseId: string, documentId: string, file: { pdf: Uint8Array; pages: number }, contentKey: Buffer): Promise<StoredFile> {
  const relPath = caseDocumentPath(caseId, documentId);
  const folder = await caseFolder(dataDir, caseId);
  return writeStored(path.join(folder, `${documentId}.pdf`), relPath, file, contentKey);
}

/** The plain bytes of a file this store wrote (sealed, or plain from before encryption). */
export async function readStoredFile(file: string, contentKey: Buffer): Promise<Buffer> {
  const raw = await readFile(file);
  return isSealed(raw) ? openBytes(contentKey, raw) : raw;
}

/** A stored document's plain PDF, or null when there is none (path checks as resolveStoredPdf). */
export async function readStoredPdf(dataDir: string, relPath: string, contentKey: Buffer): Promise<Buffer | null> {
  const file = await resolveStoredPdf(dataDir, relPath);
  return file ? readStoredFile(file, contentKey) : null;
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

export async function storeMergedBatch(dataDir: string, jobId: string, file: { pdf: Uint8Array; pages: number }, contentKey: Buffer): Promise<StoredFile> {
  const target = mergedBatchFile(dataDir, jobId);
  await mkdirPrivate(path.dirname(target));
  return writeStored(target, `${BATCHES_DIR}/${jobId}.pdf`, file, contentKey);
}

/** Seals one plain file in place (atomically, keeping its time, which pruning reads); false if it was sealed already. */
async function sealInPlace(file: string, contentKey: Buffer): Promise<boolean> {
  const info = await lstat(file).catch(() => null);
  if (!info?.isFile()) return false;
  const raw = await readFile(file);
  if (isSealed(raw)) return false;
  await writeSealedBytes(file, contentKey, raw);
  await utimes(file, info.atime, info.mtime).catch(() => undefined);
  return true;
}

/**
 * Seals every case document and merged batch copy still plain from before encryption. Each file is replaced by
 * an atomic rename, so an interruption leaves it plain or sealed and a second run finishes the rest.
 */
export async function migrateStoredPdfs(dataDir: string, contentKey: Buffer): Promise<number> {
  let sealed = 0;
  const root = casesRoot(dataDir);
  for (const caseId of await readdir(root).catch(() => [] as string[])) {
    if (!SEGMENT.test(caseId)) continue;
    const folder = path.join(root, caseId);
    if (!(await lstat(folder).then((s) => s.isDirectory(), () => false))) continue;
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (FILE.test(name) && (await sealInPlace(path.join(folder, name), contentKey))) sealed++;
    }
  }
  for (const name of await readdir(batchesRoot(dataDir)).catch(() => [] as string[])) {
    if (FILE.test(name) && (await sealInPlace(path.join(batchesRoot(dataDir), name), contentKey))) sealed++;
  }
  return sealed;
}

/** Creates (if needed) and returns the folder of a case, refusing links on the way. */
export async function caseFolder(dataDir: string, caseId: string): Promise<string> {
  if (!SEGMENT.test(caseId)) throw new StorePathError(`Not a case id: ${caseId}`);
  const root = casesRoot(dataDir);
  const folder = path.join(root, caseId);
  await mkdirPrivate(folder);
  await assertNoLink(root);
  await assertNoLink(folder);
  return folder;
}
