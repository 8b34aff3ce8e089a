import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { guardHandlers } from '../../../../../electron/main/accounts/guard';
import { setAccountKdfForTests } from '../../../../../electron/main/accounts/key-wrap';
import { AccountService } from '../../../../../electron/main/accounts/store';
import { memorySecretStore } from '../../../../../electron/main/backup/secrets';
import { isSealed } from '../../../../../electron/main/crypto/file-cipher';
import { setSealingKdfForTests } from '../../../../../electron/main/crypto/sealed-file';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher, type CallContext } from '../../../../../electron/main/ipc/dispatch';
import { filesUnder, scanForValues, type AtRestHit } from '../../../../tools/at-rest-scan';
import { testContext } from '../../../support/call-context';
import { factoryTemplate, fixtureInputs, payloadInputs } from '../../../support/document-fixtures';
import { testMainDeps } from '../../../support/main-deps';

/**
 * Nothing readable at rest from main: every kind of file main writes, written through the real handlers behind the
 * real guard and a real signed-in account, then the data folder scanned for the personal values (UTF-8, UTF-16LE).
 */

const work = mkdtempSync(path.join(tmpdir(), 'aryz-at-rest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => {
  setAccountKdfForTests({ N: 2 ** 10, r: 8, p: 1 });
  setSealingKdfForTests({ N: 2 ** 10, r: 8, p: 1 });
});

const PERSONAL = ['Үсөнов', 'Маңызбек', '21203199000123', 'AN1234567', 'Ошская обл., г. Ош, ул. Ленина, 5'];
const ADMIN = { name: 'Токтогулов Нурлан', position: 'Консул', password: 'correct horse battery staple' };
const PASS = 'a long enough passphrase for backups';

/** A "scan" whose raw bytes carry the values in both encodings (a PDF header, so the store accepts it). */
const SCAN = Buffer.concat([Buffer.from('%PDF-1.4\n', 'ascii'), Buffer.from(PERSONAL.join(' | '), 'utf8'), Buffer.from(PERSONAL.join(' | '), 'utf16le')]);
/** The database export a page streams to a backup (plain JSON lines here, so a plain staging file would show it). */
const EXPORT = Buffer.from(`${JSON.stringify({ table: 'cases', row: { surname: PERSONAL[0], pin: PERSONAL[2], doc: PERSONAL[3], address: PERSONAL[4] } })}\n`, 'utf8');

let n = 0;
async function installation(secrets = memorySecretStore()) {
  const dataDir = path.join(work, `data-${(n += 1)}`);
  mkdirSync(dataDir);
  const accounts = new AccountService(dataDir);
  const viewerDir = path.join(work, `viewer-${n}`);
  const deps = testMainDeps(dataDir, { accounts, fileKeys: undefined, secrets, viewerTempDir: viewerDir, now: () => new Date() });
  const dispatch = createDispatcher(guardHandlers(createHandlers(deps), accounts), () => undefined);
  const call = async <T = Record<string, unknown>>(channel: string, payload: unknown, ctx: CallContext = testContext()): Promise<T> => {
    const result = await dispatch(channel, payload, ctx);
    if (!result.ok) throw Object.assign(new Error(`${channel}: ${JSON.stringify(result.error)}`), { code: result.error.code });
    return result.value as T;
  };
  const setup = await call<{ status: string; recoveryKey: string; session: { accountId: string } }>('accounts:setup', ADMIN);
  expect(setup.status).toBe('ok');
  return { dataDir, viewerDir, call, dispatch, accounts, recoveryKey: setup.recoveryKey, accountId: setup.session.accountId };
}

async function backUp(call: Awaited<ReturnType<typeof installation>>['call'], reason: 'manual' | 'upgrade', probe?: () => void) {
  const begun = await call<{ status: string; session: string }>('backup:begin', { reason, schemaVersion: 3, counts: { cases: 1 } });
  expect(begun.status).toBe('started');
  await call('backup:append', { session: begun.session, seq: 0, data: EXPORT.toString('base64') });
  // Mid-session: the staging file holds the export so far.
  probe?.();
  return call<{ status: string; fileName: string; folder: string }>('backup:finish', { session: begun.session });
}

async function restoreText(call: Awaited<ReturnType<typeof installation>>['call'], file: string, passphrase: string) {
  const ctx = testContext({ pickFiles: vi.fn(async () => [file]) });
  const picked = await call<{ status: string; pick: string }>('backup:restorePick', {}, ctx);
  expect(picked.status).toBe('picked');
  const opened = await call<{ status: string; restore: string; reason?: string }>('backup:restoreOpen', { pick: picked.pick, passphrase, schemaVersion: 3 });
  if (opened.status !== 'opened') return { refused: opened.reason };
  const slices: Buffer[] = [];
  for (;;) {
    const slice = await call<{ status: string; data?: string }>('backup:restoreRead', { restore: opened.restore });
    if (slice.status !== 'data') break;
    slices.push(Buffer.from(slice.data!, 'base64'));
  }
  await call('backup:restoreCommit', { restore: opened.restore });
  return { text: Buffer.concat(slices) };
}

