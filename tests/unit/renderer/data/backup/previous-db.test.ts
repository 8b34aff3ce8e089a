import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { previousDbName, switchActiveDb } from '../../../../../renderer/src/data/active-db';
import { dropPreviousDatabase } from '../../../../../renderer/src/data/backup/restore.repo';

/** localStorage as the page has it (the unit tests run in Node). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('the database a restore replaced', () => {
  it('is deleted once the restored one has opened, and forgotten', async () => {
    switchActiveDb('aryz-restored-1', 'aryz');
    const remove = vi.fn(async () => undefined);
    expect(await dropPreviousDatabase('aryz-restored-1', remove)).toBe(true);
    expect(remove).toHaveBeenCalledWith('aryz');
    expect(previousDbName()).toBeNull();
    expect(await dropPreviousDatabase('aryz-restored-1', remove)).toBe(false);
    expect(remove).toHaveBeenCalledTimes(1);
  });

  it('[fault] is kept and tried again at the next start when the delete fails', async () => {
    switchActiveDb('aryz-restored-2', 'aryz-restored-1');
    const remove = vi.fn().mockRejectedValueOnce(new Error('blocked')).mockResolvedValue(undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await dropPreviousDatabase('aryz-restored-2', remove)).toBe(false);
    expect(previousDbName()).toBe('aryz-restored-1');
    expect(await dropPreviousDatabase('aryz-restored-2', remove)).toBe(true);
    expect(previousDbName()).toBeNull();
  });

  it('never deletes the database in use', async () => {
    switchActiveDb('aryz', 'aryz');
    const remove = vi.fn(async () => undefined);
    expect(await dropPreviousDatabase('aryz', remove)).toBe(false);
    expect(remove).not.toHaveBeenCalled();
  });
});
