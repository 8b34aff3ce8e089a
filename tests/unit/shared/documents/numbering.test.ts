import { describe, expect, it } from 'vitest';
import { DEFAULT_NUMBER_FORMAT, formatOutgoingNumber, numberFormatProblem } from '../../../../shared/documents/numbering';

describe('outgoing number format', () => {
  it('fills prefix, sequence and year', () => {
    expect(formatOutgoingNumber(DEFAULT_NUMBER_FORMAT, { prefix: 'КР-М', seq: 17, year: 2026 })).toBe('КР-М-17/26');
    expect(formatOutgoingNumber('{prefix}/{yyyy}-{seq:4}', { prefix: '01-12/К', seq: 7, year: 2025 })).toBe('01-12/К/2025-0007');
    expect(formatOutgoingNumber('№ {seq}/{yy}', { prefix: 'x', seq: 123, year: 2009 })).toBe('№ 123/09');
  });

  it('refuses formats that could repeat a number or print garbage', () => {
    expect(numberFormatProblem('')).toBe('empty');
    expect(numberFormatProblem('{prefix}-{yy}')).toBe('no_seq');
    expect(numberFormatProblem('{prefix}-{seq}')).toBe('no_year');
    expect(numberFormatProblem('{prefix}-{seq}-{seq}/{yy}')).toBe('repeated_seq');
    expect(numberFormatProblem('{prefix}-{num}/{yy}')).toBe('unknown_token');
    expect(numberFormatProblem('{prefix:3}-{seq}/{yy}')).toBe('unknown_token');
    expect(numberFormatProblem('{prefix}-{seq}/{yy}<')).toBe('bad_character');
    expect(numberFormatProblem('{prefix-{seq}/{yy}')).toBe('bad_character');
    expect(numberFormatProblem(DEFAULT_NUMBER_FORMAT)).toBeNull();
    expect(() => formatOutgoingNumber('{seq}', { prefix: '', seq: 1, year: 2025 })).toThrow(/no_year/);
    expect(() => formatOutgoingNumber(DEFAULT_NUMBER_FORMAT, { prefix: 'A', seq: 0, year: 2025 })).toThrow();
  });
});
