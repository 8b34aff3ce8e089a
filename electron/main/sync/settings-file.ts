import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { openBytes, writeSealedBytes, type FileKeys } from '../crypto/file-cipher';

/**
 * This PC's membership of a mission server: the address, the server's certificate as pinned when joining, and
 * the PC's credential. Sealed with the data key's file key like every file main writes, so a copy of the disk
 * neither reveals the secret nor lets another machine pose as this PC.
 */
export const syncSettingsSchema = z.object({
  address: z.string(),
  url: z.string(),
  certPem: z.string(),
  fingerprint256: z.string(),
  pcId: z.string(),
  pcName: z.string(),
  secret: z.string(),
  since: z.string(),
  state: z.enum(['pending', 'needs_key', 'joined']),
  missionKey: z.boolean(),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

const FILE = 'mission-sync.sealed';

export const syncSettingsPath = (dataDir: string) => path.join(dataDir, FILE);

export async function loadSyncSettings(dataDir: string, keys: FileKeys): Promise<SyncSettings | null> {
  let sealed: Buffer;
  try {
    sealed = await readFile(syncSettingsPath(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = syncSettingsSchema.safeParse(JSON.parse((await openBytes(keys.content, sealed)).toString('utf8')));
  return parsed.success ? parsed.data : null;
}

export async function saveSyncSettings(dataDir: string, keys: FileKeys, settings: SyncSettings): Promise<void> {
  await writeSealedBytes(syncSettingsPath(dataDir), keys.content, new TextEncoder().encode(JSON.stringify(settings)));
}

export async function removeSyncSettings(dataDir: string): Promise<void> {
  await unlink(syncSettingsPath(dataDir)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
