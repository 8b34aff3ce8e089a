import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardHandlers } from '../../../../../electron/main/accounts/guard';
import { setAccountKdfForTests } from '../../../../../electron/main/accounts/key-wrap';
import { AccountService } from '../../../../../electron/main/accounts/store';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher, type CallContext } from '../../../../../electron/main/ipc/dispatch';
import { syncSettingsPath } from '../../../../../electron/main/sync/settings-file';
import { startSyncServer, type RunningSyncServer } from '../../../../../electron/sync-server/server';
import { SyncStore } from '../../../../../electron/sync-server/store';
import { createServerCertificate, type ServerCertificate } from '../../../../../electron/sync-server/tls';
import { testMainDeps } from '../../../support/main-deps';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../../../support/postgres';

setAccountKdfForTests({ N: 2 ** 10, r: 8, p: 1 });

const binaries = postgresBinaries();
if ('missing' in binaries) console.log(`skipping the sync IPC handlers against a real server: ${binaries.missing}`);

const ctx: CallContext = {
  saveFile: async ({ defaultName }) => ({ status: 'canceled', fileName: defaultName }),
  pickFiles: async () => null,
  pickFolder: async () => null,
  openPath: async () => undefined,
};

const ADMIN_PASSWORD = 'correct horse battery staple';

interface Pc {
  dataDir: string;
  accounts: AccountService;
  call(channel: string, request: unknown): Promise<unknown>;
  recoveryKey: string;
  dataKey: string;
}

async function newPc(name: string): Promise<Pc> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `aryz-sync-${name}-`));
  const accounts = new AccountService(dataDir);
  const dispatch = createDispatcher(guardHandlers(createHandlers(testMainDeps(dataDir, { accounts, fileKeys: undefined })), accounts));
  const call = async (channel: string, request: unknown) => {
    const result = await dispatch(channel, request, ctx);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const setup = (await call('accounts:setup', { name: `Админ ${name}`, position: 'консул', password: ADMIN_PASSWORD })) as { recoveryKey: string; dataKey: string };
  return { dataDir, accounts, call, recoveryKey: setup.recoveryKey, dataKey: setup.dataKey };
}

