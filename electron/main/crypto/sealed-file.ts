import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * A passphrase-sealed container for backups.
 *
 * Layout (all integers big-endian):
 *   header  = "ARYZSEAL" | u16 formatVersion | u32 paramsLength | params JSON | verifier[32] | checksum[32]
 *   record* = u8 flags | u32 plaintextLength | ciphertext | tag[16]
 *
 * - params JSON holds the KDF (scrypt N, r, p, salt), the chunk size and a per-file nonce prefix.
 * - checksum = sha256(everything before it) tells a damaged header apart from a wrong passphrase.
 * - verifier = HMAC-SHA256(second half of the derived key, header prefix) tells a wrong passphrase apart
 *   from damaged records without decrypting anything.
 * - Every record is AES-256-GCM with nonce = prefix ‖ u64 index and AAD = checksum ‖ u64 index ‖ flags ‖ length,
 *   so a flipped bit, a swapped or dropped record or a moved "final" flag all fail authentication.
 * - Record 0 is the manifest (flag MANIFEST); the last record carries flag FINAL. A file that ends before a FINAL
 *   record is truncated; bytes after it are corruption.
 */

export type SealedFileErrorCode = 'NOT_SEALED' | 'WRONG_PASSPHRASE' | 'CORRUPT' | 'TRUNCATED' | 'UNSUPPORTED_VERSION';

export class SealedFileError extends Error {
  readonly code: SealedFileErrorCode;
  constructor(code: SealedFileErrorCode, message?: string) {
    super(message ?? code);
    this.name = 'SealedFileError';
    this.code = code;
  }
}

export const SEALED_MAGIC = Buffer.from('ARYZSEAL', 'ascii');
export const SEALED_FORMAT_VERSION = 1;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** 2^17 × 8 × 128 B = 128 MiB and roughly half a second per derivation on an office PC. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
/** Largest scrypt memory (128·N·r bytes) and work (N·r·p) a file's header may ask for: twice the default. */
export const MAX_KDF_MEMORY_BYTES = 2 * 128 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r;
export const MAX_KDF_WORK = 2 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r * DEFAULT_SCRYPT.p;

let defaultKdf: ScryptParams = DEFAULT_SCRYPT;

/**
 * Tests that seal thousands of files (the channel fuzzer) set a cheaper key derivation; the app never calls
 * this, so every file it writes uses DEFAULT_SCRYPT. Readers take the parameters from each file's header.
 */
export function setSealingKdfForTests(params: ScryptParams): void {
  defaultKdf = params;
}

