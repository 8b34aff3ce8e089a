import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, isPinFormatValid, normalizePin, parsePin, toDayNumber } from '../../../../shared/case';

function parsed(raw: string) {
  const result = parsePin(raw);
  if (!result.ok) throw new Error(`expected ${raw} to parse`);
  return result.value;
}

describe('parsePin', () => {
  it('reads sex, date of birth and serial of a well-formed male ПИН', () => {
    expect(parsed('21203199000123')).toEqual({
      pin: '21203199000123',
      sexDigit: '2',
      sex: 'male',
      dateDigits: '12031990',
      birthDate: '1990-03-12',
      serial: '00123',
      warnings: [],
    });
  });

  it('reads 1 as female', () => {
    expect(parsed('10101200012345')).toMatchObject({ sex: 'female', birthDate: '2000-01-01', warnings: [] });
  });

  it('accepts the edges of the calendar: leap day, 31 December, 1900 and 2100', () => {
    expect(parsed('22902200000001').birthDate).toBe('2000-02-29');
    expect(parsed('22902199600001').birthDate).toBe('1996-02-29');
    expect(parsed('13112199900001').birthDate).toBe('1999-12-31');
    expect(parsed('10101190000001').birthDate).toBe('1900-01-01');
    expect(parsed('13112210000001').birthDate).toBe('2100-12-31');
  });

  it('warns (does not fail) on an impossible date in digits 2–9', () => {
    for (const [pin, digits] of [
      ['22902190000001', '29021900'], // 1900 was not a leap year
      ['22902199700001', '29021997'],
      ['13104199000001', '31041990'],
      ['20013199000001', '00131990'],
      ['21213199000001', '12131990'],
      ['20000000000000', '00000000'],
      ['20101189900001', '01011899'],
    ] as const) {
      const value = parsed(pin);
      expect(value.birthDate, pin).toBeNull();
      expect(value.dateDigits).toBe(digits);
      expect(value.warnings).toEqual(['pin_date_invalid']);
    }
  });

  it('warns (does not fail) when digit 1 is neither 1 nor 2', () => {
    for (const digit of ['0', '3', '5', '9']) {
      const value = parsed(`${digit}1203199000123`);
      expect(value.sex).toBeNull();
      expect(value.sexDigit).toBe(digit);
      expect(value.warnings).toEqual(['pin_sex_digit_unknown']);
    }
    expect(parsed('00000000000000').warnings).toEqual(['pin_sex_digit_unknown', 'pin_date_invalid']);
  });

  it('fails only when it is not 14 digits', () => {
    for (const raw of ['', '2120319900012', '212031990001234', '2120319900012a', '2 1203 1990 0012', '2120319900012３', '-2120319900012', '21203199000.12']) {
      expect(parsePin(raw), raw).toEqual({ ok: false, error: 'pin_format' });
      expect(isPinFormatValid(raw)).toBe(false);
    }
  });

  it('ignores surrounding whitespace; normalizePin removes group separators', () => {
    expect(parsed('  21203199000123\n').pin).toBe('21203199000123');
    expect(isPinFormatValid(' 21203199000123 ')).toBe(true);
    expect(normalizePin('2 1203 1990-00.123')).toBe('21203199000123');
  });
});

describe('parsePin properties', () => {
  const dayArb = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);

  it('reads back the sex and birth date it was built from', () => {
    fc.assert(
      fc.property(fc.constantFrom('1', '2'), dayArb, fc.stringMatching(/^[0-9]{5}$/), (sexDigit, date, serial) => {
        const pin = `${sexDigit}${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(0, 4)}${serial}`;
        const result = parsePin(pin);
        expect(result).toEqual({
          ok: true,
          value: { pin, sexDigit, sex: sexDigit === '1' ? 'female' : 'male', dateDigits: pin.slice(1, 9), birthDate: date, serial, warnings: [] },
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('any 14 digits parse; anything else fails', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{14}$/), (pin) => {
        expect(parsePin(pin).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }).filter((s) => !/^\s*[0-9]{14}\s*$/.test(s)), (raw) => {
        expect(parsePin(raw)).toEqual({ ok: false, error: 'pin_format' });
      }),
      { numRuns: 500 },
    );
  });
});
