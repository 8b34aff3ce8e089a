import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient, enrollPc, type SyncServerAddress } from '../../../electron/main/sync/client';
import { startSyncServer } from '../../../electron/sync-server/server';
import { SyncStore } from '../../../electron/sync-server/store';
import { createServerCertificate } from '../../../electron/sync-server/tls';
import { onSearchEntryWrites } from '../../../renderer/src/data/case-writes';
import { allocateCaseNumbers } from '../../../renderer/src/data/cases/cases.repo';
import { registerDocument } from '../../../renderer/src/data/documents/register.repo';
import { selectDb } from '../support/db-fixtures';
import { writeAudit } from '../../../renderer/src/data/audit.repo';
import { AryzDb } from '../../../renderer/src/data/schema';
import { openConflictFields } from '../../../renderer/src/data/sync/plain-equality';
import { RegisterOfflineError } from '../../../renderer/src/data/sync/register-source';
import { startMissionSync, type MissionSync } from '../../../renderer/src/data/sync/replicate';
import { createAtRestCodec, isSealed } from '../../../shared/crypto/at-rest';
import { sameValue } from '../../../shared/sync/merge';
import { SyncRefusal, type SyncTransport } from '../../../shared/sync/protocol';
import { freePort, postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres';

const binaries = postgresBinaries();
if ('missing' in binaries) console.log(`skipping mission sync integration: ${binaries.missing}`);

const ROOT = resolve(__dirname, '../../..');
const missionCodec = createAtRestCodec(new Uint8Array(32).fill(7));

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface ServerProcess {
  child: ChildProcess;
  output: string[];
}

describe.skipIf('missing' in binaries)('mission sync against PostgreSQL 15 and the sync server', () => {
  let pg: ThrowawayPostgres;
  let pool: Pool;
  let store: SyncStore;
  let syncDir: string;
  let port: number;
  let address: SyncServerAddress;
  let server: ServerProcess;
  const credentials: Record<string, { pcId: string; secret: string }> = {};
  const open: { close(): void }[] = [];

  function startServer(): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/sync-server/main.ts'), 'serve', '127.0.0.1', String(port)], {
      cwd: ROOT,
      env: { ...process.env, ...pg.env, ARYZ_SYNC_DIR: syncDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => output.push(...chunk.split('\n').filter(Boolean)));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => output.push(...chunk.split('\n').filter(Boolean)));
    return waitFor('the sync server to listen', () => output.some((line) => line.startsWith('listening ')), 30_000).then(() => ({ child, output }));
  }

  function client(name: string): SyncTransport & { close(): void } {
    const transport = createSyncClient(address, credentials[name]!, 200);
    open.push(transport);
    return transport;
  }

  function pcDatabase(name: string): AryzDb {
    // Every PC of the mission holds the same data key (issue 16), so rows sealed on one open on the other.
    return new AryzDb(`aryz-${name}`, { indexedDB: new IDBFactory(), IDBKeyRange }, () => missionCodec);
  }

  async function sync(database: AryzDb, name: string, options: { pushBatchSize?: number; caseNumberTag?: string } = {}): Promise<MissionSync> {
    return startMissionSync(database, client(name), {
      writer: credentials[name]!.pcId,
      retryMs: 100,
      codecOf: () => missionCodec,
      ...options,
      onError: (table, error) => {
        if (!(error instanceof SyncRefusal) && process.env.ARYZ_SYNC_DEBUG) console.log(`sync error on ${name} ${table}: ${String(error)}`);
      },
    });
  }

  beforeAll(async () => {
    if ('missing' in binaries) return;
    pg = await startThrowawayPostgres(binaries.dir);
    pool = new Pool({ host: '127.0.0.1', port: pg.port, user: 'aryz', database: 'postgres' });
    store = new SyncStore(pool);
    await store.migrate();
    syncDir = mkdtempSync(join(tmpdir(), 'aryz-sync-'));
    const certificate = await createServerCertificate('Aryz test mission', ['127.0.0.1']);
    writeFileSync(join(syncDir, 'server.crt'), certificate.cert);
    writeFileSync(join(syncDir, 'server.key'), certificate.key);
    port = await freePort();
    address = { url: `https://127.0.0.1:${port}`, certPem: certificate.cert, fingerprint256: certificate.fingerprint256 };
    server = await startServer();
    for (const name of ['pcA', 'pcB', 'pcPending', 'pcExpired']) {
      const pcId = `${name}-0000000001`;
      const enrolled = await enrollPc(address, pcId, name);
      expect(enrolled.approved).toBe(false);
      credentials[name] = { pcId, secret: enrolled.secret };
    }
    await store.approve(credentials.pcA!.pcId, 30);
    await store.approve(credentials.pcB!.pcId, 30);
    await store.approve(credentials.pcExpired!.pcId, 0);
  }, 120_000);

  afterAll(async () => {
    for (const transport of open) transport.close();
    server?.child.kill('SIGKILL');
    await pool?.end();
    pg?.stop();
    if (syncDir) rmSync(syncDir, { recursive: true, force: true });
  });

  it('refuses a PC not approved, a wrong secret, an expired credential and an id already enrolled', async () => {
    await expect(client('pcPending').pull('persons', null, 10)).rejects.toMatchObject({ code: 'PC_NOT_APPROVED' });
    await expect(client('pcExpired').pull('persons', null, 10)).rejects.toMatchObject({ code: 'CREDENTIAL_EXPIRED' });
    const forged = createSyncClient(address, { pcId: credentials.pcA!.pcId, secret: 'not-the-secret' });
    open.push(forged);
    await expect(forged.pull('persons', null, 10)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(enrollPc(address, credentials.pcA!.pcId, 'impostor')).rejects.toBeInstanceOf(SyncRefusal);
  });

  it('refuses a server whose certificate is not the pinned one, and a bind address outside the LAN', async () => {
    const other = await createServerCertificate('someone else', ['127.0.0.1']);
    const wrongPin = createSyncClient({ ...address, fingerprint256: other.fingerprint256 }, credentials.pcA!);
    open.push(wrongPin);
    await expect(wrongPin.pull('persons', null, 10)).rejects.toThrow(/pinned/);
    await expect(startSyncServer({ store, cert: other.cert, key: other.key, host: '8.8.8.8', port: 0 })).rejects.toThrow(/not a LAN address/);
  });

  it('merges offline edits of different fields from two PCs, and records the same field edited on both as a conflict', async () => {
    const a = pcDatabase('merge-a');
    const b = pcDatabase('merge-b');
    await a.persons.put({ id: 'p1', placeOfBirth: 'Бишкек', email: 'a1@example.kg', ruPostalAddress: 'Москва', updatedAt: '2026-12-01T10:00:00Z' } as never);
    await a.cases.put({ id: 'c1', personId: 'p1', number: 'A-1', status: 'intake', updatedAt: '2026-12-01T10:00:00Z' } as never);
    await a.requests.put({ id: 'r1', caseId: 'c1', addressee: 'ГУВМ МВД России', ourNumber: '12', updatedAt: '2026-12-01T10:00:00Z' } as never);
    await a.checks.put({ id: 'k1', caseId: 'c1', at: '2026-12-01T10:00:00Z', channel: 'mvd_site', listed: true } as never);
    let syncA = await sync(a, 'pcA');
    await syncA.idle();
    const caseWrites: string[] = [];
    onSearchEntryWrites(b, (ids) => ids !== 'all' && caseWrites.push(...ids));
    let syncB = await sync(b, 'pcB');
    await syncB.idle();
    expect(await b.persons.get('p1')).toMatchObject({ placeOfBirth: 'Бишкек', email: 'a1@example.kg' });
    expect(await b.cases.get('c1')).toMatchObject({ number: 'A-1' });
    expect(await b.requests.get('r1')).toMatchObject({ ourNumber: '12' });
    expect(await b.checks.get('k1')).toMatchObject({ listed: true });
    expect(caseWrites).toContain('c1'); // rows from the server get their search entries, and the index hears of them
    expect(await b.caseSearch.get('c1')).toMatchObject({ number: 'A-1' });
    await syncA.stop();
    await syncB.stop();

    // Both offline: different fields, and one field (the placeOfBirth) on both.
    await a.persons.update('p1', { email: 'a2@example.kg', placeOfBirth: 'Ош', updatedAt: '2026-12-02T09:00:00Z' });
    await b.persons.update('p1', { ruPostalAddress: 'Казань', placeOfBirth: 'Нарын', updatedAt: '2026-12-02T09:05:00Z' });
    syncA = await sync(a, 'pcA');
    await syncA.idle();
    syncB = await sync(b, 'pcB');
    await syncB.idle();
    await waitFor('both PCs to agree', async () => {
      if (process.env.ARYZ_SYNC_DEBUG) console.log(JSON.stringify([await a.persons.get('p1'), await b.persons.get('p1')]));
      const [pa, pb] = [await a.persons.get('p1'), await b.persons.get('p1')];
      return pa?.email === 'a2@example.kg' && pa?.ruPostalAddress === 'Казань' && sameValue(pa, pb);
    });
    const merged = (await b.persons.get('p1')) as unknown as Record<string, unknown>;
    expect(merged).toMatchObject({ email: 'a2@example.kg', ruPostalAddress: 'Казань', placeOfBirth: 'Ош', updatedAt: '2026-12-02T09:05:00Z' });
    const conflicts = await b.syncConflicts.toArray();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ table: 'persons', key: 'p1', resolved: false });
    // Kept as the rows are, sealed; the conflict view opens them.
    expect(conflicts[0]!.fields.every((f) => isSealed(f.base) && isSealed(f.mine) && isSealed(f.theirs))).toBe(true);
    expect(openConflictFields(conflicts[0]!, missionCodec)).toEqual([{ field: 'placeOfBirth', base: 'Бишкек', mine: 'Нарын', theirs: 'Ош' }]);
    expect(await a.syncConflicts.count()).toBe(0);

    // Both online: an edit on one PC reaches the other through the live stream.
    const started = Date.now();
    await a.persons.update('p1', { email: 'a3@example.kg' });
    await waitFor('the live edit on the other PC', async () => (await b.persons.get('p1'))?.email === 'a3@example.kg', 10_000);
    console.log(`sync propagate_ms=${Date.now() - started}`);

    // A deletion travels as a tombstone: the row leaves the other PC too, and the case index hears of it.
    caseWrites.length = 0;
    await a.cases.delete('c1');
    await waitFor('the deletion on the other PC', async () => (await b.cases.get('c1')) === undefined, 10_000);
    expect(caseWrites).toContain('c1');
    const tomb = await pool.query("SELECT deleted FROM sync_docs WHERE collection = 'cases' AND id = 'c1'");
    expect(tomb.rows).toEqual([{ deleted: true }]);
    await syncA.stop();
    await syncB.stop();
  }, 90_000);

  it('merges the surname edited on one PC and the phone on another without a conflict, though every save re-seals the row', async () => {
    const a = pcDatabase('reseal-a');
    const b = pcDatabase('reseal-b');
    const nameRu = { surname: 'Асанов', givenName: 'Бакыт', patronymic: '' };
    await a.persons.put({ id: 'p9', nameRu, phones: ['+79001234567'], updatedAt: '2026-12-01T10:00:00Z' } as never);
    let syncA = await sync(a, 'pcA');
    await syncA.idle();
    let syncB = await sync(b, 'pcB');
    await syncB.idle();
    expect(await b.persons.get('p9')).toMatchObject({ nameRu });
    await syncA.stop();
    await syncB.stop();

    // Each PC saves the whole row (as the person form does), so the untouched field is sealed again, new nonce.
    const rawBefore = (await pool.query<{ doc: { phones: string } }>("SELECT doc FROM sync_docs WHERE collection = 'persons' AND id = 'p9'")).rows[0]!.doc;
    const onA = (await a.persons.get('p9'))!;
    await a.persons.put({ ...onA, nameRu: { ...nameRu, surname: 'Асанова' }, updatedAt: '2026-12-02T09:00:00Z' });
    const onB = (await b.persons.get('p9'))!;
    await b.persons.put({ ...onB, phones: ['+79007654321'], updatedAt: '2026-12-02T09:05:00Z' });
    syncA = await sync(a, 'pcA');
    await syncA.idle();
    const rawAfterA = (await pool.query<{ doc: { phones: string } }>("SELECT doc FROM sync_docs WHERE collection = 'persons' AND id = 'p9'")).rows[0]!.doc;
    expect(isSealed(rawAfterA.phones)).toBe(true);
    expect(rawAfterA.phones).not.toBe(rawBefore.phones); // the premise: ciphertext of the unchanged phone changed
    syncB = await sync(b, 'pcB');
    await syncB.idle();
    await syncA.idle();
    await waitFor('both PCs to hold both edits', async () => {
      const [pa, pb] = [await a.persons.get('p9'), await b.persons.get('p9')];
      return [pa, pb].every((p) => p?.nameRu?.surname === 'Асанова' && p?.phones?.[0] === '+79007654321');
    });
    expect(await a.syncConflicts.where('[table+key]').equals(['persons', 'p9']).count()).toBe(0);
    expect(await b.syncConflicts.where('[table+key]').equals(['persons', 'p9']).count()).toBe(0);
    await syncA.stop();
    await syncB.stop();
  }, 90_000);

  it('syncs documents and the outgoing register, numbered by the server on a joined PC and by the local counter otherwise', async () => {
    const a = pcDatabase('register-a');
    const b = pcDatabase('register-b');
    const lone = pcDatabase('register-lone');
    const actor = { who: 'Исполнитель', missionId: 'm1', missionPrefix: 'КР-М' };
    const letter = { caseId: 'c7', templateId: 'request_mvd', templateVersion: 1, title: 'Запрос', addressee: 'ГУВМ МВД России', date: '2027-01-15', numbered: true };
    // The data layer writes to the database selected: each PC's letter is registered with its database selected.
    const registerOn = (pc: AryzDb) => {
      selectDb(pc);
      return registerDocument(letter, actor);
    };
    const caseRow = { id: 'c7', personId: 'p7', number: 'КР-М-27-00001', status: 'intake', summary: { nameRu: 'Асанов Бакыт' }, updatedAt: '2027-01-10T10:00:00Z' };
    for (const db of [a, lone]) await db.cases.put(caseRow as never);
    // Before joining, A numbers from its own counter; so does a PC that never joins.
    expect((await registerOn(a)).outgoingSeq).toBe(1);
    expect((await registerOn(lone)).outgoingSeq).toBe(1);
    expect((await registerOn(lone)).outgoingSeq).toBe(2);

    const syncA = await sync(a, 'pcA');
    await syncA.idle();
    const syncB = await sync(b, 'pcB');
    await syncB.idle();
    expect(await b.outgoing.get([2027, 1])).toMatchObject({ caseId: 'c7', status: 'registered' });
    const outgoingWrites: string[] = [];
    onSearchEntryWrites(b, (ids) => ids !== 'all' && outgoingWrites.push(...ids));

    // Joined and online: both PCs register at once; the server numbers them, past the number A brought along.
    // The data layer writes to one selected database at a time, so the two PCs take turns; the server's
    // numbering of truly simultaneous requests is the server test's (register/next under a row lock).
    const both = [await registerOn(a), await registerOn(b), await registerOn(a), await registerOn(b)];
    expect(both.map((d) => d.outgoingSeq).sort()).toEqual([2, 3, 4, 5]);
    await waitFor('both registers to hold every number', async () => (await a.outgoing.count()) === 5 && (await b.outgoing.count()) === 5 && (await a.documents.count()) === 5 && (await b.documents.count()) === 5);
    const numbers = async (db: AryzDb) => (await db.outgoing.orderBy('[year+seq]').toArray()).map((row) => `${row.number}|${row.documentId}`);
    expect(await numbers(b)).toEqual(await numbers(a));
    expect(new Set((await a.outgoing.toArray()).map((row) => row.number)).size).toBe(5);
    expect((await b.documents.get(both[0]!.id))?.outgoingNumber).toBe(both[0]!.outgoingNumber);
    expect(outgoingWrites).toContain('c7'); // the case index learns the numbers that came from the other PC

    // Joined but the server out of reach: no number is given and nothing is written.
    await syncA.stop();
    await syncB.stop();
    await expect(registerOn(a)).rejects.toBeInstanceOf(RegisterOfflineError);
    expect(await a.outgoing.count()).toBe(5);
    expect(await a.documents.count()).toBe(5);
  }, 90_000);

  it('gives case numbers that cannot collide across PCs numbering offline at the same time, and leaves a lone PC as it was', async () => {
    const a = pcDatabase('numbers-a');
    const b = pcDatabase('numbers-b');
    const lone = pcDatabase('numbers-lone');
    const allocate = (db: AryzDb, count: number) => selectDb(db).transaction('rw', db.cases, db.counters, () => allocateCaseNumbers('КР-М', 2026, count));
    expect(await allocate(lone, 2)).toEqual(['КР-М-26-00001', 'КР-М-26-00002']);
    for (const [db, name, tag] of [[a, 'pcA', 'A1'], [b, 'pcB', 'B2']] as const) {
      const started = await sync(db, name, { caseNumberTag: tag });
      await started.stop(); // joined, now offline
    }
    const [fromA, fromB] = [await allocate(a, 2), await allocate(b, 2)];
    expect(fromA).toEqual(['КР-М-A1-26-00001', 'КР-М-A1-26-00002']);
    expect(fromB).toEqual(['КР-М-B2-26-00001', 'КР-М-B2-26-00002']);
    for (const [db, numbers] of [[a, fromA], [b, fromB]] as const) {
      await db.cases.bulkPut(numbers.map((number) => ({ id: `case-${number}`, personId: 'p0', number, status: 'intake', updatedAt: '2026-12-05T10:00:00Z' })) as never);
    }
    // The tag is kept across restarts: the next start without one numbers in the same series.
    const syncA = await sync(a, 'pcA');
    const syncB = await sync(b, 'pcB');
    await waitFor('each PC to hold the other\'s cases', async () => (await a.cases.where('number').startsWith('КР-М-B2').count()) === 2 && (await b.cases.where('number').startsWith('КР-М-A1').count()) === 2);
    expect(await allocate(a, 1)).toEqual(['КР-М-A1-26-00003']);
    await syncA.stop();
    await syncB.stop();
  }, 90_000);

  it('pushes each PC\'s audit as its own chain under "<pcId>:<seq>" ids, and the server keeps a row the PC later changed', async () => {
    // PCs of their own: an audit id is its PC's id and local seq, and other tests' databases push as pcA and pcB.
    for (const name of ['pcAuditA', 'pcAuditB']) {
      const pcId = `${name}-0000000001`;
      credentials[name] = { pcId, secret: (await enrollPc(address, pcId, name)).secret };
      await store.approve(pcId, 30);
    }
    const a = pcDatabase('audit-a');
    const b = pcDatabase('audit-b');
    const entry = (n: number) => ({ at: `2026-12-06T10:00:0${n}Z`, who: 'Исполнитель', caseId: 'c1', entity: 'case' as const, entityId: 'c1', action: 'update' as const, changes: [{ field: 'status', before: 'intake', after: `s${n}` }] });
    selectDb(a);
    await writeAudit(entry(1));
    selectDb(a);
    await writeAudit(entry(2));
    selectDb(b);
    await writeAudit(entry(3));
    const errors: unknown[] = [];
    const syncA = await startMissionSync(a, client('pcAuditA'), { writer: credentials.pcAuditA!.pcId, retryMs: 100, codecOf: () => missionCodec, onError: (_t, e) => errors.push(e) });
    const syncB = await sync(b, 'pcAuditB');
    await Promise.all([syncA.idle(), syncB.idle()]);
    selectDb(a);
    await writeAudit(entry(4)); // written while joined: pushed as it happens
    const chainOf = async (pcId: string) => {
      const rows = await pool.query<{ id: string; doc: { prevHash: string; hash: string; changes: string } }>(
        "SELECT id, doc FROM sync_docs WHERE collection = 'audit' AND id LIKE $1 ORDER BY id",
        [`${pcId}:%`],
      );
      return rows.rows;
    };
    await waitFor('A\'s third row on the server', async () => (await chainOf(credentials.pcAuditA!.pcId)).length === 3);
    const chainA = await chainOf(credentials.pcAuditA!.pcId);
    expect(chainA.map((r) => r.id)).toEqual([1, 2, 3].map((n) => `${credentials.pcAuditA!.pcId}:${n}`));
    expect(chainA.slice(1).every((row, i) => row.doc.prevHash === chainA[i]!.doc.hash)).toBe(true); // one unbroken chain per PC
    expect(isSealed(chainA[0]!.doc.changes)).toBe(true); // rows rest on the server as the PC stores them
    expect((await chainOf(credentials.pcAuditB!.pcId)).map((r) => r.id)).toEqual([`${credentials.pcAuditB!.pcId}:1`]);
    expect(await b.audit.count()).toBe(1); // other PCs' audit stays on the server

    // A row changed on the PC afterwards (outside the app's writes) is refused by the server, which keeps the first.
    const firstHash = chainA[0]!.doc.hash;
    await a.audit.update(1, { note: 'changed afterwards' });
    await waitFor('the server to refuse the edit', async () => errors.some((e) => e instanceof SyncRefusal && e.code === 'APPEND_ONLY'));
    expect((await chainOf(credentials.pcAuditA!.pcId))[0]!.doc.hash).toBe(firstHash);
    expect((await chainOf(credentials.pcAuditA!.pcId))[0]!.doc).not.toHaveProperty('note');
    await syncA.stop();
    await syncB.stop();
  }, 90_000);

  it('hands out outgoing numbers to two PCs at once without ever sharing one', async () => {
    const [a, b] = [client('pcA'), client('pcB')];
    const numbers = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).nextRegisterNumber(2026)));
    const seqs = numbers.map((n) => n.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const issued = await pool.query<{ pc_id: string; n: string }>('SELECT pc_id, count(*) AS n FROM register_issued WHERE year = 2026 GROUP BY pc_id ORDER BY pc_id');
    expect(issued.rows.map((r) => Number(r.n))).toEqual([20, 20]);
  });

  it('finishes a push cut short by the server being killed, once the server is back, with every row exactly once', async () => {
    const a = pcDatabase('kill-a');
    const rows = Array.from({ length: 1500 }, (_, i) => ({ id: `k${String(i).padStart(5, '0')}`, placeOfBirth: `S${i}`, updatedAt: '2026-12-03T00:00:00Z' }));
    await a.persons.bulkPut(rows as never);
    const before = server.output.length;
    const syncA = await sync(a, 'pcA', { pushBatchSize: 50 });
    await waitFor('the first push to land', () => server.output.slice(before).some((line) => line.startsWith('push ')), 30_000);
    server.child.kill('SIGKILL');
    const atKill = Number((await pool.query("SELECT count(*) AS n FROM sync_docs WHERE collection = 'persons' AND id LIKE 'k%'")).rows[0].n);
    expect(atKill).toBeLessThan(1500);
    await new Promise((r) => setTimeout(r, 500));
    server = await startServer();
    await waitFor('the push to finish', async () => Number((await pool.query("SELECT count(*) AS n FROM sync_docs WHERE collection = 'persons' AND id LIKE 'k%'")).rows[0].n) === 1500, 60_000);
    await syncA.idle();
    const b = pcDatabase('kill-b');
    const pullStarted = Date.now();
    const syncB = await sync(b, 'pcB');
    await syncB.idle();
    console.log(`sync initial_pull_rows=${await b.persons.count()} initial_pull_ms=${Date.now() - pullStarted} (fake-indexeddb)`);
    expect(await b.persons.where('id').startsWith('k').count()).toBe(1500);
    await syncA.stop();
    await syncB.stop();
    console.log(`sync killed_at_rows=${atKill} of 1500`);
  }, 120_000);

  it('keeps audit rows append-only: an edit or deletion is refused by the server and by PostgreSQL itself', async () => {
    const a = client('pcA');
    const row = { id: 'pcA:1', _deleted: false, at: '2026-12-04T10:00:00Z', who: 'acc-1', action: 'create', entity: 'case', entityId: 'c1', caseId: 'c1', changes: [] };
    expect(await a.push('audit', [{ newDocumentState: row }, { newDocumentState: row }])).toEqual([]); // one id twice in a push
    expect(await a.push('audit', [{ newDocumentState: row, assumedMasterState: row }])).toEqual([]); // a resend after a cut is no edit
    await expect(a.push('audit', [{ newDocumentState: { ...row, who: 'someone-else' }, assumedMasterState: row }])).rejects.toMatchObject({ code: 'APPEND_ONLY' });
    await expect(a.push('audit', [{ newDocumentState: { ...row, _deleted: true }, assumedMasterState: row }])).rejects.toMatchObject({ code: 'APPEND_ONLY' });
    await expect(pool.query("UPDATE sync_docs SET doc = '{\"who\":\"x\"}'::json WHERE collection = 'audit'")).rejects.toThrow(/append-only/);
    await expect(pool.query("DELETE FROM sync_docs WHERE collection = 'audit'")).rejects.toThrow(/append-only/);
    const kept = await pool.query("SELECT doc->>'who' AS who FROM sync_docs WHERE collection = 'audit' AND id = 'pcA:1'");
    expect(kept.rows).toEqual([{ who: 'acc-1' }]);
  });
});