/** The minimal file surface the writer needs; tests swap it to simulate a full disk. */
export interface SealedWriterFile {
  write(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface WriteSealedOptions {
  kdf?: ScryptParams;
  chunkSize?: number;
  openFile?: (tempPath: string) => Promise<SealedWriterFile>;
}

const FLAG_FINAL = 0x01;
const FLAG_MANIFEST = 0x02;
const KNOWN_FLAGS = FLAG_FINAL | FLAG_MANIFEST;
const TAG_BYTES = 16;
const RECORD_HEAD_BYTES = 5;
const MAX_PARAMS_BYTES = 4096;
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
const MIN_CHUNK_SIZE = 1024;

interface ScryptHeaderParams {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  noncePrefix: string;
  chunkSize: number;
  cipher: 'aes-256-gcm';
}

/**
 * A file sealed by a key rather than a passphrase (a backup taken with no backup passphrase set: the key comes
 * from the installation's data key). `keyWrap` is what lets another installation open it: the data key wrapped
 * by the recovery key, as the accounts file keeps it. It opens nothing without that recovery key.
 */
interface KeyHeaderParams {
  kdf: 'hkdf-key';
  salt: string;
  noncePrefix: string;
  chunkSize: number;
  cipher: 'aes-256-gcm';
  keyWrap?: Record<string, unknown>;
}

type HeaderParams = ScryptHeaderParams | KeyHeaderParams;

/** What seals a file: a passphrase (scrypt), or a 32-byte key and the wrapping that recovers it elsewhere. */
export type SealingSecret = string | { key: Buffer; keyWrap?: Record<string, unknown> };

/**
 * What opens a file: a passphrase, or for key-sealed files the candidate keys (the session's own first, then
 * one recovered from `keyWrap` with what the user typed). The passphrase is also handed over for that.
 */
export interface OpeningSecret {
  passphrase: string;
  keysFor?: (keyWrap: Record<string, unknown> | undefined, passphrase: string) => Promise<Buffer[]>;
}

interface Keys {
  enc: Buffer;
  verify: Buffer;
}

function scryptAsync(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // Node's default maxmem (32 MiB) is below what N=2^17, r=8 needs.
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

async function deriveKeys(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Keys> {
  const key = await scryptAsync(passphrase, salt, params);
  return { enc: key.subarray(0, 32), verify: key.subarray(32, 64) };
}

/** A random key needs no stretching: HKDF splits it into the same two halves scrypt gives a passphrase. */
function keysFromKey(key: Buffer, salt: Buffer): Keys {
  const out = Buffer.from(hkdfSync('sha256', key, salt, 'aryz sealed file', 64));
  return { enc: out.subarray(0, 32), verify: out.subarray(32, 64) };
}

function validParams(value: unknown): HeaderParams | null {
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Record<string, unknown>;
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  if (p.kdf === 'hkdf-key' && p.cipher === 'aes-256-gcm') {
    if (!isInt(p.chunkSize) || p.chunkSize < MIN_CHUNK_SIZE || p.chunkSize > MAX_CHUNK_SIZE) return null;
    if (typeof p.salt !== 'string' || Buffer.from(p.salt, 'base64').length < 16) return null;
    if (typeof p.noncePrefix !== 'string' || Buffer.from(p.noncePrefix, 'base64').length !== 4) return null;
    if (p.keyWrap !== undefined && (typeof p.keyWrap !== 'object' || p.keyWrap === null || Array.isArray(p.keyWrap))) return null;
    return p as unknown as KeyHeaderParams;
  }
  if (p.kdf !== 'scrypt' || p.cipher !== 'aes-256-gcm') return null;
  if (!isInt(p.N) || p.N < 2 ** 10 || p.N > 2 ** 20 || (p.N & (p.N - 1)) !== 0) return null;
  if (!isInt(p.r) || p.r < 1 || p.r > 32) return null;
  if (!isInt(p.p) || p.p < 1 || p.p > 16) return null;
  // A hostile header must not cost more than the app's own files do: memory and work are capped at twice
  // the default before any derivation, so a refused file costs nothing and an accepted one about a second.
  if (128 * p.N * p.r > MAX_KDF_MEMORY_BYTES) return null;
  if (p.N * p.r * p.p > MAX_KDF_WORK) return null;
  if (!isInt(p.chunkSize) || p.chunkSize < MIN_CHUNK_SIZE || p.chunkSize > MAX_CHUNK_SIZE) return null;
  if (typeof p.salt !== 'string' || Buffer.from(p.salt, 'base64').length < 16) return null;
  if (typeof p.noncePrefix !== 'string' || Buffer.from(p.noncePrefix, 'base64').length !== 4) return null;
  return p as unknown as HeaderParams;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function nonceFor(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 4);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  return nonce;
}

function aadFor(checksum: Buffer, index: number, flags: number, length: number): Buffer {
  const aad = Buffer.alloc(32 + 8 + 1 + 4);
  checksum.copy(aad, 0);
  aad.writeBigUInt64BE(BigInt(index), 32);
  aad.writeUInt8(flags, 40);
  aad.writeUInt32BE(length, 41);
  return aad;
}

function sealRecord(keys: Keys, prefix: Buffer, checksum: Buffer, index: number, flags: number, plain: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', keys.enc, nonceFor(prefix, index));
  cipher.setAAD(aadFor(checksum, index, flags, plain.length));
  const head = Buffer.alloc(RECORD_HEAD_BYTES);
  head.writeUInt8(flags, 0);
  head.writeUInt32BE(plain.length, 1);
  const body = cipher.update(plain);
  const tail = cipher.final();
  return Buffer.concat([head, body, tail, cipher.getAuthTag()]);
}

async function nodeFile(tempPath: string): Promise<SealedWriterFile> {
  const handle = await open(tempPath, 'wx');
  return {
    write: async (data) => {
      let offset = 0;
      while (offset < data.length) {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset);
        offset += bytesWritten;
      }
    },
    sync: () => handle.sync(),
    close: () => handle.close(),
  };
}

/**
 * Encrypts `manifest` and the concatenated `parts` into `target`, through a temp file in the same folder that is
 * renamed over the target only after everything is written and synced. On any error the temp file is removed and
 * `target` (and every other file) is left as it was.
 */
export async function writeSealedFile(
  target: string,
  secret: SealingSecret,
  manifest: object,
  parts: AsyncIterable<Uint8Array>,
  options: WriteSealedOptions = {},
): Promise<{ bytes: number; sha256: string }> {
  if (typeof secret === 'string' && secret.length === 0) throw new Error('An empty passphrase cannot seal a file');
  if (typeof secret !== 'string' && secret.key.length !== 32) throw new Error('A sealing key has 32 bytes');
  const kdf = options.kdf ?? defaultKdf;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const salt = randomBytes(32);
  const noncePrefix = randomBytes(4);
  const common = { salt: salt.toString('base64'), noncePrefix: noncePrefix.toString('base64'), chunkSize, cipher: 'aes-256-gcm' as const };
  const params: HeaderParams =
    typeof secret === 'string'
      ? { kdf: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, ...common }
      : { kdf: 'hkdf-key', ...common, ...(secret.keyWrap ? { keyWrap: secret.keyWrap } : {}) };
  if (!validParams(params)) throw new Error('Sealed-file parameters out of range');
  const keys = typeof secret === 'string' ? await deriveKeys(secret, salt, kdf) : keysFromKey(secret.key, salt);

  const paramsBytes = Buffer.from(JSON.stringify(params), 'utf8');
  const version = Buffer.alloc(2);
  version.writeUInt16BE(SEALED_FORMAT_VERSION);
  const prefix = Buffer.concat([SEALED_MAGIC, version, u32(paramsBytes.length), paramsBytes]);
  const verifier = createHmac('sha256', keys.verify).update(prefix).digest();
  const checksum = createHash('sha256').update(prefix).update(verifier).digest();
  const header = Buffer.concat([prefix, verifier, checksum]);

  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  if (manifestBytes.length > MAX_MANIFEST_BYTES) throw new Error('Manifest too large');

  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const fileHash = createHash('sha256');
  let bytes = 0;
  let file: SealedWriterFile | null = null;
  const emit = async (data: Buffer) => {
    await file!.write(data);
    fileHash.update(data);
    bytes += data.length;
  };
  try {
    file = await (options.openFile ?? nodeFile)(temp);
    await emit(header);
    let index = 0;
    await emit(sealRecord(keys, noncePrefix, checksum, index++, FLAG_MANIFEST, manifestBytes));

    // One fixed buffer: memory stays at one chunk however large the parts are.
    const pending = Buffer.alloc(chunkSize);
    let filled = 0;
    for await (const part of parts) {
      let offset = 0;
      while (offset < part.length) {
        if (filled === chunkSize) {
          // A full chunk goes out only once more data is known to follow, so the last chunk can carry FINAL.
          await emit(sealRecord(keys, noncePrefix, checksum, index++, 0, pending));
          filled = 0;
        }
        const take = Math.min(chunkSize - filled, part.length - offset);
        pending.set(part.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
      }
    }
    await emit(sealRecord(keys, noncePrefix, checksum, index, FLAG_FINAL, pending.subarray(0, filled)));
    await file.sync();
    await file.close();
    file = null;
    await rename(temp, target);
  } catch (error) {
    if (file) await file.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return { bytes, sha256: fileHash.digest('hex') };
}

/** Sequential reads with exact-length semantics; a short read means the file ended. */
class ExactReader {
  private position = 0;
  constructor(private readonly handle: FileHandle) {}

  async read(length: number): Promise<Buffer | null> {
    const buffer = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await this.handle.read(buffer, got, length - got, this.position);
      if (bytesRead === 0) break;
      got += bytesRead;
      this.position += bytesRead;
    }
    return got === length ? buffer : got === 0 ? null : buffer.subarray(0, got);
  }

  async atEnd(): Promise<boolean> {
    const probe = Buffer.alloc(1);
    const { bytesRead } = await this.handle.read(probe, 0, 1, this.position);
    return bytesRead === 0;
  }
}

async function readExact(reader: ExactReader, length: number): Promise<Buffer> {
  const data = await reader.read(length);
  if (!data || data.length < length) throw new SealedFileError('TRUNCATED');
  return data;
}

interface OpenedHeader {
  params: HeaderParams;
  keys: Keys;
  checksum: Buffer;
  noncePrefix: Buffer;
}

async function readHeader(reader: ExactReader, secret: string | OpeningSecret): Promise<OpenedHeader> {
  const opening = typeof secret === 'string' ? { passphrase: secret } : secret;
  const magic = await reader.read(SEALED_MAGIC.length);
  if (!magic || magic.length < SEALED_MAGIC.length || !magic.equals(SEALED_MAGIC)) throw new SealedFileError('NOT_SEALED');
  const fixed = await readExact(reader, 6);
  const version = fixed.readUInt16BE(0);
  if (version > SEALED_FORMAT_VERSION) throw new SealedFileError('UNSUPPORTED_VERSION', `Format version ${version}`);
  if (version < 1) throw new SealedFileError('CORRUPT');
  const paramsLength = fixed.readUInt32BE(2);
  if (paramsLength === 0 || paramsLength > MAX_PARAMS_BYTES) throw new SealedFileError('CORRUPT');
  const paramsBytes = await readExact(reader, paramsLength);
  const verifier = await readExact(reader, 32);
  const checksum = await readExact(reader, 32);
  const prefix = Buffer.concat([magic, fixed, paramsBytes]);
  const expected = createHash('sha256').update(prefix).update(verifier).digest();
  if (!timingSafeEqual(expected, checksum)) throw new SealedFileError('CORRUPT', 'Header checksum mismatch');
  let parsed: unknown;
  try {
    parsed = JSON.parse(paramsBytes.toString('utf8'));
  } catch {
    throw new SealedFileError('CORRUPT');
  }
  const params = validParams(parsed);
  if (!params) throw new SealedFileError('UNSUPPORTED_VERSION', 'Unknown sealed-file parameters');
  const salt = Buffer.from(params.salt, 'base64');
  const fits = (keys: Keys) => timingSafeEqual(createHmac('sha256', keys.verify).update(prefix).digest(), verifier);
  const opened = (keys: Keys): OpenedHeader => ({ params, keys, checksum, noncePrefix: Buffer.from(params.noncePrefix, 'base64') });
  if (params.kdf === 'hkdf-key') {
    for (const key of (await opening.keysFor?.(params.keyWrap, opening.passphrase)) ?? []) {
      const keys = keysFromKey(key, salt);
      if (fits(keys)) return opened(keys);
    }
    throw new SealedFileError('WRONG_PASSPHRASE');
  }
  const keys = await deriveKeys(opening.passphrase, salt, params);
  if (!fits(keys)) throw new SealedFileError('WRONG_PASSPHRASE');
  return opened(keys);
}

async function openRecord(
  reader: ExactReader,
  header: OpenedHeader,
  index: number,
  maxLength: number,
): Promise<{ flags: number; plain: Buffer } | null> {
  const head = await reader.read(RECORD_HEAD_BYTES);
  if (!head) return null;
  if (head.length < RECORD_HEAD_BYTES) throw new SealedFileError('TRUNCATED');
  const flags = head.readUInt8(0);
  const length = head.readUInt32BE(1);
  if ((flags & ~KNOWN_FLAGS) !== 0 || length > maxLength) throw new SealedFileError('CORRUPT');
  const body = await readExact(reader, length + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', header.keys.enc, nonceFor(header.noncePrefix, index));
  decipher.setAAD(aadFor(header.checksum, index, flags, length));
  decipher.setAuthTag(body.subarray(length));
  try {
    const plain = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
    return { flags, plain };
  } catch {
    throw new SealedFileError('CORRUPT', `Record ${index} failed authentication`);
  }
}

/**
 * Opens a sealed file: checks the header and passphrase and decrypts the manifest before returning. `parts` yields
 * the plaintext chunk by chunk and throws SealedFileError (CORRUPT / TRUNCATED) when it meets damage, so callers
 * must treat the data as provisional until the iteration completes. Finishing or abandoning the iteration closes the
 * file; `close()` is for callers that only wanted the manifest.
 */
export async function readSealedFile(
  filePath: string,
  secret: string | OpeningSecret,
): Promise<{ manifest: Record<string, unknown>; parts: AsyncIterable<Uint8Array>; close: () => Promise<void> }> {
  const handle = await open(filePath, 'r');
  let handedOver = false;
  try {
    const reader = new ExactReader(handle);
    const header = await readHeader(reader, secret);
    const first = await openRecord(reader, header, 0, MAX_MANIFEST_BYTES);
    if (!first) throw new SealedFileError('TRUNCATED');
    if ((first.flags & FLAG_MANIFEST) === 0 || (first.flags & FLAG_FINAL) !== 0) throw new SealedFileError('CORRUPT');
    let manifest: unknown;
    try {
      manifest = JSON.parse(first.plain.toString('utf8'));
    } catch {
      throw new SealedFileError('CORRUPT');
    }
    if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw new SealedFileError('CORRUPT');

    let started = false;
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    };
    const parts = async function* (): AsyncGenerator<Uint8Array> {
      if (started) throw new Error('A sealed file can be read once per open');
      started = true;
      try {
        for (let index = 1; ; index++) {
          const record = await openRecord(reader, header, index, header.params.chunkSize);
          if (!record) throw new SealedFileError('TRUNCATED');
          if ((record.flags & FLAG_MANIFEST) !== 0) throw new SealedFileError('CORRUPT');
          if (record.plain.length > 0) yield record.plain;
          if ((record.flags & FLAG_FINAL) !== 0) {
            if (!(await reader.atEnd())) throw new SealedFileError('CORRUPT', 'Data after the final record');
            return;
          }
        }
      } finally {
        await close();
      }
    };
    handedOver = true;
    return { manifest: manifest as Record<string, unknown>, parts: { [Symbol.asyncIterator]: () => parts() }, close };
  } finally {
    if (!handedOver) await handle.close();
  }
}
