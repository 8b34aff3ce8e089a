import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { guardHandlers } from '../../../../../electron/main/accounts/guard';
import { setAccountKdfForTests } from '../../../../../electron/main/accounts/key-wrap';
import { AccountService } from '../../../../../electron/main/accounts/store';
import { sealOnFirstUnlock, sealPlainFiles } from '../../../../../electron/main/at-rest/seal-plain-files';
import { isSealed, openBytes, sealedName, writeSealedBytes } from '../../../../../electron/main/crypto/file-cipher';
import { readSealedFile, setSealingKdfForTests } from '../../../../../electron/main/crypto/sealed-file';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import { scanForValues } from '../../../../tools/at-rest-scan';
import { testContext } from '../../../support/call-context';
import { TEST_FILE_KEYS, testMainDeps } from '../../../support/main-deps';

const work = mkdtempSync(path.join(tmpdir(), 'aryz-seal-plain-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => {
  setAccountKdfForTests({ N: 2 ** 10, r: 8, p: 1 });
  setSealingKdfForTests({ N: 2 ** 10, r: 8, p: 1 });
});

const VALUES = ['Үсөнов Маңызбек', '21203199000123'];
const scan = (i: number) => Buffer.concat([Buffer.from(`%PDF-1.4 scan ${i} `), Buffer.from(VALUES.join(' '), 'utf8'), Buffer.from(VALUES.join(' '), 'utf16le')]);
const letter = (i: number) => Buffer.from(`%PDF-1.7 letter ${i} ${VALUES.join(' ')}`, 'utf8');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const keys = { files: TEST_FILE_KEYS, recoveryWrap: null };

let n = 0;
/** A data dir as an earlier version left it: plain scans named by their hash, plain letters, a plain pre-upgrade copy. */
function plainDataDir(): string {
  const dataDir = path.join(work, `data-${(n += 1)}`);
  mkdirSync(path.join(dataDir, 'attachments'), { recursive: true });
  for (const i of [1, 2, 3]) writeFileSync(path.join(dataDir, 'attachments', sha(scan(i))), scan(i));
  for (const [caseId, docId] of [['case-1', 'doc-1'], ['case-1', 'doc-2'], ['case-2', 'doc-3']] as const) {
    mkdirSync(path.join(dataDir, 'cases', caseId), { recursive: true });
    writeFileSync(path.join(dataDir, 'cases', caseId, `${docId}.pdf`), letter(Number(docId.slice(4))));
  }
  mkdirSync(path.join(dataDir, 'batches'), { recursive: true });
  writeFileSync(path.join(dataDir, 'batches', 'job-1.pdf'), letter(9));
  mkdirSync(path.join(dataDir, 'backups-before-upgrade'), { recursive: true });
  writeFileSync(path.join(dataDir, 'backups-before-upgrade', 'aryz-before-upgrade-v7-2026-11-01_101010.json'), Buffer.from(`{"surname":"${VALUES[0]}"}\n`));
  return dataDir;
}

