import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Windows keeps Electron's data in the roaming profile (%APPDATA%) by default, and a roaming profile may be
 * copied to a file server at every sign-out: the case database, scans and letters would travel with it. Aryz
 * keeps its data in the local profile (%LOCALAPPDATA%\Aryz) instead; other systems keep Electron's default.
 */
export function localDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, appName: string): string | null {
  if (platform !== 'win32' || !env.LOCALAPPDATA) return null;
  return path.join(env.LOCALAPPDATA, appName);
}

const hasEntries = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

/**
 * Once, on the first start of a version that keeps data locally: the folder an earlier version left in the
 * roaming profile is moved to the local one, whole (IndexedDB, attachments, documents, backups settings). Never
 * when the local folder already has data (that is the data in use), and never merging the two.
 */
export function moveRoamingDataOnce(roaming: string, local: string): 'moved' | 'nothing_to_move' | 'local_in_use' {
  if (path.resolve(roaming) === path.resolve(local) || !hasEntries(roaming)) return 'nothing_to_move';
  if (hasEntries(local)) return 'local_in_use';
  rmSync(local, { recursive: true, force: true });
  mkdirSync(path.dirname(local), { recursive: true });
  try {
    renameSync(roaming, local);
  } catch (error) {
    // Another drive (a redirected profile): copy everything, and only then remove the roaming copy.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(roaming, local, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true });
    rmSync(roaming, { recursive: true, force: true });
  }
  return 'moved';
}
