import { afterEach, describe, expect, it } from 'vitest';
import { formatDateRu } from '../../../../shared/format/date';

describe('formatDateRu', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('writes dd.mm.yyyy with leading zeros', () => {
    expect(formatDateRu(new Date(2025, 1, 5, 12, 0))).toBe('05.02.2025');
    expect(formatDateRu(new Date(1999, 11, 31, 23, 59, 59))).toBe('31.12.1999');
    expect(formatDateRu(new Date(2024, 1, 29))).toBe('29.02.2024');
    expect(formatDateRu(new Date(2030, 9, 10, 0, 0, 0))).toBe('10.10.2030');
  });

  it('uses the local calendar day, not the UTC one', () => {
    process.env.TZ = 'Asia/Bishkek'; // UTC+6, no daylight saving
    const justAfterLocalMidnight = new Date('2025-02-04T18:30:00Z');
    expect(justAfterLocalMidnight.getUTCDate()).toBe(4);
    expect(formatDateRu(justAfterLocalMidnight)).toBe('05.02.2025');

    process.env.TZ = 'Europe/Moscow'; // UTC+3
    expect(formatDateRu(new Date('2025-12-31T21:00:00Z'))).toBe('01.01.2026');
    expect(formatDateRu(new Date('2025-12-31T20:59:59Z'))).toBe('31.12.2025');
  });

  it('refuses an invalid date instead of printing NaN', () => {
    expect(() => formatDateRu(new Date('not a date'))).toThrow(RangeError);
  });
});
