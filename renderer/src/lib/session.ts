import type { ResponseOf } from '../../../shared/ipc/contract';

/**
 * The signed-in account and the data key, in memory only. The key arrives from main in the answer to a
 * successful sign-in and is dropped on lock; nothing here is ever written to storage.
 */
export type SessionInfo = Extract<ResponseOf<'accounts:signIn'>, { status: 'ok' }>['session'];

interface State {
  info: SessionInfo | null;
  key: Uint8Array | null;
  lockedAt: number | null;
}

let state: State = { info: null, key: null, lockedAt: null };
const listeners = new Set<() => void>();

function emit(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

function decodeKey(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

export function beginSession(info: SessionInfo, keyBase64: string): void {
  emit({ info, key: decodeKey(keyBase64), lockedAt: null });
}

/** Drops the key; the account stays so the lock screen knows whose password unlocks it. */
export function lockLocally(): void {
  if (!state.info || !state.key) return;
  state.key.fill(0);
  emit({ info: state.info, key: null, lockedAt: Date.now() });
}

export function endSession(): void {
  state.key?.fill(0);
  emit({ info: null, key: null, lockedAt: null });
}

/** The password was changed: the session is no longer held to changing it. */
export function passwordChanged(): void {
  if (state.info) emit({ ...state, info: { ...state.info, mustChangePassword: false } });
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function sessionSnapshot(): State {
  return state;
}

export function currentAccount(): SessionInfo | null {
  return state.info;
}

/** True when the signed-in account is an administrator (the page hides administrator screens from others). */
export function isAdministrator(): boolean {
  return state.info?.role === 'admin';
}

export function isLocked(): boolean {
  return state.info !== null && state.key === null;
}

/** The raw data key while unlocked (for the at-rest codec), else null. */
export function dataKeyBytes(): Uint8Array | null {
  return state.key;
}
