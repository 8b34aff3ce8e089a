import type { AccountService } from '../accounts/store';
import { HandlerError, type CallContext } from '../ipc/dispatch';
import { deriveFileKeys, type FileKeys } from './file-cipher';

/** The session a call belongs to (mirrors accounts/handlers' clientOf, which this module must not import). */
const clientOf = (ctx: Pick<CallContext, 'client'>): string => ctx.client ?? 'default';

/** Looks up the file keys of a calling window's unlocked session; null while locked or signed out. */
export type FileKeysOf = (client: string) => FileKeys | null;

/**
 * File keys from the accounts' sessions. Derived once per data key (every account unwraps the same one), and
 * forgotten with it: a lock zeroes the session's key, which no longer matches, so nothing stays usable.
 */
export function fileKeysFromAccounts(accounts: Pick<AccountService, 'dataKey' | 'onLock'>): FileKeysOf {
  let cached: { copy: Buffer; keys: FileKeys } | null = null;
  // A lock drops the derived keys too; a window still unlocked derives them again on its next call. They are not
  // zeroed: a call already under way (a scan being sealed) still holds them, and zeroing would seal it with a wrong key.
  accounts.onLock(() => {
    cached = null;
  });
  return (client) => {
    const dataKey = accounts.dataKey(client);
    if (!dataKey) return null;
    if (!cached || !cached.copy.equals(dataKey)) cached = { copy: Buffer.from(dataKey), keys: deriveFileKeys(dataKey) };
    return cached.keys;
  };
}

/** The caller's file keys, or LOCKED: no file channel reads or writes personal files without them. */
export function requireFileKeys(keysOf: FileKeysOf | undefined, ctx: Pick<CallContext, 'client'>): FileKeys {
  const keys = keysOf?.(clientOf(ctx)) ?? null;
  if (!keys) throw new HandlerError('LOCKED');
  return keys;
}
