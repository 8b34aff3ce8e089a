import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deriveFileKeys,
  FILE_HEADER_BYTES,
  FileCipherError,
  isSealed,
  openBytes,
  openStream,
  sealBytes,
  sealedName,
  sealedSize,
  SealedFileWriter,
  sealStream,
  writeSealedBytes,
} from '../../../../../electron/main/crypto/file-cipher';

const work = mkdtempSync(path.join(tmpdir(), 'aryz-cipher-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const keys = deriveFileKeys(randomBytes(32));
const CHUNK = 1024;

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

const sealSmall = (plain: Buffer) => collect(sealStream(keys.content, [plain], CHUNK));

describe('sealed files at rest', () => {
  it('round-trips every size around the record boundary, in one piece and streamed in odd slices', async () => {
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17]) {
      const plain = randomBytes(size);
      const sealed = await sealSmall(plain);
      expect(isSealed(sealed)).toBe(true);
      expect(sealed.length, `size ${size}`).toBe(sealedSize(size, CHUNK));
      expect((await openBytes(keys.content, sealed)).equals(plain)).toBe(true);
      const slices = [];
      for (let at = 0; at < sealed.length; at += 333) slices.push(sealed.subarray(at, at + 333));
      expect((await collect(openStream(keys.content, slices))).equals(plain)).toBe(true);
    }
  });

  it('never shows the plain bytes, and seals the same content differently each time', async () => {
    const plain = Buffer.from('Үсөнов Маңызбек 21234567890123 AN1234567', 'utf8');
    const a = await sealBytes(keys.content, plain);
    const b = await sealBytes(keys.content, plain);
    expect(a.includes(plain)).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('[fault] refuses a flipped bit, a truncation at a record boundary, a dropped or swapped record, and another key', async () => {
    const plain = randomBytes(3 * CHUNK + 5);
    const sealed = await sealSmall(plain);
    const record = CHUNK + 16;
    const flipped = Buffer.from(sealed);
    flipped[FILE_HEADER_BYTES + 10]! ^= 1;
    await expect(openBytes(keys.content, flipped)).rejects.toBeInstanceOf(FileCipherError);
    // Cut after two full records: what remains looks like a shorter file but its last record is not final.
    await expect(openBytes(keys.content, sealed.subarray(0, FILE_HEADER_BYTES + 2 * record))).rejects.toMatchObject({ code: 'TRUNCATED' });
    await expect(openBytes(keys.content, sealed.subarray(0, FILE_HEADER_BYTES + 2 * record + 3))).rejects.toBeInstanceOf(FileCipherError);
    const header = sealed.subarray(0, FILE_HEADER_BYTES);
    const r = (i: number) => sealed.subarray(FILE_HEADER_BYTES + i * record, FILE_HEADER_BYTES + (i + 1) * record);
    const tail = sealed.subarray(FILE_HEADER_BYTES + 3 * record);
    await expect(openBytes(keys.content, Buffer.concat([header, r(1), r(0), r(2), tail]))).rejects.toBeInstanceOf(FileCipherError);
    await expect(openBytes(keys.content, Buffer.concat([header, r(0), r(2), tail]))).rejects.toBeInstanceOf(FileCipherError);
    await expect(openBytes(deriveFileKeys(randomBytes(32)).content, sealed)).rejects.toMatchObject({ code: 'WRONG_KEY' });
    // A record of one file does not open in another's place (each file has its own key from its salt).
    const other = await sealSmall(randomBytes(3 * CHUNK + 5));
    await expect(openBytes(keys.content, Buffer.concat([header, other.subarray(FILE_HEADER_BYTES)]))).rejects.toBeInstanceOf(FileCipherError);
  });

  it('names content by an HMAC of its hash, so a known hash is not found on disk', () => {
    const sha = 'a'.repeat(64);
    expect(sealedName(keys, sha)).toMatch(/^[0-9a-f]{64}$/);
    expect(sealedName(keys, sha)).not.toBe(sha);
    expect(sealedName(deriveFileKeys(randomBytes(32)), sha)).not.toBe(sealedName(keys, sha));
  });

  it('writes owner-only files, atomically and as data arrives', async () => {
    const target = path.join(work, 'one.bin');
    const plain = randomBytes(5000);
    await writeSealedBytes(target, keys.content, plain);
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
    expect((await openBytes(keys.content, readFileSync(target))).equals(plain)).toBe(true);
    const streamed = path.join(work, 'two.bin');
    const writer = await SealedFileWriter.create(streamed, keys.content);
    for (let at = 0; at < plain.length; at += 700) await writer.write(plain.subarray(at, at + 700));
    await writer.finish();
    expect((await openBytes(keys.content, readFileSync(streamed))).equals(plain)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(streamed).mode & 0o777).toBe(0o600);
  });
});
