import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { excelSerialToIso, monthOfWord, parseImportDate } from '../../../../shared/import/dates';
import { guessField, guessMapping, headerSignature, fitsHeaders, repeatedFields } from '../../../../shared/import/fields';

const full = (year: number, month: number, day: number) => ({ ok: true, value: { year, month, day } });

describe('parseImportDate', () => {
  it.each([
    ['12.03.1990', full(1990, 3, 12)],
    ['1.3.1990', full(1990, 3, 1)],
    ['01/03/1990', full(1990, 3, 1)],
    ['01-03-1990', full(1990, 3, 1)],
    ['1990-03-12', full(1990, 3, 12)],
    ['1990-03-12T00:00:00.000Z', full(1990, 3, 12)],
    ['1990-03-12 00:00:00', full(1990, 3, 12)],
    ['12.03.1990 г.', full(1990, 3, 12)],
    ['12 марта 1990', full(1990, 3, 12)],
    ['12 марта 1990 г.', full(1990, 3, 12)],
    ['1 мая 2001 года', full(2001, 5, 1)],
    ['3 сентября 1979', full(1979, 9, 3)],
    ['12 мар. 1990', full(1990, 3, 12)],
    ['12 March 1990', full(1990, 3, 12)],
    ['March 12, 1990', full(1990, 3, 12)],
    ['32944', full(1990, 3, 12)],
    ['  12.03.1990  ', full(1990, 3, 12)],
  ])('%s', (text, expected) => {
    expect(parseImportDate(text, 2026)).toEqual(expected);
  });

  it('two-digit years take the latest century not after the reference year', () => {
    expect(parseImportDate('1.3.90', 2026)).toEqual(full(1990, 3, 1));
    expect(parseImportDate('1.3.05', 2026)).toEqual(full(2005, 3, 1));
    expect(parseImportDate('1.3.26', 2026)).toEqual(full(2026, 3, 1));
    expect(parseImportDate('1.3.27', 2026)).toEqual(full(1927, 3, 1));
  });

  it('partial dates: month and year, year only, month word and year', () => {
    expect(parseImportDate('03.1990')).toEqual({ ok: true, value: { year: 1990, month: 3 } });
    expect(parseImportDate('1990')).toEqual({ ok: true, value: { year: 1990 } });
    expect(parseImportDate('март 1990')).toEqual({ ok: true, value: { year: 1990, month: 3 } });
  });

  it('says why a date is refused', () => {
    expect(parseImportDate('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseImportDate('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseImportDate('30.02.1990')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseImportDate('31.04.1990')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseImportDate('12.13.1990')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseImportDate('1850')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseImportDate('вчера')).toEqual({ ok: false, reason: 'unparsed' });
    expect(parseImportDate('12 мартобря 1990')).toEqual({ ok: false, reason: 'unparsed' });
    expect(parseImportDate('12')).toEqual({ ok: false, reason: 'unparsed' });
  });

  it('Excel serials count the 1900 leap-year bug', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(32944)).toBe('1990-03-12');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });

  it('month words in their grammatical forms', () => {
    expect(monthOfWord('января')).toBe(1);
    expect(monthOfWord('мая')).toBe(5);
    expect(monthOfWord('Май')).toBe(5);
    expect(monthOfWord('марта')).toBe(3);
    expect(monthOfWord('декабря')).toBe(12);
    expect(monthOfWord('ма')).toBeNull();
  });

  it('is total: any string gives a value or a reason, and a value is a real date', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const r = parseImportDate(text);
        if (r.ok) expect(r.value.year).toBeGreaterThanOrEqual(1900);
        else expect(['empty', 'unparsed', 'impossible']).toContain(r.reason);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('column guesses', () => {
  it.each([
    ['Фамилия', 'surnameRu'],
    ['Имя', 'givenNameRu'],
    ['Отчество', 'patronymicRu'],
    ['ФИО', 'fullNameRu'],
    ['Ф.И.О.', 'fullNameRu'],
    ['Фамилия, имя, отчество', 'fullNameRu'],
    ['Дата рождения', 'birthDate'],
    ['Дата рожд.', 'birthDate'],
    ['Туулган күнү', 'birthDate'],
    ['Date of birth', 'birthDate'],
    ['ПИН', 'pin'],
    ['Жеке номер', 'pin'],
    ['Паспорт', 'document'],
    ['Серия и номер паспорта', 'document'],
    ['Серия', 'docSeries'],
    ['Номер паспорта', 'docNumber'],
    ['Дата выдачи', 'docIssueDate'],
    ['Срок действия', 'docExpiryDate'],
    ['Кем выдан', 'docIssuer'],
    ['Телефон', 'phone'],
    ['Тел.', 'phone'],
    ['Регион', 'region'],
    ['Субъект РФ', 'region'],
    ['Пол', 'sex'],
    ['Жынысы', 'sex'],
    ['Surname', 'surnameLat'],
    ['Given name', 'givenNameLat'],
    ['Фамилия (лат.)', 'surnameLat'],
    ['Фамилия (кырг.)', 'surnameKy'],
    ['Фамилиясы', 'surnameKy'],
    ['E-mail', 'email'],
    ['Место рождения', 'placeOfBirth'],
    ['Адрес в РФ', 'ruAddress'],
    ['Примечание', 'note'],
    ['Заявитель', ''],
    ['', ''],
    ['Столбец 7', ''],
  ])('%j → %j', (header, field) => {
    expect(guessField(header)).toBe(field);
  });

  it('gives each field to the first column only', () => {
    expect(guessMapping(['Телефон', 'Фамилия', 'Телефон 2', 'Имя'])).toEqual(['phone', 'surnameRu', '', 'givenNameRu']);
  });

  it('signature ignores case, ё and punctuation; a saved mapping must fit the columns', () => {
    expect(headerSignature(['Ф.И.О.', 'Дата Рождения'])).toBe(headerSignature(['ф и о', 'дата рождения']));
    expect(fitsHeaders(['surnameRu', ''], ['a', 'b'])).toBe(true);
    expect(fitsHeaders(['surnameRu'], ['a', 'b'])).toBe(false);
    expect(fitsHeaders(['nope', ''], ['a', 'b'])).toBe(false);
    expect(repeatedFields(['pin', 'pin', '', 'sex'])).toEqual(['pin']);
  });
});
