import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * A passphrase-encrypted file: scrypt derives the key, AES-256-GCM seals the content in authenticated
 * chunks, and the last chunk is marked final, so a wrong passphrase, any changed byte, a cut-off file or
 * bytes appended are each detected. The manifest is sealed inside too (it names people's records).
 *
 * Same call shape as the backup's sealed-file module (CONTRACTS.md), so the two can be unified.
 *
 * Layout: "ARYZSEAL" | u32 header length | header JSON | chunks, each u32 ciphertext length | ciphertext | 16-byte tag.
 * Chunk i uses nonce = 8-byte random prefix ‖ u32 i and authenticates SHA-256(header) ‖ u32 i ‖ final flag.
 * The plaintext is u32 manifest length | manifest JSON | parts.
 */

export type SealedFileErrorCode = 'NOT_SEALED' | 'WRONG_PASSPHRASE' | 'CORRUPT' | 'TRUNCATED' | 'UNSUPPORTED_VERSION';

export class SealedFileError extends Error {
  constructor(readonly code: SealedFileErrorCode) {
    super(code);
  }
}

const MAGIC = Buffer.from('ARYZSEAL', 'ascii');
const VERSION = 1;
const CHUNK = 1024 * 1024;
const TAG = 16;
const MAX_HEADER = 4096;
const MAX_MANIFEST = 64 * 1024 * 1024;

/** 2^17 × 8 × 128 B = 128 MiB of memory per guess: strong, and about half a second on an office PC. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
/** What a reader accepts from a header: anything outside would be a denial of service, not a real file. */
const SCRYPT_BOUNDS = { minLogN: 14, maxLogN: 20, maxR: 16, maxP: 4 } as const;

interface Header {
  v: number;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  nonce: string;
  check: string;
}

function scrypt(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scryptCb(passphrase.normalize('NFC'), salt, 64, options, (error, key) => (error ? reject(error) : resolve(key))));
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value);
  return b;
}

function aad(headerHash: Buffer, index: number, final: boolean): Buffer {
  return Buffer.concat([headerHash, u32(index), Buffer.from([final ? 1 : 0])]);
}

function nonceFor(prefix: Buffer, index: number): Buffer {
  return Buffer.concat([prefix, u32(index)]);
}

const checkOf = (checkKey: Buffer) => createHmac('sha256', checkKey).update('aryz-sealed-check').digest();

export interface SealOptions {
  scrypt?: { N: number; r: number; p: number };
}

/**
 * Writes `manifest` and the bytes of `parts` sealed under `passphrase` to `target`, through a temporary file
 * renamed over the target at the end, so a failure never leaves a half-written file under its name.
 */
export async function writeSealedFile(
  target: string,
  passphrase: string,
  manifest: object,
  parts: AsyncIterable<Uint8Array>,
  options: SealOptions = {},
): Promise<{ bytes: number; sha256: string }> {
  const params = options.scrypt ?? DEFAULT_SCRYPT;
  const salt = randomBytes(16);
  const prefix = randomBytes(8);
  const key = await scrypt(passphrase, salt, params);
  const encKey = key.subarray(0, 32);
  const header: Header = { v: VERSION, kdf: 'scrypt', ...params, salt: salt.toString('base64'), nonce: prefix.toString('base64'), check: checkOf(key.subarray(32)).toString('base64') };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerHash = createHash('sha256').update(headerBytes).digest();
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const fileHash = createHash('sha256');
  let bytes = 0;
  let handle: FileHandle | null = null;
  try {
    handle = await open(temp, 'wx');
    const out = handle;
    const write = async (data: Buffer) => {
      fileHash.update(data);
      bytes += data.length;
      await out.write(data);
    };
    await write(Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes]));
    let index = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const seal = async (plain: Buffer, final: boolean) => {
      const cipher = createCipheriv('aes-256-gcm', encKey, nonceFor(prefix, index));
      cipher.setAAD(aad(headerHash, index, final));
      const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
      await write(Buffer.concat([u32(sealed.length), sealed, cipher.getAuthTag()]));
      index++;
    };
    // Full chunks are sealed as soon as they fill; whatever is left at the end goes into the final chunk.
    const push = async (data: Uint8Array) => {
      let rest = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      while (rest.length > 0) {
        const take = Math.min(CHUNK - pendingBytes, rest.length);
        pending.push(rest.subarray(0, take));
        pendingBytes += take;
        rest = rest.subarray(take);
        if (pendingBytes === CHUNK) {
          await seal(Buffer.concat(pending), false);
          pending = [];
          pendingBytes = 0;
        }
      }
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    await push(u32(manifestBytes.length));
    await push(manifestBytes);
    for await (const part of parts) await push(part);
    await seal(Buffer.concat(pending), true);
    await out.sync();
    await out.close();
    handle = null;
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return { bytes, sha256: fileHash.digest('hex') };
}

/** Reads exact byte counts from a file, distinguishing "ended early" from other failures. */
class FileReader {
  private position = 0;
  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  get remaining(): number {
    return this.size - this.position;
  }

  async read(length: number): Promise<Buffer> {
    if (length > this.remaining) throw new SealedFileError('TRUNCATED');
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(buffer, done, length - done, this.position + done);
      if (bytesRead === 0) throw new SealedFileError('TRUNCATED');
      done += bytesRead;
    }
    this.position += length;
    return buffer;
  }
}

