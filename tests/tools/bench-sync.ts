import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Pool } from 'pg';
import { createSyncClient, enrollPc, type SyncServerAddress } from '../../electron/main/sync/client';
import { SyncStore } from '../../electron/sync-server/store';
import { createServerCertificate } from '../../electron/sync-server/tls';
import { personDataFromIntake, personRow, summaryOf } from '../../renderer/src/data/cases/case-rows';
import { AryzDb } from '../../renderer/src/data/schema';
import { startMissionSync, type MissionSync } from '../../renderer/src/data/sync/replicate';
import { createAtRestCodec } from '../../shared/crypto/at-rest';
import { generateCaseChunks } from '../../shared/seed/generate';
import { freePort, postgresBinaries, startThrowawayPostgres } from '../unit/support/postgres';
import { parseArgs, positiveInt } from './page-tools';

/**
 * `npm run bench:sync -- [--cases N] [--edits E] [--seed S]`: PostgreSQL 15 (a throwaway cluster) and the sync
 * server as its own process, two PCs with the mission's data key, each an AryzDb over fake-indexeddb in this Node
 * process (the engine and its at-rest sealing run as in the app; Chromium's IndexedDB is not measured here, see
 * the closing note). PC A holds N synthetic persons with a case each and joins first (initial push); PC B joins
 * empty (initial pull). Then, both online: E single edits on A, each timed until B holds it (propagate, p50/p95);
 * then 100 edits on A at once, timed until B holds the last one. Details go to stderr; stdout ends with one line:
 *   sync cases=<n> initial_push_s=<x> initial_s=<pull> propagate_ms=<p95> push_100_ms=<y> server_rss_mb=<z>
 */

const USAGE = 'usage: npm run bench:sync -- [--cases N] [--edits E] [--seed S]';
const ROOT = resolve(__dirname, '../..');
const log = (line: string) => process.stderr.write(`${line}\n`);
const codec = createAtRestCodec(new Uint8Array(32).fill(11));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/sync-server/main.ts'), 'serve', '127.0.0.1', String(port)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveStart, reject) => {
    let seen = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      seen += chunk;
      if (/^listening /m.test(seen)) resolveStart(child);
    });
    child.once('exit', (code) => reject(new Error(`the sync server exited (${code})`)));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['cases', 'edits', 'seed']);
  const cases = positiveInt(args.get('cases'), 'cases', 10_000);
  const edits = positiveInt(args.get('edits'), 'edits', 20);
  const seed = positiveInt(args.get('seed'), 'seed', 1);
  const binaries = postgresBinaries();
  if ('missing' in binaries) {
    console.log(`sync skipped: ${binaries.missing}`);
    return;
  }
  const pg = await startThrowawayPostgres(binaries.dir);
  const pool = new Pool({ host: '127.0.0.1', port: pg.port, user: 'aryz', database: 'postgres' });
  const syncDir = mkdtempSync(join(tmpdir(), 'aryz-bench-sync-'));
  let server: ChildProcess | undefined;
  const running: MissionSync[] = [];
  const clients: { close(): void }[] = [];
  try {
    const store = new SyncStore(pool);
    await store.migrate();
    const certificate = await createServerCertificate('Aryz bench mission', ['127.0.0.1']);
    writeFileSync(join(syncDir, 'server.crt'), certificate.cert);
    writeFileSync(join(syncDir, 'server.key'), certificate.key);
    const port = await freePort();
    server = await startServer({ ...pg.env, ARYZ_SYNC_DIR: syncDir }, port);
    const address: SyncServerAddress = { url: `https://127.0.0.1:${port}`, certPem: certificate.cert, fingerprint256: certificate.fingerprint256 };
    const join_ = async (name: string, database: AryzDb): Promise<MissionSync> => {
      const pcId = `${name}-bench-0001`;
      const { secret } = await enrollPc(address, pcId, name);
      await store.approve(pcId, 30);
      const transport = createSyncClient(address, { pcId, secret }, 200);
      clients.push(transport);
      const sync = await startMissionSync(database, transport, { writer: pcId, codecOf: () => codec, pullBatchSize: 500, pushBatchSize: 500 });
      running.push(sync);
      return sync;
    };

    const a = new AryzDb('bench-sync-a', { indexedDB: new IDBFactory(), IDBKeyRange }, () => codec);
    const b = new AryzDb('bench-sync-b', { indexedDB: new IDBFactory(), IDBKeyRange }, () => codec);
    let seeded = 0;
    const seedStarted = Date.now();
    for (const chunk of generateCaseChunks(cases, seed, 1000)) {
      const persons = chunk.map((c, i) => ({ ...personRow(personDataFromIntake(c.form), c.createdAt, c.createdAt), id: `p${seeded + i}` }));
      const rows = chunk.map((c, i) => ({
        id: c.caseId,
        personId: `p${seeded + i}`,
        number: `КР-М-26-${String(seeded + i + 1).padStart(6, '0')}`,
        status: 'intake',
        summary: summaryOf(personDataFromIntake(c.form)),
        createdAt: c.createdAt,
        updatedAt: c.createdAt,
      }));
      await a.transaction('rw', a.persons, a.cases, async () => {
        await a.persons.bulkPut(persons as never);
        await a.cases.bulkPut(rows as never);
      });
      seeded += chunk.length;
    }
    log(`seeded ${seeded} persons and cases on PC A in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

    const pushStarted = Date.now();
    const syncA = await join_('pcA', a);
    await syncA.idle();
    const initialPushS = (Date.now() - pushStarted) / 1000;
    log(`initial push: ${initialPushS.toFixed(1)} s (${seeded} persons + ${seeded} cases)`);

    const pullStarted = Date.now();
    const syncB = await join_('pcB', b);
    await syncB.idle();
    const initialPullS = (Date.now() - pullStarted) / 1000;
    const pulled = await b.cases.count();
    if (pulled !== seeded || (await b.persons.count()) !== seeded) throw new Error(`PC B holds ${pulled} cases after its first pull, not ${seeded}`);
    log(`initial pull: ${initialPullS.toFixed(1)} s`);

    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const id = `p${(i * 7919) % seeded}`;
      const email = `edit${i}@bench.kg`;
      const started = performance.now();
      await a.persons.update(id, { email });
      await waitFor(`edit ${i} on PC B`, async () => (await b.persons.get(id))?.email === email, 30_000);
      times.push(performance.now() - started);
    }
    times.sort((x, y) => x - y);
    log(`propagate over ${edits} edits: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms`);

    const burstStarted = performance.now();
    for (let i = 0; i < 100; i++) await a.persons.update(`p${i % seeded}`, { ruPostalAddress: `Москва, burst ${i}` });
    await waitFor('the 100th edit on PC B', async () => (await b.persons.get(`p${99 % seeded}`))?.ruPostalAddress === 'Москва, burst 99', 60_000);
    const push100 = performance.now() - burstStarted;
    const rss = rssMb(server.pid!);
    log(`100 edits on A until all on B: ${push100.toFixed(0)} ms; server RSS ${rss} MB`);
    console.log(
      `sync cases=${seeded} initial_push_s=${initialPushS.toFixed(1)} initial_s=${initialPullS.toFixed(1)} propagate_ms=${percentile(times, 95).toFixed(0)} push_100_ms=${push100.toFixed(0)} server_rss_mb=${rss}`,
    );
  } finally {
    for (const sync of running) await sync.stop().catch(() => undefined);
    for (const client of clients) client.close();
    server?.kill('SIGKILL');
    await pool.end();
    pg.stop();
    rmSync(syncDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    log(USAGE);
    process.exit(1);
  },
);
