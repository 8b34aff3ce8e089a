import { createHash, timingSafeEqual } from 'node:crypto';
import type { BackupStatus } from '../../../shared/ipc/channels/backup';
import { isStrongEnough } from '../../../shared/security/password-strength';
import type { MainDeps } from '../main-deps';
import type { HandlerTable } from '../ipc/dispatch';
import { z } from 'zod';
import { unwrap } from '../accounts/key-wrap';
import { deriveFileKeys } from '../crypto/file-cipher';
import { requireFileKeys } from '../crypto/session-keys';
import type { CallContext } from '../ipc/dispatch';
import { BackupSessions, type BackupKeys, type BackupWriteOptions } from './backup-session';
import { memorySecretStore } from './secrets';
import { dropRestoreStaging, RestoreSessions } from './restore-session';
import { defaultBackupFolder, loadBackupSettings, saveBackupSettings } from './settings-file';

/** Compares hashes so neither the length nor the first differing character shows in the time taken. */
function sameSecret(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text.normalize('NFC'), 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

type BackupChannel = Extract<keyof HandlerTable, `backup:${string}`>;

/** The recovery key's wrapping as a key-sealed backup carries it; only the fast HKDF kind (a file must not ask for scrypt). */
const recoveryWrapSchema = z.object({
  kdf: z.object({ name: z.literal('hkdf-sha256') }),
  salt: z.string().max(200),
  iv: z.string().max(200),
  data: z.string().max(200),
  tag: z.string().max(200),
});

export function createBackupHandlers(deps: MainDeps, options: BackupWriteOptions = {}): Pick<HandlerTable, BackupChannel> {
  const secrets = deps.secrets ?? memorySecretStore();
  const backups = new BackupSessions({ dataDir: deps.dataDir, version: deps.version, secrets, now: deps.now }, options);
  const restores = new RestoreSessions(deps.dataDir);
  // Whatever a crash left half-staged belongs to no session of this run: cleared now (start) and before the first use.
  let cleaned: Promise<void> | null = null;
  const clearRestoreLeftovers = () => (cleaned ??= dropRestoreStaging(deps.dataDir).catch(() => undefined));
  void clearRestoreLeftovers();
  void backups.clearLeftovers();

  const backupKeys = async (ctx: CallContext): Promise<BackupKeys> => {
    const files = requireFileKeys(deps.fileKeys, ctx);
    const wrap = (await deps.accounts?.recoveryWrapping()) ?? null;
    return { files, recoveryWrap: wrap ? { ...wrap } : null };
  };

  /**
   * Keys that may open a backup sealed by a data key: this installation's own (the same data key: no question asked),
   * then the one the recovery key typed in the passphrase field unwraps from the file (a backup from another PC).
   */
  const keysFor = (ctx: CallContext) => async (keyWrap: Record<string, unknown> | undefined, typed: string): Promise<Buffer[]> => {
    const keys = [requireFileKeys(deps.fileKeys, ctx).backup];
    const wrap = recoveryWrapSchema.safeParse(keyWrap);
    if (wrap.success && typed.trim() !== '') {
      const dataKey = await unwrap(wrap.data, typed, 'recovery').catch(() => null);
      if (dataKey) {
        keys.push(deriveFileKeys(dataKey).backup);
        dataKey.fill(0);
      }
    }
    return keys;
  };

  const status = async (): Promise<BackupStatus> => {
    const settings = await loadBackupSettings(deps.dataDir);
    const passphraseSet = (await secrets.load()) !== null;
    return {
      passphraseSet,
      passphraseKept: passphraseSet ? secrets.kind : 'none',
      folder: settings.folder,
      defaultFolder: defaultBackupFolder(deps.dataDir),
      lastBackup: settings.lastBackup,
      lastFailure: settings.lastFailure,
    };
  };

  return {
    'backup:status': status,
    'backup:setPassphrase': async ({ passphrase, current }) => {
      // Whoever sits at an unlocked PC must not be able to swap the passphrase for one they know: a
      // replacement names the current one. (A session-kept passphrase is gone after a restart, as the screen says.)
      const stored = await secrets.load();
      if (stored !== null && !sameSecret(stored, current ?? '')) return { refused: 'wrong_current' as const };
      if (!isStrongEnough(passphrase)) return { refused: 'weak' as const };
      await secrets.save(passphrase);
      return status();
    },
    'backup:chooseFolder': async (_request, ctx) => {
      const folder = await ctx.pickFolder({ title: 'Aryz backups' });
      if (folder === null) return { canceled: true, status: await status() };
      await saveBackupSettings(deps.dataDir, { ...(await loadBackupSettings(deps.dataDir)), folder });
      return { canceled: false, status: await status() };
    },
    'backup:useDefaultFolder': async () => {
      await saveBackupSettings(deps.dataDir, { ...(await loadBackupSettings(deps.dataDir)), folder: null });
      return status();
    },
    'backup:begin': async ({ reason, schemaVersion, counts, audit }, ctx) => backups.begin(reason, schemaVersion, counts, await backupKeys(ctx), audit),
    'backup:append': ({ session, seq, data }) => backups.append(session, seq, data),
    'backup:finish': ({ session }) => backups.finish(session),
    'backup:abort': async ({ session }) => {
      await backups.abort(session);
      return {};
    },
    'backup:restorePick': async (_request, ctx) => {
      await clearRestoreLeftovers();
      return restores.pick(ctx);
    },
    'backup:restoreOpen': ({ pick, passphrase, schemaVersion }, ctx) => restores.open(pick, passphrase, schemaVersion, keysFor(ctx)),
    'backup:restoreRead': ({ restore }, ctx) => restores.read(restore, requireFileKeys(deps.fileKeys, ctx)),
    'backup:restoreCommit': ({ restore }) => restores.commit(restore),
    'backup:restoreCancel': async ({ restore }) => {
      await restores.cancel(restore);
      return {};
    },
  };
}
