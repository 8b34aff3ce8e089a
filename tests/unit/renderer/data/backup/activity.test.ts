import { describe, expect, it } from 'vitest';
import { currentActivity, percentOf, setActivity, timeLeft, type Activity, type ShownActivity } from '../../../../../renderer/src/data/backup/activity.store';

const at = (activity: Activity, startedAt = 0): ShownActivity => ({ ...activity, startedAt });

describe('backup and restore progress', () => {
  it('moves the restore bar over the rows written, not in thirds', () => {
    expect(percentOf({ kind: 'restore', phase: 'import', done: 0, total: 300_000 })).toBe(0);
    expect(percentOf({ kind: 'restore', phase: 'import', done: 120_000, total: 300_000 })).toBe(38);
    expect(percentOf({ kind: 'restore', phase: 'import', done: 300_000, total: 300_000 })).toBe(95);
    expect(percentOf({ kind: 'restore', phase: 'verify', done: 0, total: 1 })).toBe(95);
  });

  it('weights a backup by where its time goes and never leaves 0–100', () => {
    expect(percentOf({ kind: 'backup', phase: 'export', done: 50, total: 100 })).toBe(25);
    expect(percentOf({ kind: 'backup', phase: 'send', done: 0, total: 10 })).toBe(50);
    expect(percentOf({ kind: 'backup', phase: 'seal', done: 1, total: 1 })).toBe(100);
    expect(percentOf({ kind: 'backup', phase: 'export', done: 7, total: 0 })).toBe(0);
    expect(percentOf({ kind: 'backup', phase: 'send', done: 20, total: 10 })).toBe(94);
  });

  it('estimates the time left from the rate so far, once there is a rate', () => {
    const twoFifths = at({ kind: 'restore', phase: 'import', done: 80, total: 200 });
    // 38 % after 19 s: 31 s more, shown rounded up to 35 s; after 38 s: 62 s more, about a minute.
    expect(timeLeft(twoFifths, 19_000)).toEqual({ seconds: 35 });
    expect(timeLeft(twoFifths, 38_000)).toEqual({ minutes: 1 });
    const early = at({ kind: 'restore', phase: 'import', done: 10, total: 200 });
    // 5 % after 10 s: 190 s more.
    expect(timeLeft(early, 10_000)).toEqual({ minutes: 3 });
    expect(timeLeft(early, 2_000)).toBeNull();
    expect(timeLeft(at({ kind: 'restore', phase: 'import', done: 1, total: 200 }), 60_000)).toBeNull();
    expect(timeLeft(at({ kind: 'backup', phase: 'seal', done: 1, total: 1 }), 60_000)).toBeNull();
    // Never "0 s" in the last seconds.
    expect(timeLeft(at({ kind: 'backup', phase: 'seal', done: 0, total: 1 }), 94_000)).toEqual({ seconds: 10 });
  });

  it('keeps the clock of a running activity across its reports and restarts it for the next one', () => {
    setActivity({ kind: 'restore', phase: 'import', done: 0, total: 10 }, 1_000);
    setActivity({ kind: 'restore', phase: 'import', done: 5, total: 10 }, 9_000);
    expect(currentActivity()).toMatchObject({ done: 5, startedAt: 1_000 });
    setActivity(null);
    expect(currentActivity()).toBeNull();
    setActivity({ kind: 'backup', phase: 'export', done: 0, total: 10 }, 20_000);
    expect(currentActivity()).toMatchObject({ kind: 'backup', startedAt: 20_000 });
    setActivity(null);
  });
});
