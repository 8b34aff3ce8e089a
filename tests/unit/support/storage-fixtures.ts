import { afterEach, beforeEach, vi } from 'vitest';

/** A Web Storage for node tests: the modules under test keep their state in localStorage / sessionStorage. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** Each test of the file gets its own empty localStorage and sessionStorage. */
export function useMemoryStorages(): void {
  beforeEach(() => {
    vi.stubGlobal('sessionStorage', memoryStorage());
    vi.stubGlobal('localStorage', memoryStorage());
  });
  afterEach(() => void vi.unstubAllGlobals());
}
