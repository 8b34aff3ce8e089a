import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { canonicalJson } from '../../../shared/transfer/canonical';
import {
  bundleManifestSchema,
  checkRecords,
  countRecords,
  TRANSFER_FORMAT,
  TRANSFER_FORMAT_VERSION,
  TRANSFER_LIMITS,
  type BundleManifest,
  type BundleRecord,
  type BundleRefusal,
  type BundleSource,
  type Checked,
} from '../../../shared/transfer/bundle';
import { sniffType } from '../attachments/sniff';
import { readSealedFile, SealedFileError, writeSealedFile, type WriteSealedOptions } from '../crypto/sealed-file';
import { openStream, SealedFileWriter } from '../crypto/file-cipher';

/**
 * The transfer bundle on disk: a sealed file whose manifest lists every record with its content hash and
 * every attachment with its size, followed by the records as one JSON document and the attachment files'
 * bytes in manifest order.
 */

export const recordHash = (row: unknown): string => createHash('sha256').update(canonicalJson(row), 'utf8').digest('hex');

export interface BundleInput {
  bundleId: string;
  createdAt: string;
  source: BundleSource;
  appVersion: string;
  schemaVersion: number;
  records: BundleRecord[];
  /**
   * Attachment files by content hash, already checked to be in the store; `bytes` is the plain size. A file sealed
   * at rest names the key that opens it (`contentKey`), so the bundle carries the plain content.
   */
  attachments: { sha256: string; path: string; bytes: number; contentKey?: Buffer }[];
}

export type BuildResult = Checked<{ manifest: BundleManifest; recordsJson: Buffer }>;

/** The manifest and records part for `input`, checked exactly as a reader will check them. */
export function buildBundle(input: BundleInput): BuildResult {
  const recordsJson = Buffer.from(JSON.stringify({ records: input.records }), 'utf8');
  if (recordsJson.length > TRANSFER_LIMITS.recordsBytes) return { ok: false, reason: 'too_large' };
  const manifest: BundleManifest = {
    format: TRANSFER_FORMAT,
    formatVersion: TRANSFER_FORMAT_VERSION,
    bundleId: input.bundleId,
    createdAt: input.createdAt,
    source: input.source,
    appVersion: input.appVersion,
    schemaVersion: input.schemaVersion,
    counts: countRecords(input.records),
    entries: input.records.map((r) => ({ table: r.table, key: r.key, hash: recordHash(r.row) })),
    attachments: input.attachments.map((a) => ({ sha256: a.sha256, bytes: a.bytes })),
    recordsBytes: recordsJson.length,
  };
  // The sealed file keeps its manifest in one record, which has a size limit.
  if (Buffer.byteLength(JSON.stringify(manifest)) > TRANSFER_LIMITS.manifestBytes) return { ok: false, reason: 'too_large' };
  const parsed = bundleManifestSchema.safeParse(manifest);
  if (!parsed.success) return { ok: false, reason: 'invalid_records', detail: parsed.error.issues[0]?.path.join('.') };
  const checked = checkRecords(manifest, JSON.parse(recordsJson.toString('utf8')));
  if (!checked.ok) return checked;
  return { ok: true, value: { manifest, recordsJson } };
}

export async function writeBundle(target: string, passphrase: string, built: { manifest: BundleManifest; recordsJson: Buffer }, files: BundleInput['attachments'], options?: WriteSealedOptions) {
  async function* parts(): AsyncGenerator<Uint8Array> {
    yield built.recordsJson;
    for (const file of files) {
      let sent = 0;
      const raw = createReadStream(file.path, { highWaterMark: 1024 * 1024 });
      for await (const chunk of file.contentKey ? openStream(file.contentKey, raw) : raw) {
        sent += (chunk as Buffer).length;
        if (sent > file.bytes) throw new Error(`attachment ${file.sha256} grew while being read`);
        yield chunk as Buffer;
      }
      if (sent !== file.bytes) throw new Error(`attachment ${file.sha256} shrank while being read`);
    }
  }
  return writeSealedFile(target, passphrase, built.manifest, parts(), options);
}

/** Pulls exact byte counts out of a stream of chunks. */
class ExactReader {
  private buffered: Buffer = Buffer.alloc(0);
  private done = false;
  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  private async more(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.source.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buffered = this.buffered.length === 0 ? Buffer.from(next.value) : Buffer.concat([this.buffered, next.value]);
    return true;
  }

  /** Hands `length` bytes to `sink` piece by piece; false when the stream ended first. */
  async pipe(length: number, sink: (piece: Buffer) => Promise<void> | void): Promise<boolean> {
    let left = length;
    while (left > 0) {
      if (this.buffered.length === 0 && !(await this.more())) return false;
      const piece = this.buffered.subarray(0, Math.min(left, this.buffered.length));
      this.buffered = this.buffered.subarray(piece.length);
      left -= piece.length;
      await sink(piece);
    }
    return true;
  }

  async atEnd(): Promise<boolean> {
    return this.buffered.length === 0 && !(await this.more());
  }

  async close(): Promise<void> {
    await this.source.return?.();
  }
}

const SEALED_REFUSALS: Record<SealedFileError['code'], BundleRefusal> = {
  NOT_SEALED: 'not_bundle',
  WRONG_PASSPHRASE: 'wrong_passphrase',
  CORRUPT: 'corrupt',
  TRUNCATED: 'truncated',
  UNSUPPORTED_VERSION: 'unsupported_version',
};

