import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ELECTRON_DIR = path.resolve(__dirname, '../../node_modules/electron');

/** Path of the Electron binary if it is installed, without triggering a download. */
export function installedElectronBinary(): string | null {
  const pathFile = path.join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * Electron 42+ fetches its binary on first use rather than at install time. Try that once (it fails
 * within a second where its download host is unreachable, as on our build machines).
 */
export function ensureElectronBinary(): { binary: string | null; reason: string } {
  const found = installedElectronBinary();
  if (found) return { binary: found, reason: '' };
  const attempt = spawnSync(process.execPath, [path.join(ELECTRON_DIR, 'install.js')], { encoding: 'utf8', timeout: 120_000 });
  const binary = installedElectronBinary();
  if (binary) return { binary, reason: '' };
  const why = (attempt.stderr || attempt.stdout || '').split('\n').find((line) => /Error|ENOTFOUND|EAI_AGAIN/.test(line));
  return { binary: null, reason: why?.trim() || 'the Electron binary is not installed and could not be downloaded' };
}
