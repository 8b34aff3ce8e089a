import { describe, expect, it } from 'vitest';
import { partialDateSchema } from '../../../../../shared/case/schema';
import { partialDateFromText, partialDateToText, sameParts } from '../../../../../renderer/src/features/intake/partial-date';

describe('birth date boxes', () => {
  it('all empty is "not given"', () => {
    expect(partialDateFromText({ day: '', month: '', year: '' })).toBeNull();
    expect(partialDateFromText({ day: ' ', month: '', year: '' })).toBeNull();
  });

  it('full date, month and year, year only become valid partial dates', () => {
    expect(partialDateFromText({ day: '05', month: '03', year: '1990' })).toEqual({ year: 1990, month: 3, day: 5 });
    expect(partialDateFromText({ day: '', month: '3', year: '1990' })).toEqual({ year: 1990, month: 3 });
    expect(partialDateFromText({ day: '', month: '', year: '1990' })).toEqual({ year: 1990 });
    for (const value of [{ year: 1990, month: 3, day: 5 }, { year: 1990, month: 3 }, { year: 1990 }]) {
      expect(partialDateSchema.safeParse(value).success).toBe(true);
    }
  });

  it('keeps an incomplete combination so the schema reports it instead of it being dropped', () => {
    const dayOnly = partialDateFromText({ day: '12', month: '', year: '1990' });
    expect(dayOnly).toEqual({ year: 1990, day: 12 });
    expect(partialDateSchema.safeParse(dayOnly).success).toBe(false);
    const noYear = partialDateFromText({ day: '12', month: '3', year: '' });
    expect(noYear).toEqual({ month: 3, day: 12 });
    expect(partialDateSchema.safeParse(noYear).success).toBe(false);
    expect(partialDateSchema.safeParse(partialDateFromText({ day: '', month: '', year: '19' })).success).toBe(false);
    expect(partialDateSchema.safeParse(partialDateFromText({ day: '31', month: '4', year: '1990' })).success).toBe(false);
  });

  it('ignores anything but digits', () => {
    expect(partialDateFromText({ day: '1a', month: '-2', year: '19 90' })).toEqual({ year: 1990, month: 2, day: 1 });
  });

  it('round-trips through the boxes and compares by number, not by text', () => {
    expect(partialDateToText({ year: 1990, month: 3 })).toEqual({ day: '', month: '3', year: '1990' });
    expect(partialDateToText(null)).toEqual({ day: '', month: '', year: '' });
    expect(sameParts({ day: '05', month: '03', year: '1990' }, { year: 1990, month: 3, day: 5 })).toBe(true);
    expect(sameParts({ day: '06', month: '03', year: '1990' }, { year: 1990, month: 3, day: 5 })).toBe(false);
    expect(sameParts({ day: '', month: '', year: '' }, null)).toBe(true);
  });
});
