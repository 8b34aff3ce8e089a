import { createAtRestCodec, type AtRestCodec } from '../../../../shared/crypto/at-rest';
import { dataKeyBytes } from '../../lib/session';

/**
 * Refused because the app is locked or nobody is signed in: the data key is not in memory, so nothing personal
 * can be read or written. `code` is the IPC contract's LOCKED, which the UI already explains.
 */
export class DataLockedError extends Error {
  readonly code = 'LOCKED' as const;
  constructor() {
    super('The app is locked: sign in again to continue');
    this.name = 'DataLockedError';
  }
}

let cached: { key: Uint8Array; codec: AtRestCodec } | null = null;

/** The codec of the signed-in session's data key; null while locked or signed out. */
export function currentCodec(): AtRestCodec | null {
  const key = dataKeyBytes();
  if (!key) {
    cached = null;
    return null;
  }
  // The session replaces its key object on every sign-in, so the object's identity tells a new key.
  if (cached?.key !== key) cached = { key, codec: createAtRestCodec(key) };
  return cached.codec;
}

export function requireCodec(): AtRestCodec {
  const codec = currentCodec();
  if (!codec) throw new DataLockedError();
  return codec;
}

/**
 * The value an equality index over personal values holds for `text` (persons' pinKey, docKeys, dupKeys): look
 * rows up with it, e.g. `where('pinKey').equals(indexKey(pin))`. The middleware stores the same on write.
 */
export function indexKey(text: string): string {
  return requireCodec().keyedHash(text);
}

/** `indexKey` of each, with the plain key each stands for (so a hit can say which key matched). */
export function indexKeys(texts: readonly string[]): Map<string, string> {
  const codec = requireCodec();
  return new Map(texts.filter((t) => t !== '').map((t) => [codec.keyedHash(t), t]));
}
