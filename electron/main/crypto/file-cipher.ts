import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Files main keeps at rest (scans, generated letters, merged batches, staging) are sealed with a key derived from
 * the data key the signed-in session unwrapped, so a copied data folder reads as noise without a password.
 *
 * Layout: header = "ARYZENC" | u8 version | salt[32] | u32 chunkSize (44 bytes), then records of
 * ciphertext ‖ tag[16]; every record but the last holds exactly chunkSize plain bytes, the last holds fewer
 * (possibly none), so truncation at a record boundary is caught. Each file has its own key, HKDF(files key, salt),
 * so nonces (the record index and a final flag) never repeat under one key; the header and the index are
 * authenticated with every record, so records cannot be reordered, dropped, or moved between files.
 * The header's version tells files written before encryption (plain) apart: they never start with the magic.
 */

export const FILE_MAGIC = Buffer.from('ARYZENC', 'ascii');
export const FILE_FORMAT_VERSION = 1;
const SALT_BYTES = 32;
export const FILE_HEADER_BYTES = FILE_MAGIC.length + 1 + SALT_BYTES + 4;
const TAG_BYTES = 16;
export const FILE_CHUNK_BYTES = 256 * 1024;
const MIN_CHUNK = 1024;
const MAX_CHUNK = 16 * 1024 * 1024;

/** Owner-only: other accounts on the PC cannot even read the ciphertext. Ignored where the OS has no such modes. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export class FileCipherError extends Error {
  constructor(readonly code: 'CORRUPT' | 'TRUNCATED' | 'UNSUPPORTED_VERSION' | 'WRONG_KEY') {
    super(code);
    this.name = 'FileCipherError';
  }
}

/** The keys main derives from the data key; none is ever written. */
export interface FileKeys {
  /** Seals file contents. */
  content: Buffer;
  /** Names content-addressed files: HMAC of the plain SHA-256, so a known scan's hash cannot be looked up on disk. */
  names: Buffer;
  /** Seals backups when no backup passphrase is set. */
  backup: Buffer;
}

const derive = (key: Uint8Array, info: string, salt: Uint8Array = Buffer.alloc(0)) => Buffer.from(hkdfSync('sha256', key, salt, info, 32));

export function deriveFileKeys(dataKey: Uint8Array): FileKeys {
  return { content: derive(dataKey, 'aryz/files/v1/content'), names: derive(dataKey, 'aryz/files/v1/names'), backup: derive(dataKey, 'aryz/backup/v1') };
}

/** The on-disk name of a content-addressed file whose plain content has this SHA-256. */
export function sealedName(keys: FileKeys, sha256: string): string {
  return createHmac('sha256', keys.names).update(sha256, 'utf8').digest('hex');
}

export function isSealed(head: Uint8Array): boolean {
  return head.length >= FILE_MAGIC.length && Buffer.from(head.buffer, head.byteOffset, FILE_MAGIC.length).equals(FILE_MAGIC);
}

/** Bytes a sealed file of `plainBytes` takes: a duplicate is recognised by size without decrypting it. */
export function sealedSize(plainBytes: number, chunk = FILE_CHUNK_BYTES): number {
  return FILE_HEADER_BYTES + plainBytes + (Math.floor(plainBytes / chunk) + 1) * TAG_BYTES;
}

function nonce(index: number, final: boolean): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(BigInt(index), 0);
  iv.writeUInt32BE(final ? 1 : 0, 8);
  return iv;
}

function aad(header: Buffer, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index), 0);
  tail.writeUInt8(final ? 1 : 0, 8);
  return Buffer.concat([header, tail]);
}

function newHeader(chunk: number): { header: Buffer; salt: Buffer } {
  const salt = randomBytes(SALT_BYTES);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(chunk);
  return { header: Buffer.concat([FILE_MAGIC, Buffer.from([FILE_FORMAT_VERSION]), salt, size]), salt };
}

