import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, readBundle, recordHash } from '../../../../../electron/main/transfer/bundle-file';
import { writeSealedFile } from '../../../../../electron/main/crypto/sealed-file';
import { contentHash } from '../../../../../shared/transfer/canonical';
import { freshDb } from '../../../support/db-fixtures';
import { FAST, input, PASS, seedCases, tempDir, writeCasesBundle } from '../../../support/transfer-fixtures';

async function* once(...parts: Uint8Array[]) {
  for (const part of parts) yield part;
}

/** A sealed file with any manifest and records text, to build bundles a writer would never produce. */
async function rawBundle(dir: string, manifest: object, recordsJson: string, extra: Uint8Array[] = []) {
  const target = path.join(dir, `raw-${Math.random().toString(36).slice(2)}.aryzt`);
  await writeSealedFile(target, PASS, manifest, once(Buffer.from(recordsJson, 'utf8'), ...extra), FAST);
  return target;
}

describe('transfer bundle file', () => {
  it('round-trips cases with their person, requests, audit and attachment files, hashes verified', async () => {
    const db = freshDb();
    const ids = await seedCases(db);
    const dir = await tempDir();
    const scan = Buffer.from('%PDF-1.4 scan bytes '.repeat(5000));
    const { target, built, gathered } = await writeCasesBundle(db, ids, dir, [{ data: scan }]);
    expect(gathered.records.map((r) => r.table).sort()).toEqual(['audit', 'audit', 'audit', 'audit', 'audit', 'audit', 'cases', 'cases', 'persons', 'persons', 'requests', 'requests']);
    expect(built.manifest.counts).toEqual({ persons: 2, cases: 2, requests: 2, audit: 6 });
    // The sealed file does not show the records in clear.
    const bytes = await readFile(target);
    expect(bytes.includes(Buffer.from(String(gathered.records.find((r) => r.table === 'cases')!.row.number)))).toBe(false);
    const opened = await readBundle(target, PASS, path.join(dir, 'staging'));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.records).toEqual(gathered.records);
    const staged = opened.value.files.get(built.manifest.attachments[0]!.sha256)!;
    expect(await readFile(staged)).toEqual(scan);
    // Main's hash (node:crypto) and the page's (Web Crypto) agree, so both sides compare the same values.
    for (const r of gathered.records) expect(recordHash(r.row)).toBe(await contentHash(r.row));
  });

  it('[fault] refuses a wrong passphrase, a truncated file, a flipped bit, trailing bytes and a non-bundle', async () => {
    const db = freshDb();
    const dir = await tempDir();
    const { target } = await writeCasesBundle(db, await seedCases(db), dir);
    const staging = path.join(dir, 'staging');
    expect(await readBundle(target, 'not the passphrase at all', staging)).toEqual({ ok: false, reason: 'wrong_passphrase' });
    const bytes = await readFile(target);
    const cut = path.join(dir, 'cut.aryzt');
    for (const length of [bytes.length - 1, bytes.length - 17, Math.floor(bytes.length / 2), 40]) {
      await writeFile(cut, bytes.subarray(0, length));
      const result = await readBundle(cut, PASS, staging);
      expect(result.ok).toBe(false);
      expect(!result.ok && ['truncated', 'corrupt']).toContain(!result.ok && result.reason);
    }
    // Cut inside the magic: no longer recognisable as a sealed file at all.
    await writeFile(cut, bytes.subarray(0, 5));
    expect(await readBundle(cut, PASS, staging)).toMatchObject({ ok: false, reason: 'not_bundle' });
    await writeFile(cut, bytes.subarray(0, bytes.length - 1));
    expect(await readBundle(cut, PASS, staging)).toMatchObject({ ok: false, reason: 'truncated' });
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 40]! ^= 0x01;
    await writeFile(cut, flipped);
    expect(await readBundle(cut, PASS, staging)).toMatchObject({ ok: false, reason: 'corrupt' });
    await writeFile(cut, Buffer.concat([bytes, Buffer.from('extra')]));
    expect(await readBundle(cut, PASS, staging)).toMatchObject({ ok: false, reason: 'corrupt' });
    await writeFile(cut, 'surname,given name\nУсенов,Азамат\n');
    expect(await readBundle(cut, PASS, staging)).toEqual({ ok: false, reason: 'not_bundle' });
    expect(await readBundle(path.join(dir, 'missing.aryzt'), PASS, staging)).toEqual({ ok: false, reason: 'not_bundle' });
  });

  it('[fault] refuses a record whose content does not match its hash', async () => {
    const db = freshDb();
    const dir = await tempDir();
    const { built } = await writeCasesBundle(db, await seedCases(db, 1), dir);
    const records = JSON.parse(built.recordsJson.toString('utf8')) as { records: { table: string; row: Record<string, unknown> }[] };
    const theCase = records.records.find((r) => r.table === 'cases')!;
    theCase.row.region = 'Другой регион';
    const json = JSON.stringify(records);
    const target = await rawBundle(dir, { ...built.manifest, recordsBytes: Buffer.byteLength(json) }, json);
    expect(await readBundle(target, PASS, path.join(dir, 's'))).toMatchObject({ ok: false, reason: 'hash_mismatch' });
  });

  it('refuses another format version and a manifest that is not a transfer bundle', async () => {
    const db = freshDb();
    const dir = await tempDir();
    const { built } = await writeCasesBundle(db, await seedCases(db, 1), dir);
    const json = built.recordsJson.toString('utf8');
    const newer = await rawBundle(dir, { ...built.manifest, formatVersion: 2 }, json);
    expect(await readBundle(newer, PASS, path.join(dir, 's'))).toEqual({ ok: false, reason: 'unsupported_version' });
    const backup = await rawBundle(dir, { format: 'aryz-backup', version: 1 }, json);
    expect(await readBundle(backup, PASS, path.join(dir, 's'))).toEqual({ ok: false, reason: 'not_bundle' });
  });

  it('refuses records carrying prototype-pollution keys, wherever they are', async () => {
    const db = freshDb();
    const dir = await tempDir();
    const { built } = await writeCasesBundle(db, await seedCases(db, 1), dir);
    const json = built.recordsJson.toString('utf8');
    for (const [key, where] of [
      ['__proto__', '"amina":{'],
      ['constructor', '"nameRu":{'],
      ['prototype', '"records":['],
    ] as const) {
      const poisoned = where === '"records":[' ? json.replace(where, `"${key}":{"polluted":true},${where}`) : json.replace(where, `${where}"${key}":{"polluted":true},`);
      expect(poisoned).not.toBe(json);
      const target = await rawBundle(dir, { ...built.manifest, recordsBytes: Buffer.byteLength(poisoned) }, poisoned);
      expect(await readBundle(target, PASS, path.join(dir, 's'))).toMatchObject({ ok: false, reason: 'unsafe_keys' });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('[fault] refuses an attachment whose bytes do not match its hash, and a bundle missing its files', async () => {
    const db = freshDb();
    const dir = await tempDir();
    const { built } = await writeCasesBundle(db, await seedCases(db, 1), dir, [{ data: Buffer.from('scan one') }]);
    const json = built.recordsJson.toString('utf8');
    const swapped = await rawBundle(dir, built.manifest, json, [Buffer.from('scan two')]);
    expect(await readBundle(swapped, PASS, path.join(dir, 's'))).toMatchObject({ ok: false, reason: 'hash_mismatch' });
    const missing = await rawBundle(dir, built.manifest, json);
    expect(await readBundle(missing, PASS, path.join(dir, 's'))).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('[fault] refuses a file whose content is not a PDF or a scan, whatever the records call it', async () => {
    const db = freshDb();
    const dir = await tempDir();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(4000, 1)]);
    const { target, built } = await writeCasesBundle(db, await seedCases(db, 1), dir, [{ data: exe }]);
    expect(await readBundle(target, PASS, path.join(dir, 's'))).toMatchObject({ ok: false, reason: 'unsupported_file', detail: `attachments.${built.manifest.attachments[0]!.sha256}` });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const scans = await writeCasesBundle(db, await seedCases(db, 1), dir, [{ data: png }, { data: Buffer.concat([Buffer.alloc(300, 32), Buffer.from('%PDF-1.7 ...')]) }]);
    expect(await readBundle(scans.target, PASS, path.join(dir, 's2'))).toMatchObject({ ok: true });
  });

  it('refuses records that belong to no case in the bundle, and counts that do not match', async () => {
    const db = freshDb();
    const dir = await tempDir();
    const { gathered } = await writeCasesBundle(db, await seedCases(db, 1), dir);
    const orphan = gathered.records.filter((r) => r.table !== 'cases');
    expect(buildBundle(input(orphan))).toMatchObject({ ok: false, reason: 'invalid_records' });
    const lonePerson = gathered.records.filter((r) => r.table === 'persons');
    expect(buildBundle(input(lonePerson))).toMatchObject({ ok: false, reason: 'invalid_records', detail: 'records.0.orphan' });
    const built = buildBundle(input(gathered.records));
    if (!built.ok) throw new Error('not built');
    const json = built.value.recordsJson.toString('utf8');
    const target = await rawBundle(dir, { ...built.value.manifest, counts: { ...built.value.manifest.counts, cases: 2 } }, json);
    expect(await readBundle(target, PASS, path.join(dir, 's'))).toMatchObject({ ok: false, reason: 'invalid_records' });
    expect((await stat(target)).size).toBeGreaterThan(0);
  });
});