describe('files left plain by an earlier version', () => {
  it('are sealed in place: scans under their HMAC names, letters and merged copies where they were, the pre-upgrade copy as a backup', async () => {
    const dataDir = plainDataDir();
    expect(scanForValues([dataDir], VALUES).length).toBeGreaterThan(0);
    const old = new Date('2026-11-01T10:00:00Z');
    utimesSync(path.join(dataDir, 'batches', 'job-1.pdf'), old, old);
    const report = await sealPlainFiles({ dataDir, version: '1.0.0' }, keys);
    expect(report).toEqual({ attachments: 3, damaged: 0, documents: 4, upgradeCopies: 1 });
    expect(scanForValues([dataDir], VALUES)).toEqual([]);
    expect(readdirSync(path.join(dataDir, 'attachments')).sort()).toEqual([1, 2, 3].map((i) => sealedName(TEST_FILE_KEYS, sha(scan(i)))).sort());
    for (const i of [1, 2, 3]) {
      const raw = readFileSync(path.join(dataDir, 'attachments', sealedName(TEST_FILE_KEYS, sha(scan(i)))));
      expect((await openBytes(TEST_FILE_KEYS.content, raw)).equals(scan(i))).toBe(true);
    }
    const doc = readFileSync(path.join(dataDir, 'cases', 'case-2', 'doc-3.pdf'));
    expect(isSealed(doc)).toBe(true);
    expect((await openBytes(TEST_FILE_KEYS.content, doc)).equals(letter(3))).toBe(true);
    // A merged copy keeps its time: the week-long pruning still counts from when it was made.
    expect(Math.round(statSync(path.join(dataDir, 'batches', 'job-1.pdf')).mtimeMs)).toBe(old.getTime());
    const copies = readdirSync(path.join(dataDir, 'backups-before-upgrade'));
    expect(copies).toEqual(['aryz-before-upgrade-v7-2026-11-01_101010.aryzbak']);
    const opened = await readSealedFile(path.join(dataDir, 'backups-before-upgrade', copies[0]!), { passphrase: '', keysFor: async () => [TEST_FILE_KEYS.backup] });
    expect(opened.manifest).toMatchObject({ kind: 'aryz-backup', schemaVersion: 7, reason: 'upgrade' });
    const parts: Buffer[] = [];
    for await (const part of opened.parts) parts.push(Buffer.from(part));
    expect(Buffer.concat(parts).toString('utf8')).toContain(VALUES[0]);
    // Nothing left to do: a second run changes nothing.
    expect(await sealPlainFiles({ dataDir, version: '1.0.0' }, keys)).toEqual({ attachments: 0, damaged: 0, documents: 0, upgradeCopies: 0 });
  });

  it('[fault] a run cut short goes on where it stopped: a scan sealed but its plain copy not yet removed, half the letters sealed', async () => {
    const dataDir = plainDataDir();
    // The state a crash between "write sealed" and "remove plain" leaves, and a letter already sealed.
    const first = scan(1);
    await writeSealedBytes(path.join(dataDir, 'attachments', sealedName(TEST_FILE_KEYS, sha(first))), TEST_FILE_KEYS.content, first);
    await writeSealedBytes(path.join(dataDir, 'cases', 'case-1', 'doc-1.pdf'), TEST_FILE_KEYS.content, letter(1));
    const report = await sealPlainFiles({ dataDir, version: '1.0.0' }, keys);
    expect(report).toMatchObject({ attachments: 3, documents: 3 });
    expect(scanForValues([dataDir], VALUES)).toEqual([]);
    expect(readdirSync(path.join(dataDir, 'attachments'))).toHaveLength(3);
    expect((await openBytes(TEST_FILE_KEYS.content, readFileSync(path.join(dataDir, 'cases', 'case-1', 'doc-1.pdf')))).equals(letter(1))).toBe(true);
  });

  it('[fault] leaves a damaged plain scan (content not matching its name) as it is, and seals the rest', async () => {
    const dataDir = plainDataDir();
    writeFileSync(path.join(dataDir, 'attachments', 'd'.repeat(64)), Buffer.from('%PDF-1.4 torn'));
    const report = await sealPlainFiles({ dataDir, version: '1.0.0' }, keys);
    expect(report).toMatchObject({ attachments: 3, damaged: 1 });
    expect(existsSync(path.join(dataDir, 'attachments', 'd'.repeat(64)))).toBe(true);
  });

  it('runs once per process, at the first sign-in, through the real handlers; scans stay readable throughout', async () => {
    const dataDir = plainDataDir();
    const accounts = new AccountService(dataDir);
    const dispatch = createDispatcher(guardHandlers(createHandlers(testMainDeps(dataDir, { accounts, fileKeys: undefined })), accounts), () => undefined);
    const setup = await dispatch('accounts:setup', { name: 'Токтогулов Нурлан', position: 'Консул', password: 'correct horse battery staple' }, testContext());
    expect(setup).toMatchObject({ ok: true, value: { status: 'ok' } });
    await vi.waitFor(() => expect(scanForValues([dataDir], VALUES)).toEqual([]), { timeout: 10_000 });
    await expect(dispatch('attachments:read', { sha256: sha(scan(2)) }, testContext())).resolves.toMatchObject({ ok: true, value: { status: 'ok' } });
  });

  it('tries again at the next sign-in when a run failed, and not after one succeeded', async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error('disk gone')).mockResolvedValue({ attachments: 1, damaged: 0, documents: 0, upgradeCopies: 0 });
    const events: string[] = [];
    const seal = sealOnFirstUnlock(run, (event) => events.push(event));
    expect(await seal(keys)).toBeNull();
    expect(await seal(keys)).toMatchObject({ attachments: 1 });
    expect(await seal(keys)).toBeNull();
    expect(run).toHaveBeenCalledTimes(2);
    expect(events).toEqual(['files.seal_failed', 'files.sealed']);
  });
});
