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
  return { binary: null, reason: plainReason(`${attempt.stderr ?? ''}\n${attempt.stdout ?? ''}`, attempt.error) };
}

/** Why Electron's program could not be fetched, in words a caseworker or an IT officer understands. */
export function plainReason(output: string, error?: Error): string {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') return 'the download of Electron took too long and was stopped';
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(output)) return 'Electron is not installed on this computer and cannot be downloaded: there is no connection to its download server (github.com)';
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up/.test(output)) return 'Electron is not installed on this computer and its download was refused or cut off by the network';
  if (/EACCES|EPERM/.test(output)) return 'Electron is not installed and there is no permission to write it into node_modules';
  if (/ENOSPC/.test(output)) return 'Electron is not installed and the disk is full';
  return 'Electron is not installed on this computer and could not be downloaded';
}