function parseHeader(header: Buffer): { salt: Buffer; chunk: number } {
  if (header.length < FILE_HEADER_BYTES) throw new FileCipherError('TRUNCATED');
  if (!isSealed(header)) throw new FileCipherError('CORRUPT');
  const version = header.readUInt8(FILE_MAGIC.length);
  if (version !== FILE_FORMAT_VERSION) throw new FileCipherError('UNSUPPORTED_VERSION');
  const salt = header.subarray(FILE_MAGIC.length + 1, FILE_MAGIC.length + 1 + SALT_BYTES);
  const chunk = header.readUInt32BE(FILE_HEADER_BYTES - 4);
  if (chunk < MIN_CHUNK || chunk > MAX_CHUNK) throw new FileCipherError('CORRUPT');
  return { salt, chunk };
}

function sealRecord(fileKey: Buffer, header: Buffer, index: number, final: boolean, plain: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', fileKey, nonce(index, final));
  cipher.setAAD(aad(header, index, final));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function openRecord(fileKey: Buffer, header: Buffer, index: number, final: boolean, record: Buffer): Buffer {
  if (record.length < TAG_BYTES) throw new FileCipherError('TRUNCATED');
  const decipher = createDecipheriv('aes-256-gcm', fileKey, nonce(index, final));
  decipher.setAAD(aad(header, index, final));
  decipher.setAuthTag(record.subarray(record.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(record.subarray(0, record.length - TAG_BYTES)), decipher.final()]);
  } catch {
    // A wrong key and a damaged record look the same to GCM; the first record tells which is likelier.
    throw new FileCipherError(index === 0 ? 'WRONG_KEY' : 'CORRUPT');
  }
}

/**
 * The sealing core, push-style: bytes go in as they come, records come out; memory holds one chunk.
 * A full chunk goes out only once more data follows, so the last record is always the short, final one.
 */
export class Sealer {
  readonly header: Buffer;
  private readonly fileKey: Buffer;
  private readonly pending: Buffer;
  private filled = 0;
  private index = 0;
  private ended = false;

  constructor(contentKey: Buffer, private readonly chunk = FILE_CHUNK_BYTES) {
    const { header, salt } = newHeader(chunk);
    this.header = header;
    this.fileKey = derive(contentKey, 'aryz/file', salt);
    this.pending = Buffer.alloc(chunk);
  }

  push(part: Uint8Array): Buffer[] {
    if (this.ended) throw new Error('Sealer already ended');
    const out: Buffer[] = [];
    let offset = 0;
    while (offset < part.length) {
      if (this.filled === this.chunk) {
        out.push(sealRecord(this.fileKey, this.header, this.index++, false, this.pending));
        this.filled = 0;
      }
      const take = Math.min(this.chunk - this.filled, part.length - offset);
      this.pending.set(part.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
    }
    return out;
  }

  end(): Buffer[] {
    const out: Buffer[] = [];
    if (this.filled === this.chunk) {
      out.push(sealRecord(this.fileKey, this.header, this.index++, false, this.pending));
      this.filled = 0;
    }
    out.push(sealRecord(this.fileKey, this.header, this.index, true, this.pending.subarray(0, this.filled)));
    this.ended = true;
    this.fileKey.fill(0);
    this.pending.fill(0);
    return out;
  }
}

/** Seals a stream chunk by chunk; the output starts with the header. */
export async function* sealStream(contentKey: Buffer, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, chunk = FILE_CHUNK_BYTES): AsyncGenerator<Buffer> {
  const sealer = new Sealer(contentKey, chunk);
  yield sealer.header;
  for await (const part of source) yield* sealer.push(part);
  yield* sealer.end();
}

/**
 * A sealed file written as data arrives (backup and restore staging), owner-only, created exclusively.
 * `finish` writes the final record and syncs; `abort` removes the file.
 */
export class SealedFileWriter {
  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    private readonly sealer: Sealer,
  ) {}

  static async create(file: string, contentKey: Buffer): Promise<SealedFileWriter> {
    const handle = await open(file, 'wx', PRIVATE_FILE_MODE);
    const writer = new SealedFileWriter(file, handle, new Sealer(contentKey));
    try {
      await writer.emit([writer.sealer.header]);
    } catch (error) {
      await writer.abort();
      throw error;
    }
    return writer;
  }

