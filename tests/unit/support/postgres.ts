import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's PostgreSQL 15 binaries, or the reason a test that needs them must skip. */
export function postgresBinaries(): { dir: string } | { missing: string } {
  const candidates = [process.env.ARYZ_PG_BINDIR, '/usr/lib/postgresql/15/bin'];
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0) candidates.push(fromConfig.stdout.trim());
  const dir = candidates.find((d): d is string => !!d && existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  return dir ? { dir } : { missing: 'PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql' };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ThrowawayPostgres {
  port: number;
  env: Record<string, string>;
  stop(): void;
}

/**
 * A PostgreSQL cluster in a temporary folder on a free port, trusting local connections, removed on stop.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` account Debian's package creates.
 */
export async function startThrowawayPostgres(binDir: string): Promise<ThrowawayPostgres> {
  const root = mkdtempSync(join(tmpdir(), 'aryz-pg-'));
  const data = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (bin: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', join(binDir, bin), ...args], { stdio: 'pipe' }) : execFileSync(join(binDir, bin), args, { stdio: 'pipe' });
  if (asRoot) chownSync(root, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  run('initdb', ['-D', data, '-U', 'aryz', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', ['-D', data, '-l', join(root, 'log'), '-w', '-o', `-p ${port} -k ${root} -h 127.0.0.1 -c fsync=off`, 'start']);
  return {
    port,
    env: { PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: 'aryz', PGDATABASE: 'postgres' },
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
