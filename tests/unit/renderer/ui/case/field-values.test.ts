import { describe, expect, it } from 'vitest';
import { displayValue, fromEditorValue, parsePartialDate, toEditorValue, type DisplayWords } from '../../../../../renderer/src/ui/case/field-values';

const words: DisplayWords = { yes: 'Да', no: 'Нет', openEnded: 'бессрочный', option: (v) => `<${v}>`, document: (id) => `doc:${id}` };

describe('editor values', () => {
  it('read a partial date in the three forms a birth date is known in, and nothing else', () => {
    expect(parsePartialDate('12.03.1990')).toEqual({ year: 1990, month: 3, day: 12 });
    expect(parsePartialDate('3.1990')).toEqual({ year: 1990, month: 3 });
    expect(parsePartialDate(' 1990 ')).toEqual({ year: 1990 });
    expect(parsePartialDate('31.04.1990')).toBeNull();
    expect(parsePartialDate('13.1990')).toBeNull();
    expect(parsePartialDate('1990-03-12')).toBeNull();
    expect(parsePartialDate('1899')).toBeNull();
  });

  it('round-trip each kind between stored value and editor', () => {
    expect(toEditorValue('partialDate', { year: 1990, month: 3 })).toBe('03.1990');
    expect(fromEditorValue('partialDate', '03.1990')).toEqual({ ok: true, value: { year: 1990, month: 3 } });
    expect(fromEditorValue('partialDate', '31.02.1990')).toEqual({ ok: false, code: 'invalid_format' });
    expect(toEditorValue('lines', ['+7 999', '+996 555'])).toBe('+7 999\n+996 555');
    expect(fromEditorValue('lines', ' +7 999 \n\n+996 555 ')).toEqual({ ok: true, value: ['+7 999', '+996 555'] });
    expect(toEditorValue('openEndDate', null)).toBe('');
    expect(fromEditorValue('openEndDate', '')).toEqual({ ok: true, value: null });
    expect(fromEditorValue('optionalCountry', ' ')).toEqual({ ok: true, value: undefined });
    expect(fromEditorValue('optionalCountry', 'ru')).toEqual({ ok: true, value: 'RU' });
    expect(fromEditorValue('select', '')).toEqual({ ok: true, value: null });
    expect(fromEditorValue('documentRef', '')).toEqual({ ok: true, value: '' });
    expect(toEditorValue('checkbox', undefined)).toBe(false);
    expect(fromEditorValue('multi', ['bank_block'])).toEqual({ ok: true, value: ['bank_block'] });
    // Text is passed as typed: trimming, limits and formats are the repository's to judge.
    expect(fromEditorValue('text', ' Усенов ')).toEqual({ ok: true, value: ' Усенов ' });
  });

  it('display values as the page shows them: dd.mm.yyyy, translated options, yes/no, nothing for empty', () => {
    expect(displayValue('date', '2025-02-05', words)).toBe('05.02.2025');
    expect(displayValue('partialDate', { year: 1990 }, words)).toBe('1990');
    expect(displayValue('select', 'male', words)).toBe('<male>');
    expect(displayValue('multi', ['a', 'b'], words)).toBe('<a>, <b>');
    expect(displayValue('checkbox', false, words)).toBe('Нет');
    expect(displayValue('openEndDate', null, words)).toBe('бессрочный');
    expect(displayValue('optionalDate', undefined, words)).toBe('');
    expect(displayValue('documentRef', 'd1', words)).toBe('doc:d1');
    expect(displayValue('lines', ['x', 'y'], words)).toBe('x; y');
    expect(displayValue('text', '', words)).toBe('');
  });
});