describe.skipIf('missing' in binaries)('sync IPC handlers against the mission server on PostgreSQL', () => {
  let pg: ThrowawayPostgres;
  let pool: Pool;
  let store: SyncStore;
  let server: RunningSyncServer;
  let certificate: ServerCertificate;
  let address: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    if ('missing' in binaries) return;
    pg = await startThrowawayPostgres(binaries.dir);
    pool = new Pool({ host: '127.0.0.1', port: pg.port, user: 'aryz', database: 'postgres' });
    store = new SyncStore(pool);
    await store.migrate();
    certificate = await createServerCertificate('Aryz test mission', ['127.0.0.1']);
    server = await startSyncServer({ store, cert: certificate.cert, key: certificate.key, host: '127.0.0.1', port: 0 });
    address = `127.0.0.1:${server.port}`;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await pool?.end();
    pg?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function pc(name: string): Promise<Pc> {
    const made = await newPc(name);
    dirs.push(made.dataDir);
    return made;
  }

  it('joins the first PC: pins the certificate, waits for approval, hands over its key wrapped, and carries pulls and pushes', async () => {
    const a = await pc('a');
    const other = await createServerCertificate('someone else', ['127.0.0.1']);
    expect(await a.call('sync:join', { address, fingerprint: other.fingerprint256 })).toEqual({ status: 'refused', reason: 'fingerprint_mismatch' });
    expect(await a.call('sync:status', {})).toEqual({ state: 'off' });
    expect(await a.call('sync:join', { address: '8.8.8.8:443', fingerprint: certificate.fingerprint256 })).toEqual({ status: 'refused', reason: 'not_lan' });

    // Typed in lower case without colons, as an officer might copy it.
    const joined = (await a.call('sync:join', { address, fingerprint: certificate.fingerprint256.replace(/:/g, '').toLowerCase() })) as { state: string; pcId: string };
    expect(joined).toMatchObject({ state: 'pending', address, fingerprint: certificate.fingerprint256 });
    // The credential is sealed on disk: neither the secret nor the PC id reads in clear.
    const onDisk = readFileSync(syncSettingsPath(a.dataDir));
    expect(onDisk.includes(Buffer.from(joined.pcId))).toBe(false);
    expect(await a.call('sync:join', { address, fingerprint: certificate.fingerprint256 })).toEqual({ status: 'refused', reason: 'already_joined' });

    expect(await a.call('sync:checkApproval', {})).toMatchObject({ state: 'pending' });
    expect(await a.call('sync:pull', { collection: 'cases', checkpoint: null, batchSize: 10 })).toEqual({ status: 'failed', reason: 'NOT_JOINED' });
    expect(await store.approve(joined.pcId, 30)).toBe(true);
    expect(await a.call('sync:checkApproval', {})).toMatchObject({ state: 'joined', missionKey: true });

    // What the server holds for the mission key is the recovery wrapping, not the key.
    const keyRow = await pool.query<{ doc: Record<string, unknown> }>(`SELECT doc FROM sync_docs WHERE collection = 'mission'`);
    expect(keyRow.rows).toHaveLength(1);
    expect(JSON.stringify(keyRow.rows[0]!.doc)).not.toContain(a.dataKey);

    const row = { id: 'case-a1', _deleted: false, status: 'intake', _rev: '1-a', _meta: { lwt: 1 }, _attachments: {} };
    expect(await a.call('sync:push', { collection: 'cases', rows: [{ newDocumentState: row }] })).toEqual({ status: 'ok', conflicts: [] });
    const pulled = (await a.call('sync:pull', { collection: 'cases', checkpoint: null, batchSize: 10 })) as { status: string; result: { documents: { id: string }[] } };
    expect(pulled.result.documents.map((d) => d.id)).toEqual(['case-a1']);

    // A second PC joins the same mission: it must adopt the mission's key with the mission's recovery key.
    const b = await pc('b');
    const bJoined = (await b.call('sync:join', { address, fingerprint: certificate.fingerprint256 })) as { pcId: string };
    await store.approve(bJoined.pcId, 30);
    expect(await b.call('sync:checkApproval', {})).toMatchObject({ state: 'needs_key', missionKey: false });
    expect(await b.call('sync:pull', { collection: 'cases', checkpoint: null, batchSize: 10 })).toEqual({ status: 'failed', reason: 'NOT_JOINED' });
    expect(await b.call('sync:adoptKey', { recoveryKey: b.recoveryKey, password: ADMIN_PASSWORD })).toEqual({ status: 'refused', reason: 'wrong_recovery_key' });
    expect(await b.call('sync:adoptKey', { recoveryKey: a.recoveryKey, password: 'not the password' })).toEqual({ status: 'refused', reason: 'wrong_password' });
    expect(await b.call('sync:adoptKey', { recoveryKey: a.recoveryKey.toLowerCase(), password: ADMIN_PASSWORD })).toEqual({ status: 'ok', dataKey: a.dataKey });
    expect(await b.call('sync:status', {})).toMatchObject({ state: 'joined', missionKey: true });
    // Outgoing numbers come from the server for the whole mission.
    expect(await a.call('sync:registerNext', { year: 2026 })).toEqual({ status: 'ok', number: { year: 2026, seq: 1 } });
    expect(await b.call('sync:registerNext', { year: 2026 })).toEqual({ status: 'ok', number: { year: 2026, seq: 2 } });

    // B's administrator now signs in to the mission's key, and the mission's recovery key is B's recovery key too.
    await b.call('accounts:signOut', {});
    const status = (await b.call('accounts:status', {})) as { accounts: { id: string }[] };
    expect(await b.call('accounts:signIn', { accountId: status.accounts[0]!.id, password: ADMIN_PASSWORD })).toMatchObject({ status: 'ok', dataKey: a.dataKey });
    expect(await b.call('sync:status', {})).toMatchObject({ state: 'joined' });

    // B hears A's next push through the server's live stream.
    expect(await b.call('sync:wait', { waitMs: 0 })).toMatchObject({ changed: [] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await b.call('sync:wait', { waitMs: 0 });
    const waiting = b.call('sync:wait', { waitMs: 20_000 });
    await a.call('sync:push', { collection: 'cases', rows: [{ newDocumentState: { ...row, status: 'work', _rev: '2-a' }, assumedMasterState: row }] });
    expect(await waiting).toMatchObject({ changed: ['cases'], connected: true });

    // Leaving forgets the server and the credential; what the PC pulled stays its own business.
    expect(await b.call('sync:leave', {})).toEqual({ state: 'off' });
    expect(await b.call('sync:pull', { collection: 'cases', checkpoint: null, batchSize: 10 })).toEqual({ status: 'failed', reason: 'NOT_JOINED' });
    expect(await b.call('sync:registerNext', { year: 2026 })).toEqual({ status: 'failed', reason: 'NOT_JOINED' });
  }, 60_000);

  it('refuses to adopt the mission key while the PC has other accounts, and reports a revoked PC as refused', async () => {
    const c = await pc('c');
    await c.call('accounts:add', { name: 'Сотрудник', position: '', role: 'caseworker', password: 'violet tundra kettle 42' });
    const joined = (await c.call('sync:join', { address, fingerprint: certificate.fingerprint256 })) as { pcId: string };
    await store.approve(joined.pcId, 30);
    expect(await c.call('sync:checkApproval', {})).toMatchObject({ state: 'needs_key' });
    const wrongAccounts = await c.call('sync:adoptKey', { recoveryKey: 'WRONG-KEY', password: ADMIN_PASSWORD });
    expect(wrongAccounts).toEqual({ status: 'refused', reason: 'other_accounts' });

    const d = await pc('d');
    const dJoined = (await d.call('sync:join', { address, fingerprint: certificate.fingerprint256 })) as { pcId: string };
    await store.approve(dJoined.pcId, 30);
    await d.call('sync:checkApproval', {});
    // D's key is not the mission's: D is waiting for it; revoke it and its calls are refused by the server.
    await store.revoke(dJoined.pcId);
    expect(await d.call('sync:adoptKey', { recoveryKey: 'X', password: ADMIN_PASSWORD })).toEqual({ status: 'failed', reason: 'PC_NOT_APPROVED' });
  }, 60_000);
});
