import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';

/**
 * Key wrapping as password managers do it (Bitwarden's design): one random 256-bit data key encrypts the data;
 * each password, through scrypt, yields a key that only wraps (encrypts) that data key. Changing a password
 * re-wraps one 32-byte key; the recovery key is one more wrapping. The data key is never written unwrapped.
 */

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** 2^16 × 8 × 128 B = 64 MiB and about a quarter of a second on an office PC: slow for a guesser, quick to sign in. */
export const ACCOUNT_KDF: KdfParams = { N: 2 ** 16, r: 8, p: 1 };

let kdf: KdfParams = ACCOUNT_KDF;

/** Unit tests that create many accounts use a cheaper derivation; the app never calls this. */
export function setAccountKdfForTests(params: KdfParams): void {
  kdf = params;
}

export interface WrappedKey {
  /** How the wrapping key was made: scrypt from a password, or HKDF from a random recovery key. */
  kdf: ({ name: 'scrypt' } & KdfParams) | { name: 'hkdf-sha256' };
  salt: string;
  iv: string;
  data: string;
  tag: string;
}

export const DATA_KEY_BYTES = 32;

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

function scryptKey(password: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 32, { ...params, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

async function wrappingKey(secret: string, salt: Buffer, spec: WrappedKey['kdf']): Promise<Buffer> {
  if (spec.name === 'hkdf-sha256') return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), salt, 'aryz recovery key', 32));
  return scryptKey(secret, salt, spec);
}

/** `context` (the account id) is authenticated with the key, so a wrapping cannot be moved to another account. */
async function wrap(dataKey: Buffer, secret: string, context: string, spec: WrappedKey['kdf']): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await wrappingKey(secret, salt, spec);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { kdf: spec, salt: salt.toString('base64'), iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

export function wrapWithPassword(dataKey: Buffer, password: string, context: string): Promise<WrappedKey> {
  return wrap(dataKey, password, context, { name: 'scrypt', ...kdf });
}

export function wrapWithRecoveryKey(dataKey: Buffer, recoveryKey: string, context: string): Promise<WrappedKey> {
  return wrap(dataKey, normalizeRecoveryKey(recoveryKey), context, { name: 'hkdf-sha256' });
}

/** The data key, or null when the secret is wrong (GCM authentication fails). */
export async function unwrap(wrapped: WrappedKey, secret: string, context: string): Promise<Buffer | null> {
  const spec = wrapped.kdf;
  const input = spec.name === 'hkdf-sha256' ? normalizeRecoveryKey(secret) : secret;
  if (spec.name === 'scrypt' && (spec.N > 2 ** 20 || 128 * spec.N * spec.r * spec.p > 1024 ** 3)) return null;
  const key = await wrappingKey(input, Buffer.from(wrapped.salt, 'base64'), spec);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(wrapped.iv, 'base64'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrapped.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

// Crockford's base32: no I, L, O, U, so a printed key reads back without confusion.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 160 random bits as 32 base32 characters in groups of four: strong enough that a fast KDF suffices. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Case, spaces and dashes do not matter when the key is typed back; O/I/L read as 0/1/1. */
export function normalizeRecoveryKey(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}
