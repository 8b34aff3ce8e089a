import { describe, expect, it } from 'vitest';
import { deriveFileKeys } from '../../../../../electron/main/crypto/file-cipher';
import { sessionFileKeys } from '../../../../../electron/main/crypto/session-keys';

/** An accounts service reduced to what the keys need: one window's data key, and the lock it announces. */
function fakeAccounts() {
  let dataKey: Buffer | null = Buffer.alloc(32, 9);
  const listeners: (() => void)[] = [];
  return {
    dataKey: () => dataKey,
    onLock: (listener: () => void) => {
      listeners.push(listener);
      return () => void listeners.splice(listeners.indexOf(listener), 1);
    },
    lock() {
      dataKey = null;
      for (const listener of listeners) listener();
    },
    unlock() {
      dataKey = Buffer.alloc(32, 9);
    },
  };
}

const isZero = (bytes: Buffer) => bytes.every((b) => b === 0);

describe('the session\'s file keys', () => {
  it('are zeroed in place at a lock when no work holds them, and derived anew after the unlock', () => {
    const accounts = fakeAccounts();
    const keys = sessionFileKeys(accounts);
    const held = keys.keysOf('w')!;
    expect(held.content).toEqual(deriveFileKeys(Buffer.alloc(32, 9)).content);
    accounts.lock();
    expect(isZero(held.content) && isZero(held.names) && isZero(held.backup)).toBe(true);
    expect(keys.keysOf('w')).toBeNull();
    accounts.unlock();
    const again = keys.keysOf('w')!;
    expect(again).not.toBe(held);
    expect(again.content).toEqual(deriveFileKeys(Buffer.alloc(32, 9)).content);
  });

  it('stay whole while a call or a background pass that holds them is under way, and are zeroed when the last one ends', async () => {
    const accounts = fakeAccounts();
    const keys = sessionFileKeys(accounts);
    const inUse = keys.keysOf('w')!;
    const expected = Buffer.from(inUse.content);
    let finishFirst = () => {};
    let finishSecond = () => {};
    const first = keys.hold(() => new Promise<Buffer>((resolve) => (finishFirst = () => resolve(Buffer.from(inUse.content)))));
    const second = keys.hold(() => new Promise<void>((resolve) => (finishSecond = resolve)));
    accounts.lock();
    // A scan being sealed when the lock came still seals with the real key.
    expect(inUse.content).toEqual(expected);
    finishFirst();
    expect(await first).toEqual(expected);
    expect(inUse.content).toEqual(expected);
    finishSecond();
    await second;
    expect(isZero(inUse.content) && isZero(inUse.names) && isZero(inUse.backup)).toBe(true);
  });

  it('release a hold whose work failed', async () => {
    const accounts = fakeAccounts();
    const keys = sessionFileKeys(accounts);
    const inUse = keys.keysOf('w')!;
    await expect(keys.hold(async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    accounts.lock();
    expect(isZero(inUse.content)).toBe(true);
  });
});
