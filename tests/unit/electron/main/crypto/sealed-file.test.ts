import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readSealedFile,
  SealedFileError,
  SEALED_MAGIC,
  writeSealedFile,
  type SealedFileErrorCode,
  type WriteSealedOptions,
} from '../../../../../electron/main/crypto/sealed-file';

// Weak KDF parameters keep the suite fast; one test below exercises the production default.
const FAST: WriteSealedOptions = { kdf: { N: 2 ** 10, r: 8, p: 1 }, chunkSize: 4096 };
const dir = mkdtempSync(path.join(tmpdir(), 'aryz-sealed-'));
let counter = 0;
const fresh = (name = 'b') => path.join(dir, `${name}-${++counter}.aryzbak`);

async function* partsOf(...chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

async function collect(parts: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const part of parts) out.push(Buffer.from(part));
  return Buffer.concat(out);
}

async function readAll(file: string, passphrase: string) {
  const { manifest, parts } = await readSealedFile(file, passphrase);
  return { manifest, data: await collect(parts) };
}

async function expectRefused(file: string, passphrase: string, codes: SealedFileErrorCode[]) {
  const error = await readAll(file, passphrase).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the file was accepted').toBeInstanceOf(SealedFileError);
  expect(codes).toContain((error as SealedFileError).code);
}

/** Byte offsets of the records: header length, then each record's start. */
function layout(bytes: Buffer): { headerEnd: number; records: Array<{ start: number; length: number; flags: number }> } {
  const paramsLength = bytes.readUInt32BE(10);
  const headerEnd = 14 + paramsLength + 64;
  const records = [];
  let at = headerEnd;
  while (at < bytes.length) {
    const flags = bytes.readUInt8(at);
    const length = bytes.readUInt32BE(at + 1);
    records.push({ start: at, length: 5 + length + 16, flags });
    at += 5 + length + 16;
  }
  return { headerEnd, records };
}

const payload = randomBytes(20_000);
const manifest = { kind: 'test', counts: { cases: 3 }, sha256: createHash('sha256').update(payload).digest('hex') };

async function sealedSample(): Promise<string> {
  const file = fresh();
  await writeSealedFile(file, 'correct horse ​ battery', manifest, partsOf(payload.subarray(0, 7000), payload.subarray(7000)), FAST);
  return file;
}

