import { describe, expect, it } from 'vitest';
import { duplicateNameKeys, matchesAllPrefixes, personNameKeys, queryWords } from '../../../../shared/search/case-keys';
import { nameKey } from '../../../../shared/names';

/**
 * The glide class: the glide й followed by a vowel, written as Kyrgyz й + vowel, a Russian iotated vowel,
 * a Russian soft/hard sign + iotated vowel after a consonant, or Latin y/i + vowel. Each group below is
 * one sound in one position; every writing in it must give the same key, so that a case indexed under
 * any of them is found by a search for any other and counts as the same person at intake.
 */
const POSITIONS: Record<string, Record<string, string[]>> = {
  'word start': {
    а: ['Ядыгар', 'Йадыгар', 'Yadygar', 'Iadygar', 'ЯДЫГАР'],
    у: ['Юсуп', 'Йусуп', 'Yusup', 'Iusup'],
    о: ['Ёлдош', 'Йолдош', 'Yoldosh', 'Елдош'],
    е: ['Ермек', 'Йермек', 'Yermek', 'Эрмек'],
  },
  'after a vowel': {
    а: ['Мая', 'Майа', 'Maya', 'Maia', 'Майя'],
    у: ['Аюб', 'Айуб', 'Ayub', 'Aiub'],
    о: ['Коёнбек', 'Койонбек', 'Koyonbek'],
    е: ['Мамаев', 'Мамайев', 'Mamayev', 'Mamaev'],
    ы: ['Кайыр', 'Каир', 'Кайир', 'Kaiyr', 'Kayyr'],
  },
  'after a consonant': {
    а: ['Ильяс', 'Ылйас', 'Илйас', 'Илъяс', 'Илияс', 'Ilyas', 'Ilias'],
    'а (2)': ['Дьяков', 'Дйаков', 'Дъяков', 'Dyakov', 'Diakov'],
    'а (3)': ['Марьям', 'Марйам', 'Мариям', 'Maryam', 'Mariam'],
    у: ['Гульюса', 'Гулйуса', 'Гулюса', 'Gulyusa'],
    // A sign before ё reads as before е (Russian records drop the dots): the glide stays.
    'ё after a sign': ['Соловьёв', 'Соловьев', 'Соловйев', 'Solovyev', 'Соловиев'],
    о: ['Пётр', 'Пйотр', 'Петр', 'Pyotr', 'Petr'],
    е: ['Васильев', 'Василйев', 'Василиев', 'Vasilyev', 'Vasiliev'],
    'е (2)': ['Мамьев', 'Мамйев', 'Мамыев', 'Mamyev'],
  },
  'й before a consonant, э ≡ е': {
    е: ['Айбек', 'Айбэк', 'Aibek', 'Aybek'],
  },
};

const groups = Object.entries(POSITIONS).flatMap(([position, vowels]) =>
  Object.entries(vowels).map(([vowel, spellings]) => ({ label: `${position}, ${vowel}`, spellings })),
);

/** A person written in one spelling only (as a case made at intake from one document). */
const personNamed = (surname: string) => ({
  nameKy: { surname, givenName: 'Нурлан', patronymic: '' },
  nameRu: { surname: '', givenName: '', patronymic: '' },
  nameLat: { surname: '', givenName: '', patronymic: '' },
  otherSpellings: [] as string[],
  birthDate: { year: 1990, month: 3, day: 15 },
});

describe('the glide class: one key for every writing', () => {
  for (const { label, spellings } of groups) {
    it(label, () => {
      const key = nameKey(spellings[0]!);
      for (const spelling of spellings) expect({ spelling, key: nameKey(spelling) }).toEqual({ spelling, key });
    });
  }
});

describe('the glide class in search and duplicate detection, both directions', () => {
  for (const { label, spellings } of groups) {
    it(`${label}: each writing finds each other one and is the same person`, () => {
      for (const indexed of spellings) {
        const words = personNameKeys(personNamed(indexed));
        const dup = duplicateNameKeys(personNamed(indexed));
        for (const typed of spellings) {
          // Search: the whole word and every typed prefix of it find the case (typing letter by letter).
          for (let end = 2; end <= typed.length; end++) {
            const query = queryWords(typed.slice(0, end));
            expect({ indexed, typed: typed.slice(0, end), found: matchesAllPrefixes(words, query) }).toEqual({
              indexed,
              typed: typed.slice(0, end),
              found: true,
            });
          }
          // Duplicate detection: same name keys and birth date = the same person, whichever was written first.
          expect({ indexed, typed, same: duplicateNameKeys(personNamed(typed)).some((k) => dup.includes(k)) }).toEqual({
            indexed,
            typed,
            same: true,
          });
        }
      }
    });
  }
});

describe('the glide rule does not merge what differs', () => {
  it.each([
    ['Ильин', 'Илин', 'a sign before и: the glide merges into и, nothing else changes'],
    ['Айгуль', 'Айгүл', 'a final sign is dropped'],
    ['Гульнара', 'Гулнара', 'a sign before a consonant is dropped'],
  ])('%s ≡ %s (%s)', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['Васильев', 'Василев', 'ье after a consonant is a glide, plain е is not'],
    ['Мамьев', 'Мамев', 'the same with a hard consonant'],
    ['Ядыгар', 'Адыгар', 'a word-initial glide before а is kept'],
  ])('%s ≠ %s (%s)', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });
});
