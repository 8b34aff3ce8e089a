import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MISSING = 'PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql';
const usable = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));

/** Debian's PostgreSQL binaries (15 or later), or the reason a test that needs them must skip. */
export function postgresBinaries(): { dir: string } | { missing: string } {
  // ARYZ_PG_BINDIR decides alone when set (an empty folder makes the tests skip, to check that they do).
  if (process.env.ARYZ_PG_BINDIR) return usable(process.env.ARYZ_PG_BINDIR) ? { dir: process.env.ARYZ_PG_BINDIR } : { missing: MISSING };
  // Debian 12 ships PostgreSQL 15, Debian 13 PostgreSQL 17: take the newest installed.
  const installed = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((x, y) => Number(y) - Number(x))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const candidates: (string | undefined)[] = [...installed];
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0) candidates.push(fromConfig.stdout.trim());
  const dir = candidates.find((d): d is string => !!d && usable(d));
  return dir ? { dir } : { missing: MISSING };
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
