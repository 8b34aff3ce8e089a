import type { AccountService } from '../accounts/store';
import { HandlerError, type CallContext } from '../ipc/dispatch';
import { deriveFileKeys, zeroFileKeys, type FileKeys } from './file-cipher';

/** The session a call belongs to (mirrors accounts/handlers' clientOf, which this module must not import). */
const clientOf = (ctx: Pick<CallContext, 'client'>): string => ctx.client ?? 'default';

/** Looks up the file keys of a calling window's unlocked session; null while locked or signed out. */
export type FileKeysOf = (client: string) => FileKeys | null;

/** The session's file keys, and a way to mark work that uses them (see sessionFileKeys). */
export interface SessionFileKeys {
  keysOf: FileKeysOf;
  /** Runs `work` as a user of the keys: keys a lock retired are zeroed only once no such work is left. */
  hold<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * File keys from the accounts' sessions. Derived once per data key (every account unwraps the same one), and
 * forgotten with it. A lock retires them: no call finds them any more (a window still unlocked derives them
 * again on its next call), and they are zeroed in place as soon as no work holding them is under way. Zeroing
 * at once would seal a scan being written, or a background pass, with a key of zeros: unreadable for ever.
 * Every handler call and the background sealing pass are held (handlers/index.ts); a backup session, which
 * spans calls, keeps its own copy and zeroes it when it settles (backup/backup-session.ts).
 */
export function sessionFileKeys(accounts: Pick<AccountService, 'dataKey' | 'onLock'>): SessionFileKeys {
  let cached: { copy: Buffer; keys: FileKeys } | null = null;
  let retired: { copy: Buffer; keys: FileKeys }[] = [];
  let busy = 0;
  const zeroRetired = () => {
    if (busy > 0) return;
    for (const old of retired) {
      zeroFileKeys(old.keys);
      old.copy.fill(0);
    }
    retired = [];
  };
  accounts.onLock(() => {
    if (cached) retired.push(cached);
    cached = null;
    zeroRetired();
  });
  return {
    keysOf: (client) => {
      const dataKey = accounts.dataKey(client);
      if (!dataKey) return null;
      if (!cached || !cached.copy.equals(dataKey)) {
        if (cached) retired.push(cached);
        cached = { copy: Buffer.from(dataKey), keys: deriveFileKeys(dataKey) };
        zeroRetired();
      }
      return cached.keys;
    },
    async hold(work) {
      busy++;
      try {
        return await work();
      } finally {
        busy--;
        zeroRetired();
      }
    },
  };
}

/** The file keys of the accounts' sessions, for a caller that holds its work some other way (tests). */
export function fileKeysFromAccounts(accounts: Pick<AccountService, 'dataKey' | 'onLock'>): FileKeysOf {
  return sessionFileKeys(accounts).keysOf;
}

/** The caller's file keys, or LOCKED: no file channel reads or writes personal files without them. */
export function requireFileKeys(keysOf: FileKeysOf | undefined, ctx: Pick<CallContext, 'client'>): FileKeys {
  const keys = keysOf?.(clientOf(ctx)) ?? null;
  if (!keys) throw new HandlerError('LOCKED');
  return keys;
}