  private async emit(records: Buffer[]): Promise<void> {
    for (const data of records) {
      let offset = 0;
      while (offset < data.length) offset += (await this.handle.write(data, offset, data.length - offset)).bytesWritten;
    }
  }

  write(data: Uint8Array): Promise<void> {
    return this.emit(this.sealer.push(data));
  }

  async finish(): Promise<void> {
    await this.emit(this.sealer.end());
    await this.handle.sync();
    await this.handle.close();
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await unlink(this.file).catch(() => undefined);
  }
}

/** Opens a sealed stream; throws FileCipherError on damage, truncation, or a key that does not fit. */
export async function* openStream(contentKey: Buffer, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Buffer> {
  // One buffer and a read offset: records are views into it, so a large single input is never copied per record.
  let buffer: Buffer = Buffer.alloc(0);
  let offset = 0;
  const size = () => buffer.length - offset;
  const take = (n: number): Buffer => {
    const out = buffer.subarray(offset, offset + n);
    offset += n;
    return out;
  };
  let header: Buffer | null = null;
  let fileKey: Buffer | null = null;
  let chunk = 0;
  let index = 0;
  for await (const part of source) {
    const incoming = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    buffer = size() === 0 ? incoming : Buffer.concat([buffer.subarray(offset), incoming]);
    offset = 0;
    if (!header) {
      if (size() < FILE_HEADER_BYTES) continue;
      header = Buffer.from(take(FILE_HEADER_BYTES));
      const parsed = parseHeader(header);
      chunk = parsed.chunk;
      fileKey = derive(contentKey, 'aryz/file', parsed.salt);
    }
    // Strictly more than a full record buffered: the full record cannot be the final one.
    while (size() > chunk + TAG_BYTES) yield openRecord(fileKey!, header, index++, false, take(chunk + TAG_BYTES));
  }
  if (!header) throw new FileCipherError('TRUNCATED');
  // A full record at the very end is not final: the final record is missing.
  if (size() === chunk + TAG_BYTES) throw new FileCipherError('TRUNCATED');
  yield openRecord(fileKey!, header, index, true, take(size()));
  fileKey!.fill(0);
}

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

export function sealBytes(contentKey: Buffer, plain: Uint8Array): Promise<Buffer> {
  return collect(sealStream(contentKey, [plain]));
}

export function openBytes(contentKey: Buffer, sealed: Uint8Array): Promise<Buffer> {
  return collect(openStream(contentKey, [sealed]));
}

/** Creates a folder only the owner may enter (mode applies when it is created). */
export async function mkdirPrivate(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Writes `chunks` to a temp file beside `target` (owner-only) and renames it over the target once synced: a crash
 * leaves the old file or the new one, never a torn one. Each write has its own temp name.
 */
export async function writeFileAtomicPrivate(target: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<number> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
  let bytes = 0;
  const handle = await open(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    for await (const data of chunks) {
      let offset = 0;
      while (offset < data.length) offset += (await handle.write(data, offset, data.length - offset)).bytesWritten;
      bytes += data.length;
    }
    await handle.sync();
    await handle.close();
    await rename(temp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return bytes;
}

/** Seals `plain` into `target` atomically, owner-only. Answers the bytes written. */
export function writeSealedBytes(target: string, contentKey: Buffer, plain: Uint8Array): Promise<number> {
  return writeFileAtomicPrivate(target, sealStream(contentKey, [plain]));
}

/**
 * A file main wrote: its plain bytes, and whether it was still plain on disk (written before encryption; the
 * caller migrates it).
 */
export async function readMaybeSealed(file: string, contentKey: Buffer): Promise<{ bytes: Buffer; wasPlain: boolean }> {
  const data = await readFile(file);
  if (!isSealed(data)) return { bytes: data, wasPlain: true };
  return { bytes: await openBytes(contentKey, data), wasPlain: false };
}
