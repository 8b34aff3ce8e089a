import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync, existsSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import { AttachmentStore } from '../../../../../electron/main/attachments/store';
import { MAX_ATTACHMENT_BYTES } from '../../../../../shared/ipc/channels/attachments';
import { testContext } from '../../../support/call-context';
import { TEST_FILE_KEYS, testMainDeps } from '../../../support/main-deps';
import { openBytes, sealedName } from '../../../../../electron/main/crypto/file-cipher';
import { EXE_HEAD, PNG_1X1, pdfBytes, tiffBytes } from '../../../../fixtures/scans';

const work = mkdtempSync(path.join(tmpdir(), 'aryz-attach-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
function setup(now = () => new Date()) {
  const dataDir = path.join(work, `data-${(n += 1)}`);
  mkdirSync(dataDir);
  const deps = testMainDeps(dataDir, { now });
  return { dataDir, store: path.join(dataDir, 'attachments'), dispatch: createDispatcher(createHandlers(deps), () => undefined) };
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The name a scan is stored under: the HMAC of its hash (never the hash itself). */
const onDisk = (bytes: Uint8Array) => sealedName(TEST_FILE_KEYS, sha(bytes));
const opened = (file: string) => openBytes(TEST_FILE_KEYS.content, readFileSync(file));
const keys = TEST_FILE_KEYS;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const ctx = testContext();

function writeUpload(name: string, bytes: Uint8Array): string {
  const dir = path.join(work, `upload-${(n += 1)}`);
  mkdirSync(dir);
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('attachments:add (dropped bytes)', () => {
  it('stores a PDF under its SHA-256 with its page count', async () => {
    const { dispatch, store } = setup();
    const pdf = await pdfBytes(3);
    const result = await dispatch('attachments:add', { name: 'скан.pdf', dataBase64: b64(pdf) }, ctx);
    expect(result).toEqual({ ok: true, value: { status: 'stored', name: 'скан.pdf', sha256: sha(pdf), mime: 'application/pdf', bytes: pdf.length, pages: 3, duplicate: false } });
    expect(await opened(path.join(store, onDisk(pdf)))).toEqual(Buffer.from(pdf));
  });

  it('decides the type by content: a .pdf that is a PNG is stored as PNG; an .exe renamed .pdf is refused', async () => {
    const { dispatch, store } = setup();
    const png = await dispatch('attachments:add', { name: 'scan.pdf', dataBase64: b64(PNG_1X1) }, ctx);
    expect(png).toMatchObject({ ok: true, value: { status: 'stored', mime: 'image/png', pages: 1 } });
    const exe = await dispatch('attachments:add', { name: 'scan.pdf', dataBase64: b64(EXE_HEAD) }, ctx);
    expect(exe).toEqual({ ok: true, value: { status: 'refused', name: 'scan.pdf', reason: 'unsupported_type', bytes: EXE_HEAD.length } });
    expect(readdirSync(store)).toEqual([onDisk(PNG_1X1)]);
  });

  it('[fault] 16 adds of the same file at once all succeed and leave one stored file, no temp files', async () => {
    const { dispatch, store } = setup();
    const pdf = await pdfBytes(2);
    const results = await Promise.all(Array.from({ length: 16 }, () => dispatch('attachments:add', { name: 'скан.pdf', dataBase64: b64(pdf) }, ctx)));
    for (const result of results) expect(result).toMatchObject({ ok: true, value: { status: 'stored', sha256: sha(pdf) } });
    expect(readdirSync(store)).toEqual([onDisk(pdf)]);
    expect(await opened(path.join(store, onDisk(pdf)))).toEqual(Buffer.from(pdf));
  });

  it('refuses an empty file', async () => {
    const { dispatch } = setup();
    await expect(dispatch('attachments:add', { name: 'empty.png', dataBase64: '' }, ctx)).resolves.toEqual({ ok: true, value: { status: 'refused', name: 'empty.png', reason: 'empty', bytes: 0 } });
  });

  it('stores the same file twice only once', async () => {
    const { dispatch, store } = setup();
    const tiff = tiffBytes(2);
    const first = await dispatch('attachments:add', { name: 'a.tif', dataBase64: b64(tiff) }, ctx);
    const second = await dispatch('attachments:add', { name: 'b.tiff', dataBase64: b64(tiff) }, ctx);
    expect(first).toMatchObject({ ok: true, value: { status: 'stored', mime: 'image/tiff', pages: 2, duplicate: false } });
    expect(second).toMatchObject({ ok: true, value: { status: 'stored', sha256: sha(tiff), duplicate: true } });
    expect(readdirSync(store)).toEqual([onDisk(tiff)]);
  });

  it('refuses bytes over the size limit with a typed reason, and a payload far over it before the handler', async () => {
    const { store: dir } = setup();
    const small = new AttachmentStore(path.dirname(dir), { maxBytes: 100 });
    const big = new Uint8Array(101);
    big.set(PNG_1X1.slice(0, 8));
    await expect(small.add('big.png', big, keys)).resolves.toEqual({ status: 'refused', name: 'big.png', reason: 'too_large', bytes: 101 });
    expect(existsSync(dir)).toBe(false);

    const { dispatch } = setup();
    const huge = 'A'.repeat(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 2_000);
    await expect(dispatch('attachments:add', { name: 'huge.pdf', dataBase64: huge }, ctx)).resolves.toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('refuses a file just over 25 MB and accepts one at the limit', async () => {
    const { dispatch } = setup();
    const at = new Uint8Array(MAX_ATTACHMENT_BYTES);
    at.set(PNG_1X1.slice(0, 8));
    await expect(dispatch('attachments:add', { name: 'at.png', dataBase64: b64(at) }, ctx)).resolves.toMatchObject({ ok: true, value: { status: 'stored', bytes: MAX_ATTACHMENT_BYTES } });
    const over = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    over.set(PNG_1X1.slice(0, 8));
    await expect(dispatch('attachments:add', { name: 'over.png', dataBase64: b64(over) }, ctx)).resolves.toEqual({
      ok: true,
      value: { status: 'refused', name: 'over.png', reason: 'too_large', bytes: MAX_ATTACHMENT_BYTES + 1 },
    });
  });
});

describe('attachments:pick (native dialog)', () => {
  it('stores every picked file, refusing the ones that are not scans or too large', async () => {
    const { dispatch, store } = setup();
    const pdf = await pdfBytes(2);
    const files = [writeUpload('a.pdf', pdf), writeUpload('virus.pdf', EXE_HEAD), writeUpload('empty.jpg', new Uint8Array())];
    const pickFiles = vi.fn(async () => files);
    const result = await dispatch('attachments:pick', {}, testContext({ pickFiles }));
    expect(pickFiles).toHaveBeenCalledWith({ filterName: 'scans', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff'], multiple: true });
    expect(result).toMatchObject({
      ok: true,
      value: {
        status: 'done',
        files: [
          { status: 'stored', name: 'a.pdf', pages: 2, sha256: sha(pdf) },
          { status: 'refused', name: 'virus.pdf', reason: 'unsupported_type' },
          { status: 'refused', name: 'empty.jpg', reason: 'empty' },
        ],
      },
    });
    expect(readdirSync(store)).toEqual([onDisk(pdf)]);
  });

  it('answers canceled when the dialog is closed', async () => {
    const { dispatch } = setup();
    await expect(dispatch('attachments:pick', {}, testContext({ pickFiles: async () => null }))).resolves.toEqual({ ok: true, value: { status: 'canceled', files: [] } });
  });

  it('refuses a picked file over the limit without reading it', async () => {
    const { dataDir } = setup();
    const file = writeUpload('big.png', new Uint8Array(300));
    await expect(new AttachmentStore(dataDir, { maxBytes: 200 }).addFromPath(file, keys)).resolves.toEqual({ status: 'refused', name: 'big.png', reason: 'too_large', bytes: 300 });
  });
});

describe('attachments:read', () => {
  it('answers the stored bytes and their sniffed type', async () => {
    const { dispatch } = setup();
    await dispatch('attachments:add', { name: 'x.png', dataBase64: b64(PNG_1X1) }, ctx);
    await expect(dispatch('attachments:read', { sha256: sha(PNG_1X1) }, ctx)).resolves.toEqual({ ok: true, value: { status: 'ok', mime: 'image/png', dataBase64: b64(PNG_1X1) } });
    await expect(dispatch('attachments:read', { sha256: 'a'.repeat(64) }, ctx)).resolves.toEqual({ ok: true, value: { status: 'missing' } });
  });

  it('[fault] refuses `..`, absolute paths, separators and upper-case hex before the handler runs', async () => {
    const { dispatch } = setup();
    for (const sha256 of ['../../etc/passwd', '/etc/passwd', `../${'a'.repeat(61)}`, `${'a'.repeat(32)}/${'b'.repeat(31)}`, 'A'.repeat(64), 'a'.repeat(63), `${'a'.repeat(64)}\0`, 'C:\\Windows\\win.ini']) {
      const result = await dispatch('attachments:read', { sha256 }, ctx);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
    const store = new AttachmentStore(work);
    expect(store.pathOf('../x', keys)).toBeNull();
    await expect(store.read('../../etc/passwd', keys)).resolves.toEqual({ status: 'refused' });
  });

  it('[fault] refuses a symlink planted in the store that points outside it, also when the store folder itself is a link', async () => {
    const { dispatch, store, dataDir } = setup();
    await dispatch('attachments:add', { name: 'x.png', dataBase64: b64(PNG_1X1) }, ctx);
    const secret = path.join(work, `secret-${n}.png`);
    writeFileSync(secret, PNG_1X1);
    const planted = 'f'.repeat(64);
    symlinkSync(secret, path.join(store, planted));
    await expect(dispatch('attachments:read', { sha256: planted }, ctx)).resolves.toEqual({ ok: true, value: { status: 'refused' } });
    // A directory under a hash name is refused too.
    mkdirSync(path.join(store, 'e'.repeat(64)));
    await expect(dispatch('attachments:read', { sha256: 'e'.repeat(64) }, ctx)).resolves.toEqual({ ok: true, value: { status: 'refused' } });

    // The store folder may itself be a link (a data dir moved to another disk): its plain files are read, links in it are not.
    const elsewhere = path.join(work, `elsewhere-${n}`);
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, sha(PNG_1X1)), PNG_1X1);
    rmSync(store, { recursive: true });
    symlinkSync(elsewhere, store);
    const other = new AttachmentStore(dataDir);
    await expect(other.read(sha(PNG_1X1), keys)).resolves.toMatchObject({ status: 'ok', mime: 'image/png' });
    symlinkSync(secret, path.join(elsewhere, planted));
    await expect(other.read(planted, keys)).resolves.toEqual({ status: 'refused' });
  });

  it('refuses a stored file whose bytes are no longer a scan', async () => {
    const { dispatch, store } = setup();
    mkdirSync(store, { recursive: true });
    writeFileSync(path.join(store, 'b'.repeat(64)), EXE_HEAD);
    await expect(dispatch('attachments:read', { sha256: 'b'.repeat(64) }, ctx)).resolves.toEqual({ ok: true, value: { status: 'refused' } });
  });
});

describe('attachments:purge', () => {
  it('deletes only store files not in the live set, sparing recent ones, foreign names and link targets', async () => {
    let clock = new Date();
    const { dispatch, store } = setup(() => clock);
    const pdf = await pdfBytes(1);
    await dispatch('attachments:add', { name: 'a.pdf', dataBase64: b64(pdf) }, ctx);
    await dispatch('attachments:add', { name: 'b.png', dataBase64: b64(PNG_1X1) }, ctx);
    const outside = path.join(work, `outside-${n}.png`);
    writeFileSync(outside, PNG_1X1);
    symlinkSync(outside, path.join(store, 'c'.repeat(64)));
    writeFileSync(path.join(store, 'notes.txt'), 'not ours');

    // Just written: nothing unreferenced is old enough yet.
    await expect(dispatch('attachments:purge', { keep: [sha(pdf)] }, ctx)).resolves.toEqual({ ok: true, value: { removed: 1, kept: 2 } });
    expect(existsSync(path.join(store, 'c'.repeat(64)))).toBe(false);
    expect(existsSync(outside)).toBe(true);

    clock = new Date(Date.now() + 2 * 60 * 60 * 1000);
    const old = new Date(Date.now() - 1000);
    utimesSync(path.join(store, onDisk(PNG_1X1)), old, old);
    await expect(dispatch('attachments:purge', { keep: [sha(pdf)] }, ctx)).resolves.toEqual({ ok: true, value: { removed: 1, kept: 1 } });
    expect(readdirSync(store).sort()).toEqual([onDisk(pdf), 'notes.txt'].sort());
    expect(lstatSync(path.join(store, onDisk(pdf))).isFile()).toBe(true);

    // An old orphan attached again just before a purge that did not know of it yet survives that purge.
    utimesSync(path.join(store, onDisk(pdf)), old, old);
    await dispatch('attachments:add', { name: 'again.pdf', dataBase64: b64(pdf) }, ctx);
    await expect(dispatch('attachments:purge', { keep: [] }, ctx)).resolves.toEqual({ ok: true, value: { removed: 0, kept: 1 } });
    expect(existsSync(path.join(store, onDisk(pdf)))).toBe(true);
  });

  it('refuses a keep list with anything but hashes', async () => {
    const { dispatch } = setup();
    await expect(dispatch('attachments:purge', { keep: ['../x'] }, ctx)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    await expect(dispatch('attachments:purge', { keep: [] }, ctx)).resolves.toEqual({ ok: true, value: { removed: 0, kept: 0 } });
  });
});