describe('files main writes are unreadable at rest', () => {
  it('the scan is not blind: it finds the values in a plain control copy, in both encodings', () => {
    const control = path.join(work, 'control');
    mkdirSync(control);
    writeFileSync(path.join(control, 'scan.pdf'), SCAN);
    const hits = scanForValues([control], PERSONAL);
    expect(hits.filter((h) => h.encoding === 'utf-8')).toHaveLength(PERSONAL.length);
    expect(hits.filter((h) => h.encoding === 'utf-16le')).toHaveLength(PERSONAL.length);
  });

  it('scans, generated letters, viewer copies, backup staging and both kinds of backup hold no personal value', async () => {
    const secrets = memorySecretStore();
    const app = await installation(secrets);
    // Attachments: sealed, under a name that is not the scan's SHA-256; read back whole.
    const added = await app.call<{ status: string; sha256: string }>('attachments:add', { name: 'паспорт.pdf', dataBase64: SCAN.toString('base64') });
    expect(added.status).toBe('stored');
    const store = filesUnder(path.join(app.dataDir, 'attachments'));
    expect(store.map((f) => path.basename(f))).not.toContain(added.sha256);
    expect(store.every((f) => isSealed(readFileSync(f)))).toBe(true);
    const read = await app.call<{ status: string; dataBase64: string }>('attachments:read', { sha256: added.sha256 });
    expect(Buffer.from(read.dataBase64, 'base64').equals(SCAN)).toBe(true);

    // A generated letter: sealed; the plain PDF appears nowhere in the data folder.
    const generated = await app.call<{ status: string; relPath: string }>('documents:generate', { caseId: 'case-1', documentId: 'doc-1', template: factoryTemplate('mission_letter_mvd'), inputs: payloadInputs(fixtureInputs('mission_letter_mvd')) });
    expect(generated.status).toBe('generated');
    let plainPdf = Buffer.alloc(0);
    const saveFile = vi.fn(async (request: { data: Uint8Array; defaultName: string }) => {
      plainPdf = Buffer.from(request.data);
      return { status: 'saved' as const, fileName: request.defaultName };
    });
    await app.call('documents:saveAs', { relPath: generated.relPath }, testContext({ saveFile }));
    expect(plainPdf.subarray(0, 5).toString()).toBe('%PDF-');
    for (const file of filesUnder(path.join(app.dataDir, 'cases'))) {
      const raw = readFileSync(file);
      expect(isSealed(raw)).toBe(true);
      expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
      expect(raw.includes(plainPdf.subarray(plainPdf.length - 200))).toBe(false);
    }

    // Opening it gives the viewer a plain copy outside the data folder, in the private viewer folder only.
    const shown: string[] = [];
    await app.call('documents:open', { relPath: generated.relPath }, testContext({ openPath: vi.fn(async (file: string) => void shown.push(file)) }));
    expect(shown[0]!.startsWith(app.viewerDir)).toBe(true);
    expect(readFileSync(shown[0]!).equals(plainPdf)).toBe(true);

    // Backups: the pre-upgrade copy without a passphrase (sealed by the data key), then one with a passphrase.
    let midSession: AtRestHit[] = [{ file: 'not probed', value: '', encoding: 'utf-8' }];
    const keyed = await backUp(app.call, 'upgrade', () => (midSession = scanForValues([app.dataDir], PERSONAL)));
    expect(keyed.status).toBe('done');
    expect(midSession).toEqual([]);
    expect(keyed.folder).toBe(path.join(app.dataDir, 'backups-before-upgrade'));
    await secrets.save(PASS);
    const sealed = await backUp(app.call, 'manual');
    expect(sealed.status).toBe('done');

    expect(scanForValues([app.dataDir], PERSONAL)).toEqual([]);
    // No staging file survives a finished backup.
    expect(filesUnder(path.join(app.dataDir, 'backup-staging'))).toEqual([]);

    // Both backups restore on this installation: the key-sealed one needs no passphrase from a signed-in account.
    const own = await restoreText(app.call, path.join(keyed.folder, keyed.fileName), '');
    expect(own.text?.equals(EXPORT)).toBe(true);
    const byPass = await restoreText(app.call, path.join(sealed.folder, sealed.fileName), PASS);
    expect(byPass.text?.equals(EXPORT)).toBe(true);
    // Restored attachments are staged and stored sealed too.
    expect(scanForValues([app.dataDir], PERSONAL)).toEqual([]);
  });

  it('a backup sealed by the data key opens on a new PC with the old recovery key, and not without it', async () => {
    const old = await installation();
    const keyed = await backUp(old.call, 'upgrade');
    const file = path.join(keyed.folder, keyed.fileName);
    const fresh = await installation();
    expect(await restoreText(fresh.call, file, '')).toEqual({ refused: 'WRONG_PASSPHRASE' });
    expect(await restoreText(fresh.call, file, fresh.recoveryKey)).toEqual({ refused: 'WRONG_PASSPHRASE' });
    // Typed as printed or in lower case with spaces: the recovery key from the old PC's safe.
    const typed = old.recoveryKey.toLowerCase().replace(/-/g, ' ');
    const restored = await restoreText(fresh.call, file, typed);
    expect(restored.text?.equals(EXPORT)).toBe(true);
  });

  it('file channels refuse while locked, and work again once unlocked', async () => {
    const app = await installation();
    const added = await app.call<{ sha256: string }>('attachments:add', { name: 'a.pdf', dataBase64: SCAN.toString('base64') });
    await app.call('accounts:lock', { reason: 'shortcut' });
    for (const [channel, payload] of [
      ['attachments:read', { sha256: added.sha256 }],
      ['attachments:add', { name: 'a.pdf', dataBase64: SCAN.toString('base64') }],
      ['documents:open', { relPath: 'case-1/doc-1.pdf' }],
      ['backup:begin', { reason: 'upgrade', schemaVersion: 3, counts: {} }],
    ] as const) {
      const result = await app.dispatch(channel, payload, testContext());
      expect(result, channel).toEqual({ ok: false, error: { code: 'LOCKED' } });
    }
    await app.call('accounts:signIn', { accountId: app.accountId, password: ADMIN.password });
    await expect(app.call('attachments:read', { sha256: added.sha256 })).resolves.toMatchObject({ status: 'ok' });
  });
});
