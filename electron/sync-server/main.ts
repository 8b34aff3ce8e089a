import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { startSyncServer } from './server';
import { SyncStore } from './store';
import { createServerCertificate, fingerprintOf } from './tls';

/**
 * The mission server's command line. PostgreSQL is reached through the standard PG* variables (PGHOST, PGPORT,
 * PGDATABASE, PGUSER, PGPASSWORD); the certificate lives in ARYZ_SYNC_DIR.
 *   init <LAN address>           create the certificate and the tables; prints the fingerprint PCs pin
 *   serve <LAN address> <port>   run the server
 *   approve <pc id> [days]       let a PC that asked to join in, for `days` (default 365)
 *   revoke <pc id>               shut a PC out
 */
async function main(argv: string[]): Promise<number> {
  const dir = process.env.ARYZ_SYNC_DIR ?? join(process.cwd(), 'aryz-sync');
  const pool = new Pool({ max: 10 });
  const store = new SyncStore(pool);
  const [command, ...args] = argv;
  try {
    if (command === 'init' && args[0]) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const certificate = await createServerCertificate('Aryz mission server', [args[0], '127.0.0.1']);
      writeFileSync(join(dir, 'server.crt'), certificate.cert, { mode: 0o644 });
      writeFileSync(join(dir, 'server.key'), certificate.key, { mode: 0o600 });
      await store.migrate();
      process.stdout.write(`fingerprint ${certificate.fingerprint256}\n`);
      return 0;
    }
    if (command === 'serve' && args[0] && args[1]) {
      const cert = readFileSync(join(dir, 'server.crt'), 'utf8');
      await store.migrate();
      const running = await startSyncServer({
        store,
        cert,
        key: readFileSync(join(dir, 'server.key'), 'utf8'),
        host: args[0],
        port: Number(args[1]),
        log: (line) => process.stdout.write(`${line}\n`),
      });
      process.stdout.write(`listening ${args[0]}:${running.port} fingerprint ${fingerprintOf(cert)}\n`);
      const stop = () => void running.close().then(() => pool.end()).then(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
      return await new Promise<number>(() => undefined);
    }
    if (command === 'approve' && args[0]) {
      const ok = await store.approve(args[0], Number(args[1] ?? 365));
      process.stdout.write(ok ? `approved ${args[0]}\n` : `no such pc ${args[0]}\n`);
      return ok ? 0 : 1;
    }
    if (command === 'revoke' && args[0]) {
      const ok = await store.revoke(args[0]);
      process.stdout.write(ok ? `revoked ${args[0]}\n` : `no such pc ${args[0]}\n`);
      return ok ? 0 : 1;
    }
    process.stderr.write('usage: init <address> | serve <address> <port> | approve <pc id> [days] | revoke <pc id>\n');
    return 2;
  } finally {
    if (command !== 'serve') await pool.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`aryz sync server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
