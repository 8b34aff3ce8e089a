import { describe, expect, it } from 'vitest';
import { birthDateWords, caseSearchWords, matchesAllPrefixes, NO_MATCH, phoneWords, queryWords } from '../../../../../shared/search/case-keys';

const person = {
  nameKy: { surname: 'Жумагулов', givenName: 'Бакыт', patronymic: '' },
  nameRu: { surname: 'Жумагулов', givenName: 'Бакыт', patronymic: '' },
  nameLat: { surname: 'ZHUMAGULOV', givenName: 'BAKYT', patronymic: '' },
  otherSpellings: [],
  pin: '21203199000123',
  birthDate: { year: 1990, month: 3, day: 15 },
  phones: ['+7 (916) 123-45-67', '+996 555 123 456'],
};
const words = caseSearchWords({ person, documents: [{ series: 'AN', number: '1234567' }], caseNumber: 'КР-М-12/2026' });
const finds = (text: string) => matchesAllPrefixes(words, queryWords(text));

describe('a query word matches the start of an indexed word', () => {
  it.each(['Жума', 'жумагулов', 'Zhumagulov', 'Бакыт Жумагулов', 'Джумагулов Бак'])('“%s” finds the case', (text) => {
    expect(finds(text)).toBe(true);
  });

  it.each(['умагулов', 'гулов', 'акыт', 'Жумагулова', 'Бакытбек'])('“%s” (not the start of a word, or longer) finds nothing', (text) => {
    expect(finds(text)).toBe(false);
  });

  it.each(['ЖЖЖЖ', 'ааааааааа', 'жжж', 'Жумагулов ЖЖЖЖ', 'BBBB'])('nonsense “%s” finds nothing', (text) => {
    expect(queryWords(text)).toContain(NO_MATCH);
    expect(finds(text)).toBe(false);
    // The marker cannot be the start of any index word: those are lower-case letters and digits.
    expect(words.every((w) => /^[a-z0-9]+$/.test(w))).toBe(true);
  });

  it('keeps Kyrgyz long vowels (two equal letters) as names', () => {
    expect(queryWords('Айсулуу')).not.toContain(NO_MATCH);
    expect(queryWords('Бообек')).not.toContain(NO_MATCH);
  });
});

describe('search by birth date', () => {
  it('indexes the whole date, month and year, and the year', () => {
    expect(birthDateWords({ year: 1990, month: 3, day: 15 })).toEqual(['1990', '031990', '15031990']);
    expect(birthDateWords({ year: 1990, month: 3 })).toEqual(['1990', '031990']);
    expect(birthDateWords({ year: 1990 })).toEqual(['1990']);
    expect(birthDateWords(null)).toEqual([]);
  });

  it.each(['15.03.1990', '15.03', '15031990', '03.1990', '1990', 'Жумагулов 15.03.1990', '15-03-1990', '15/03/1990'])('“%s” finds the case', (text) => {
    expect(finds(text)).toBe(true);
  });

  it.each(['16.03.1990', '15.04.1990', '1991', 'Усенов 15.03.1990'])('“%s” finds nothing', (text) => {
    expect(finds(text)).toBe(false);
  });
});

describe('search by phone', () => {
  it.each(['+7 916 123-45-67', '8 (916) 123 45 67', '79161234567', '916 123 45 67', '+7916', '+996 555 123 456', '0555 123 456', '555123456'])(
    '“%s” finds the case',
    (text) => expect(finds(text)).toBe(true),
  );

  it.each(['+7 916 123-45-68', '8 926 123 45 67'])('“%s” finds nothing', (text) => {
    expect(finds(text)).toBe(false);
  });

  it('ignores numbers too short to be a phone', () => {
    expect(phoneWords(['12-34'])).toEqual([]);
  });
});

describe('mixed queries', () => {
  it('keeps a document series with its number and a short name apart from a year', () => {
    expect(queryWords('AN 1234567')).toEqual(['an1234567']);
    expect(queryWords('ан 1234567')).toEqual(['an1234567']);
    expect(queryWords('Ли 1990')).toEqual(['li', '1990']);
    expect(queryWords('Жумагулов 15.03.1990')).toEqual(['jumagulov', '15031990']);
  });
});