function parseHeader(bytes: Buffer): Header {
  let header: unknown;
  try {
    header = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new SealedFileError('CORRUPT');
  }
  if (header === null || typeof header !== 'object') throw new SealedFileError('CORRUPT');
  const h = header as Partial<Header>;
  if (h.v !== VERSION || h.kdf !== 'scrypt') throw new SealedFileError('UNSUPPORTED_VERSION');
  const { N, r, p, salt, nonce, check } = h;
  const logN = typeof N === 'number' ? Math.log2(N) : NaN;
  const ok =
    Number.isInteger(logN) &&
    logN >= SCRYPT_BOUNDS.minLogN &&
    logN <= SCRYPT_BOUNDS.maxLogN &&
    Number.isInteger(r) && r! >= 1 && r! <= SCRYPT_BOUNDS.maxR &&
    Number.isInteger(p) && p! >= 1 && p! <= SCRYPT_BOUNDS.maxP &&
    typeof salt === 'string' && Buffer.from(salt, 'base64').length === 16 &&
    typeof nonce === 'string' && Buffer.from(nonce, 'base64').length === 8 &&
    typeof check === 'string' && Buffer.from(check, 'base64').length === 32;
  if (!ok) throw new SealedFileError('CORRUPT');
  return h as Header;
}

/**
 * Opens a sealed file: checks the passphrase before decrypting anything, then answers the manifest and the
 * parts as a stream of decrypted chunks, each authenticated before it is handed out. Errors are
 * SealedFileError (also while iterating the parts); the file is closed when the parts end or fail.
 */
export async function readSealedFile(file: string, passphrase: string): Promise<{ manifest: unknown; parts: AsyncIterable<Uint8Array> }> {
  const handle = await open(file, 'r').catch(() => {
    throw new SealedFileError('NOT_SEALED');
  });
  let handedOver = false;
  try {
    const reader = new FileReader(handle, (await handle.stat()).size);
    if (reader.size < MAGIC.length + 4) throw new SealedFileError(reader.size > 0 && MAGIC.subarray(0, reader.size).equals((await reader.read(reader.size)).subarray(0, MAGIC.length)) ? 'TRUNCATED' : 'NOT_SEALED');
    if (!(await reader.read(MAGIC.length)).equals(MAGIC)) throw new SealedFileError('NOT_SEALED');
    const headerLength = (await reader.read(4)).readUInt32BE();
    if (headerLength > MAX_HEADER) throw new SealedFileError('CORRUPT');
    const headerBytes = await reader.read(headerLength);
    const header = parseHeader(headerBytes);
    const key = await scrypt(passphrase, Buffer.from(header.salt, 'base64'), header);
    if (!timingSafeEqual(checkOf(key.subarray(32)), Buffer.from(header.check, 'base64'))) throw new SealedFileError('WRONG_PASSPHRASE');
    const encKey = key.subarray(0, 32);
    const prefix = Buffer.from(header.nonce, 'base64');
    const headerHash = createHash('sha256').update(headerBytes).digest();

    let index = 0;
    let finished = false;
    /** The next authenticated chunk, or null after the final one. */
    const nextChunk = async (): Promise<Buffer | null> => {
      if (finished) return null;
      const length = (await reader.read(4)).readUInt32BE();
      if (length > CHUNK) throw new SealedFileError('CORRUPT');
      const sealed = await reader.read(length);
      const tag = await reader.read(TAG);
      // The final flag is not stored: a chunk that authenticates as final is the last one.
      const final = reader.remaining === 0;
      const open = (asFinal: boolean): Buffer | null => {
        try {
          const decipher = createDecipheriv('aes-256-gcm', encKey, nonceFor(prefix, index));
          decipher.setAAD(aad(headerHash, index, asFinal));
          decipher.setAuthTag(tag);
          return Buffer.concat([decipher.update(sealed), decipher.final()]);
        } catch {
          return null;
        }
      };
      const plain = open(final);
      if (plain === null) {
        // Authenticates as a middle chunk although nothing follows: the file was cut after it.
        if (final && open(false) !== null) throw new SealedFileError('TRUNCATED');
        throw new SealedFileError('CORRUPT');
      }
      index++;
      finished = final;
      return plain;
    };

    // The manifest: a length, then its JSON, possibly spanning chunks.
    let buffered: Buffer = Buffer.alloc(0);
    const fill = async (need: number) => {
      const parts: Buffer[] = [buffered];
      let have = buffered.length;
      while (have < need) {
        const chunk = await nextChunk();
        if (chunk === null) throw new SealedFileError('CORRUPT');
        parts.push(chunk);
        have += chunk.length;
      }
      buffered = Buffer.concat(parts);
    };
    await fill(4);
    const manifestLength = buffered.readUInt32BE();
    if (manifestLength > MAX_MANIFEST) throw new SealedFileError('CORRUPT');
    buffered = buffered.subarray(4);
    await fill(manifestLength);
    let manifest: unknown;
    try {
      manifest = JSON.parse(buffered.subarray(0, manifestLength).toString('utf8'));
    } catch {
      throw new SealedFileError('CORRUPT');
    }
    const rest = buffered.subarray(manifestLength);

    async function* parts(): AsyncGenerator<Uint8Array> {
      try {
        if (rest.length > 0) yield rest;
        for (let chunk = await nextChunk(); chunk !== null; chunk = await nextChunk()) {
          if (chunk.length > 0) yield chunk;
        }
      } finally {
        await handle.close().catch(() => undefined);
      }
    }
    handedOver = true;
    return { manifest, parts: parts() };
  } finally {
    if (!handedOver) await handle.close().catch(() => undefined);
  }
}