function refusalOf(error: unknown): Checked<never> {
  if (error instanceof SealedFileError) return { ok: false, reason: SEALED_REFUSALS[error.code] };
  return { ok: false, reason: 'corrupt', detail: error instanceof Error ? error.message.slice(0, 200) : undefined };
}

function checkManifest(raw: unknown): Checked<BundleManifest> {
  const parsed = bundleManifestSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const head = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (head && typeof head === 'object' && head.format === TRANSFER_FORMAT && head.formatVersion !== TRANSFER_FORMAT_VERSION) {
    return { ok: false, reason: 'unsupported_version' };
  }
  if (!head || typeof head !== 'object' || head.format !== TRANSFER_FORMAT) return { ok: false, reason: 'not_bundle' };
  return { ok: false, reason: 'corrupt', detail: parsed.error.issues[0]?.path.join('.') };
}

/** The type of a staged file by its first bytes, as attachments:add decides it (a PDF header may start late). */
/** Bytes the type sniffer looks at (a PDF header may start within the first kilobyte). */
const SNIFF_BYTES = 1100;

export interface OpenedBundle {
  manifest: BundleManifest;
  records: BundleRecord[];
  /** Staged attachment files by content hash (verified). */
  files: Map<string, string>;
}

/**
 * Opens, decrypts and verifies a bundle: manifest shape, every record's shape and hash, every attachment's
 * size and SHA-256 (streamed into `stagingDir`, never held whole), and nothing after the last attachment.
 * Total: every failure is a typed refusal, never an exception; memory stays bounded by the record limits.
 */
/**
 * Opens and checks a bundle, staging its files in `stagingDir`. With `contentKey` the staged files are sealed as
 * the stores keep them (crypto/file-cipher.ts), so nothing of the bundle lies plain on disk while it is reviewed.
 */
export async function readBundle(file: string, passphrase: string, stagingDir: string, contentKey?: Buffer): Promise<Checked<OpenedBundle>> {
  try {
    const size = (await stat(file)).size;
    if (size > TRANSFER_LIMITS.fileBytes) return { ok: false, reason: 'too_large' };
  } catch {
    return { ok: false, reason: 'not_bundle' };
  }
  let sealed: Awaited<ReturnType<typeof readSealedFile>>;
  try {
    sealed = await readSealedFile(file, passphrase);
  } catch (error) {
    return refusalOf(error);
  }
  const reader = new ExactReader(sealed.parts[Symbol.asyncIterator]());
  try {
    const manifest = checkManifest(sealed.manifest);
    if (!manifest.ok) return manifest;
    const { recordsBytes, entries, attachments } = manifest.value;
    const pieces: Buffer[] = [];
    if (!(await reader.pipe(recordsBytes, (piece) => void pieces.push(piece)))) return { ok: false, reason: 'corrupt', detail: 'records' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.concat(pieces).toString('utf8'));
    } catch {
      return { ok: false, reason: 'invalid_records', detail: 'json' };
    }
    const records = checkRecords(manifest.value, parsed);
    if (!records.ok) return records;
    const counts = countRecords(records.value);
    for (const [table, count] of Object.entries({ ...counts, ...manifest.value.counts })) {
      if ((counts as Record<string, number>)[table] !== count || (manifest.value.counts as Record<string, number>)[table] !== count) {
        return { ok: false, reason: 'invalid_records', detail: `counts.${table}` };
      }
    }
    for (let i = 0; i < entries.length; i++) {
      if (recordHash(records.value[i]!.row) !== entries[i]!.hash) return { ok: false, reason: 'hash_mismatch', detail: `records.${i}` };
    }
    await mkdir(stagingDir, { recursive: true });
    const files = new Map<string, string>();
    for (const attachment of attachments) {
      const target = path.join(stagingDir, attachment.sha256);
      const hash = createHash('sha256');
      // The type is decided by the first bytes, kept here so a sealed staged file need not be opened again.
      let head = Buffer.alloc(0);
      const sink = contentKey ? await SealedFileWriter.create(target, contentKey) : null;
      let handle: FileHandle | null = sink ? null : await open(target, 'w');
      let complete = false;
      try {
        complete = await reader.pipe(attachment.bytes, async (piece) => {
          hash.update(piece);
          if (head.length < SNIFF_BYTES) head = Buffer.concat([head, piece.subarray(0, SNIFF_BYTES - head.length)]);
          if (sink) await sink.write(piece);
          else await handle!.write(piece);
        });
        if (sink) await sink.finish();
        else await handle!.close();
        handle = null;
      } catch (error) {
        await sink?.abort();
        throw error;
      } finally {
        await handle?.close().catch(() => undefined);
      }
      if (!complete) return { ok: false, reason: 'corrupt', detail: 'attachments' };
      if (hash.digest('hex') !== attachment.sha256) return { ok: false, reason: 'hash_mismatch', detail: `attachments.${attachment.sha256}` };
      // The same content check attachments:add makes: an executable named as a letter never reaches the store.
      if (!sniffType(head)) return { ok: false, reason: 'unsupported_file', detail: `attachments.${attachment.sha256}` };
      files.set(attachment.sha256, target);
    }
    if (!(await reader.atEnd())) return { ok: false, reason: 'corrupt', detail: 'trailing' };
    return { ok: true, value: { manifest: manifest.value, records: records.value, files } };
  } catch (error) {
    return refusalOf(error);
  } finally {
    await reader.close().catch(() => undefined);
    await sealed.close().catch(() => undefined);
  }
}
