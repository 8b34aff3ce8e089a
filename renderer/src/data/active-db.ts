/**
 * Which IndexedDB database is the app's data. A restore builds a new database beside the current one and, only once
 * it is complete and verified, points here at it; the pointer is one localStorage entry, written atomically, read
 * before the database opens. No entry means the original database.
 */
const POINTER_KEY = 'aryz-active-db';
const PREVIOUS_KEY = 'aryz-previous-db';
export const RESTORED_PREFIX = 'aryz-restored-';

/** `original` is the name used before any restore (DB_NAME; passed in to keep this module free of db.ts). */
export function activeDbName(original: string): string {
  try {
    return localStorage.getItem(POINTER_KEY) || original;
  } catch {
    return original;
  }
}

/** Switches the app to `name`; the database it used until now is remembered as the previous one. */
export function switchActiveDb(name: string, current: string): void {
  localStorage.setItem(POINTER_KEY, name);
  localStorage.setItem(PREVIOUS_KEY, current);
}

export function previousDbName(): string | null {
  try {
    return localStorage.getItem(PREVIOUS_KEY);
  } catch {
    return null;
  }
}

/** The previous database is gone (deleted once the restored one was accepted): nothing to remember. */
export function forgetPreviousDb(): void {
  try {
    localStorage.removeItem(PREVIOUS_KEY);
  } catch {
    // no storage: nothing was remembered either
  }
}