describe('sealed file', () => {
  it('round-trips the manifest and the parts, chunk boundaries aside', async () => {
    const file = fresh();
    const result = await writeSealedFile(file, 'pässwörd ңөү', manifest, partsOf(payload.subarray(0, 1), payload.subarray(1, 9000), new Uint8Array(0), payload.subarray(9000)), FAST);
    const bytes = readFileSync(file);
    expect(result.bytes).toBe(bytes.length);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(bytes.subarray(0, 8).equals(SEALED_MAGIC)).toBe(true);
    // Nothing of the plaintext is visible in the file.
    expect(bytes.includes(Buffer.from('"counts"'))).toBe(false);
    expect(bytes.includes(payload.subarray(100, 132))).toBe(false);
    const read = await readAll(file, 'pässwörd ңөү');
    expect(read.manifest).toEqual(manifest);
    expect(read.data.equals(payload)).toBe(true);
    const { records } = layout(bytes);
    expect(records.length).toBe(1 + Math.ceil(payload.length / 4096));
    expect(records.at(0)!.flags).toBe(2);
    expect(records.at(-1)!.flags).toBe(1);
  });

  it('round-trips empty parts and a payload of exactly one chunk', async () => {
    for (const data of [new Uint8Array(0), randomBytes(4096), randomBytes(8192)]) {
      const file = fresh();
      await writeSealedFile(file, 'p', { n: data.length }, partsOf(data), FAST);
      const read = await readAll(file, 'p');
      expect(read.manifest).toEqual({ n: data.length });
      expect(read.data.equals(Buffer.from(data))).toBe(true);
    }
  });

  it('uses the strong default KDF when none is given', async () => {
    const file = fresh();
    await writeSealedFile(file, 'default strength', { a: 1 }, partsOf(Buffer.from('hello')));
    const params = JSON.parse(readFileSync(file).subarray(14, 14 + readFileSync(file).readUInt32BE(10)).toString('utf8'));
    expect(params.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(params.r).toBe(8);
    expect((await readAll(file, 'default strength')).data.toString()).toBe('hello');
  });

  it('[fault] refuses a wrong passphrase before reading any data', async () => {
    const file = await sealedSample();
    await expectRefused(file, 'correct horse battery', ['WRONG_PASSPHRASE']);
    await expectRefused(file, '', ['WRONG_PASSPHRASE']);
  });

  it('[fault] refuses a file cut at any point: in the header, in a record, at a record boundary', async () => {
    const file = await sealedSample();
    const bytes = readFileSync(file);
    const { headerEnd, records } = layout(bytes);
    const cuts = [
      9,
      20,
      headerEnd - 1,
      headerEnd,
      headerEnd + 3,
      records.at(1)!.start,
      records.at(1)!.start + 2,
      records.at(2)!.start + 100,
      records.at(-1)!.start,
      bytes.length - 1,
    ];
    for (const cut of cuts) {
      const truncated = fresh('cut');
      writeFileSync(truncated, bytes.subarray(0, cut));
      await expectRefused(truncated, 'correct horse ​ battery', ['TRUNCATED']);
    }
  });

  it('[fault] refuses a flipped bit in the header, a ciphertext, a tag and a record length or flag', async () => {
    const file = await sealedSample();
    const bytes = readFileSync(file);
    const { headerEnd, records } = layout(bytes);
    const cases: Array<[number, SealedFileErrorCode[]]> = [
      [16, ['CORRUPT']], // params JSON
      [headerEnd - 40, ['CORRUPT']], // verifier
      [headerEnd - 1, ['CORRUPT']], // checksum
      [records.at(0)!.start + 10, ['CORRUPT']], // manifest ciphertext
      [records.at(1)!.start + 50, ['CORRUPT']], // data ciphertext
      [records.at(1)!.start + records.at(1)!.length - 3, ['CORRUPT']], // data tag
      [records.at(-1)!.start + records.at(-1)!.length - 1, ['CORRUPT']], // final tag
      [records.at(2)!.start, ['CORRUPT']], // flags: pretends to be final
      [records.at(2)!.start + 4, ['CORRUPT', 'TRUNCATED']], // length
    ];
    for (const [offset, codes] of cases) {
      const damaged = Buffer.from(bytes);
      damaged.writeUInt8(damaged.readUInt8(offset) ^ (offset === records.at(2)!.start ? 0x01 : 0x10), offset);
      const target = fresh('flip');
      writeFileSync(target, damaged);
      await expectRefused(target, 'correct horse ​ battery', codes);
    }
  });

  it('[fault] refuses reordered, duplicated or dropped records and trailing bytes', async () => {
    const file = await sealedSample();
    const bytes = readFileSync(file);
    const { headerEnd, records } = layout(bytes);
    const slice = (i: number) => bytes.subarray(records.at(i)!.start, records.at(i)!.start + records.at(i)!.length);
    const head = bytes.subarray(0, headerEnd);
    const middle = records.slice(1, -1).map((_, i) => slice(i + 1));
    const variants = [
      Buffer.concat([head, slice(0), middle.at(1)!, middle.at(0)!, ...middle.slice(2), slice(records.length - 1)]),
      Buffer.concat([head, slice(0), middle.at(0)!, ...middle, slice(records.length - 1)]),
      Buffer.concat([head, slice(0), ...middle.slice(1), slice(records.length - 1)]),
      Buffer.concat([head, slice(0), slice(records.length - 1)]),
      Buffer.concat([bytes, Buffer.from([0])]),
    ];
    for (const variant of variants) {
      const target = fresh('order');
      writeFileSync(target, variant);
      await expectRefused(target, 'correct horse ​ battery', ['CORRUPT']);
    }
  });

  it('refuses files that are not sealed files', async () => {
    for (const content of [Buffer.alloc(0), Buffer.from('ARYZ'), Buffer.from('{"formatName":"dexie"}'), randomBytes(5000)]) {
      const target = fresh('other');
      writeFileSync(target, content);
      await expectRefused(target, 'x', ['NOT_SEALED']);
    }
  });

  it('[fault] refuses a header asking for a costly key derivation before deriving anything', async () => {
    const bytes = readFileSync(await sealedSample());
    const paramsLength = bytes.readUInt32BE(10);
    const params = JSON.parse(bytes.subarray(14, 14 + paramsLength).toString('utf8')) as Record<string, unknown>;
    // 1 GiB of memory (the old cap allowed it: 14 s and 1.15 GB), and 8 times the default work at 128 MiB.
    for (const costly of [{ N: 2 ** 20, r: 8, p: 1 }, { N: 2 ** 17, r: 8, p: 8 }, { N: 2 ** 19, r: 8, p: 1 }, { N: 2 ** 18, r: 8, p: 2 }]) {
      const json = Buffer.from(JSON.stringify({ ...params, ...costly }), 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(json.length);
      const prefix = Buffer.concat([bytes.subarray(0, 10), length, json]);
      const verifier = bytes.subarray(14 + paramsLength, 14 + paramsLength + 32);
      const checksum = createHash('sha256').update(prefix).update(verifier).digest();
      const target = fresh('costly');
      writeFileSync(target, Buffer.concat([prefix, verifier, checksum, bytes.subarray(14 + paramsLength + 64)]));
      const started = performance.now();
      await expectRefused(target, 'correct horse ​ battery', ['UNSUPPORTED_VERSION']);
      expect(performance.now() - started).toBeLessThan(300);
    }
  });

  it('refuses a newer format version with its own code', async () => {
    const bytes = readFileSync(await sealedSample());
    bytes.writeUInt16BE(2, 8);
    const target = fresh('newer');
    writeFileSync(target, bytes);
    await expectRefused(target, 'correct horse ​ battery', ['UNSUPPORTED_VERSION']);
  });

  it('[fault] a write error removes the temp file and leaves an existing target untouched', async () => {
    const target = fresh('disk-full');
    writeFileSync(target, 'previous backup');
    const before = new Set(readdirSync(dir));
    const failing: WriteSealedOptions = {
      ...FAST,
      openFile: async (temp) => {
        writeFileSync(temp, '');
        let written = 0;
        return {
          write: async (data) => {
            if (written + data.length > 10_000) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
            written += data.length;
            writeFileSync(temp, data, { flag: 'a' });
          },
          sync: async () => undefined,
          close: async () => undefined,
        };
      },
    };
    await expect(writeSealedFile(target, 'p', manifest, partsOf(payload), failing)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(target, 'utf8')).toBe('previous backup');
    expect(new Set(readdirSync(dir))).toEqual(before);
  });

  it('[fault] a failing source stream removes the temp file and writes no target', async () => {
    const target = fresh('source-fails');
    async function* broken() {
      yield payload.subarray(0, 5000);
      throw new Error('renderer went away');
    }
    await expect(writeSealedFile(target, 'p', manifest, broken(), FAST)).rejects.toThrow('renderer went away');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).some((name) => name.includes('source-fails') )).toBe(false);
  });

  it('close() releases a file opened only for its manifest', async () => {
    const file = await sealedSample();
    const opened = await readSealedFile(file, 'correct horse ​ battery');
    expect(opened.manifest).toEqual(manifest);
    await opened.close();
    await opened.close();
  });
});

describe('sealed file reader under random damage', () => {
  it('[fault] any flipped bytes or cut refuse with a SealedFileError, never another error or wrong data', async () => {
    const fc = await import('fast-check');
    const file = await sealedSample();
    const bytes = readFileSync(file);
    const target = fresh('fuzz');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat({ max: bytes.length - 1 }), mask: fc.integer({ min: 1, max: 255 }) }), { minLength: 0, maxLength: 3 }),
        fc.option(fc.nat({ max: bytes.length - 1 }), { nil: undefined }),
        async (flips, cut) => {
          if (flips.length === 0 && cut === undefined) return;
          const damaged = Buffer.from(bytes.subarray(0, cut ?? bytes.length));
          for (const { at, mask } of flips) if (at < damaged.length) damaged.writeUInt8(damaged.readUInt8(at) ^ mask, at);
          if (damaged.equals(bytes)) return;
          writeFileSync(target, damaged);
          const outcome = await readAll(target, 'correct horse ​ battery').then(
            () => 'accepted',
            (error: unknown) => (error instanceof SealedFileError ? 'refused' : `threw ${String(error)}`),
          );
          expect(outcome).toBe('refused');
        },
      ),
      { numRuns: 300 },
    );
  });
});
