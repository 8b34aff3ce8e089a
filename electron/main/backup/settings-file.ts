import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BACKUP_FAILURES, BACKUP_REASONS } from '../../../shared/ipc/channels/backup';
import { writeFileAtomic } from '../save-file';

/**
 * Backup settings belong to this PC, not to the database: they live in main's data dir, so a restore (which swaps
 * the database) never changes where backups go or when the last one was taken.
 */
const settingsSchema = z.object({
  folder: z.string().nullable().default(null),
  lastBackup: z
    .object({ at: z.string(), fileName: z.string(), folder: z.string(), bytes: z.number(), reason: z.enum(BACKUP_REASONS) })
    .nullable()
    .default(null),
  lastFailure: z.object({ at: z.string(), reason: z.enum(BACKUP_FAILURES) }).nullable().default(null),
});
export type BackupSettings = z.infer<typeof settingsSchema>;

const FILE = 'backup-settings.json';

export async function loadBackupSettings(dataDir: string): Promise<BackupSettings> {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(await readFile(path.join(dataDir, FILE), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Missing or unreadable: start from defaults rather than block backups.
  }
  return { folder: null, lastBackup: null, lastFailure: null };
}

export async function saveBackupSettings(dataDir: string, settings: BackupSettings): Promise<void> {
  await writeFileAtomic(path.join(dataDir, FILE), new TextEncoder().encode(JSON.stringify(settings, null, 2)));
}

export const defaultBackupFolder = (dataDir: string) => path.join(dataDir, 'backups');
