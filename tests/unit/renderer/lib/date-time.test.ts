import { describe, expect, it } from 'vitest';
import { formatDateTime, localTodayIso } from '../../../../renderer/src/lib/date-time';

describe('date and time of an action', () => {
  it('is дд.мм.гггг чч:мм on the local clock', () => {
    expect(formatDateTime(new Date(2025, 2, 4, 9, 5).toISOString())).toBe('04.03.2025 09:05');
    expect(formatDateTime(new Date(2025, 11, 31, 23, 59).toISOString())).toBe('31.12.2025 23:59');
  });

  it('shows unreadable input as it is rather than NaN', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('gives today as the local calendar day', () => {
    expect(localTodayIso(new Date(2025, 0, 1, 0, 30))).toBe('2025-01-01');
  });
});
