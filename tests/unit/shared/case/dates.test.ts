import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  daysInclusive,
  formatDate,
  formatPartialDate,
  fromDayNumber,
  isValidIsoDate,
  isValidPartialDate,
  partialDateBounds,
  toDayNumber,
} from '../../../../shared/case';

describe('ISO dates', () => {
  it('accepts real days and leap days', () => {
    for (const d of ['2024-02-29', '2000-02-29', '1900-01-01', '2100-12-31', '2023-12-31', '2023-04-30']) expect(isValidIsoDate(d), d).toBe(true);
  });

  it('rejects impossible and malformed dates', () => {
    for (const d of ['2023-02-30', '2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-1-01', '23-01-01', '1899-12-31', '2101-01-01', ' 2023-01-01', '2023-01-01T00:00', '', '２０２３-01-01']) {
      expect(isValidIsoDate(d), d).toBe(false);
    }
    expect(isValidIsoDate(null)).toBe(false);
    expect(isValidIsoDate(20230101)).toBe(false);
  });

  it('counts days independently of time zones', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2024-02-28') + 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysInclusive('2024-01-01', '2024-12-31')).toBe(366);
    expect(daysInclusive('2024-01-01', '2024-01-01')).toBe(1);
    expect(() => toDayNumber('2023-02-30')).toThrow(RangeError);
  });

  it('adds years, moving 29 February to 28 February', () => {
    expect(addYears('2010-02-28', 14)).toBe('2024-02-28');
    expect(addYears('2008-02-29', 14)).toBe('2022-02-28');
    expect(addYears('2008-02-29', 16)).toBe('2024-02-29');
  });

  it('formats dd.mm.yyyy and partial dates', () => {
    expect(formatDate('1990-03-12')).toBe('12.03.1990');
    expect(formatPartialDate({ year: 1990, month: 3, day: 2 })).toBe('02.03.1990');
    expect(formatPartialDate({ year: 1990, month: 3 })).toBe('03.1990');
    expect(formatPartialDate({ year: 1990 })).toBe('1990');
  });

  it('knows which partial dates exist and what they span', () => {
    expect(isValidPartialDate({ year: 1990 })).toBe(true);
    expect(isValidPartialDate({ year: 1990, month: 2 })).toBe(true);
    expect(isValidPartialDate({ year: 1992, month: 2, day: 29 })).toBe(true);
    expect(isValidPartialDate({ year: 1991, month: 2, day: 29 })).toBe(false);
    expect(isValidPartialDate({ year: 1990, day: 5 })).toBe(false);
    expect(isValidPartialDate({ year: 1990.5 })).toBe(false);
    expect(isValidPartialDate({ year: Number.NaN })).toBe(false);
    expect(isValidPartialDate(null)).toBe(false);
    expect(partialDateBounds({ year: 1990 })).toEqual({ earliest: '1990-01-01', latest: '1990-12-31' });
    expect(partialDateBounds({ year: 1992, month: 2 })).toEqual({ earliest: '1992-02-01', latest: '1992-02-29' });
    expect(partialDateBounds({ year: 1992, month: 2, day: 3 })).toEqual({ earliest: '1992-02-03', latest: '1992-02-03' });
  });
});
