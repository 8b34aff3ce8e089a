import { formatPartialDate } from '../case/dates';
import { normalizePin } from '../case/pin';
import type { CaseRecord, IdentityDocument, Person, PersonName } from '../case/schema';
import { documentKey, nameTokens, searchTokens } from '../names';

/**
 * The derived keys a case is found by. They are computed in one place so that the database indexes,
 * duplicate detection, the benchmark's linear scan and the tests all agree on what "the same" means.
 */

/**
 * Identifiers (document, case and outgoing numbers, ПИН) as one word however typed: separators dropped,
 * Cyrillic look-alikes folded to Latin ("АН 123-45-67" = "an1234567").
 */
export const identifierKey = documentKey;

/** Keys of every document of a person: series+number and the bare number (people often omit the series). */
export function documentKeys(documents: readonly Pick<IdentityDocument, 'series' | 'number'>[]): string[] {
  const keys = new Set<string>();
  for (const doc of documents) {
    const bare = documentKey(doc.number);
    if (bare) keys.add(bare);
    const full = documentKey(`${doc.series}${doc.number}`);
    if (full) keys.add(full);
  }
  return [...keys];
}

const nameParts = (name: PersonName) => [name.surname, name.givenName, name.patronymic];

/** Every name token of the person in every script, with the other known spellings. */
export function personNameKeys(person: Pick<Person, 'nameKy' | 'nameRu' | 'nameLat' | 'otherSpellings'>): string[] {
  return nameTokens(...nameParts(person.nameKy), ...nameParts(person.nameRu), ...nameParts(person.nameLat), ...person.otherSpellings);
}

/** The name keys of one part of a name (`nameTokens` of it alone); what a cache in front of it must answer. */
export type PartTokens = (part: string) => readonly string[];
const partTokens: PartTokens = (part) => nameTokens(part);

/**
 * `nameTokens` answers part by part (each token is folded and filtered on its own, then kept once, first
 * seen first), so a memo of `tokensOf` per part gives the same keys as personNameKeys: names repeat, and
 * building the search index of 100,000 people folds each distinct name once.
 */
function personNameKeysBy(person: Pick<Person, 'nameKy' | 'nameRu' | 'nameLat' | 'otherSpellings'>, tokensOf: PartTokens): string[] {
  const keys = new Set<string>();
  for (const part of [...nameParts(person.nameKy), ...nameParts(person.nameRu), ...nameParts(person.nameLat), ...person.otherSpellings]) {
    if (part) for (const key of tokensOf(part)) keys.add(key);
  }
  return [...keys];
}

function birthKey(birthDate: Person['birthDate']): string {
  return formatPartialDate(birthDate);
}

/**
 * "Same normalised name and same date of birth": one key per spelling (Kyrgyz, Russian, Latin, each other
 * spelling), made of the name's keys in sorted order, so word order and the uulu/kyzy particle do not matter.
 */
export function duplicateNameKeys(person: Pick<Person, 'nameKy' | 'nameRu' | 'nameLat' | 'otherSpellings' | 'birthDate'>): string[] {
  const birth = birthKey(person.birthDate);
  const spellings = [nameParts(person.nameKy), nameParts(person.nameRu), nameParts(person.nameLat), ...person.otherSpellings.map((s) => [s])];
  const keys = new Set<string>();
  for (const parts of spellings) {
    const tokens = nameTokens(...parts);
    // A lone given name is too weak a match for "the same person".
    if (tokens.length < 2) continue;
    keys.add(`${[...tokens].sort().join(' ')}|${birth}`);
  }
  return [...keys];
}

export function pinKey(pin: string): string {
  return normalizePin(pin);
}

/**
 * Birth date words: дд.мм.гггг, мм.гггг and гггг with the dots dropped (as a typed date is folded by
 * `identifierKey`), so a search by the whole date, by month and year or by the year alone finds the
 * person, and "15.03" typed so far is a prefix of the whole date. A partial date gives what it knows.
 */
export function birthDateWords(birthDate: Person['birthDate'] | null | undefined): string[] {
  if (!birthDate || typeof birthDate.year !== 'number') return [];
  const year = String(birthDate.year).padStart(4, '0');
  const words = [year];
  if (birthDate.month === undefined) return words;
  const month = `${String(birthDate.month).padStart(2, '0')}${year}`;
  words.push(month);
  if (birthDate.day !== undefined) words.push(`${String(birthDate.day).padStart(2, '0')}${month}`);
  return words;
}

/**
 * Phone words: the digits as written, and for a Russian (+7 / 8, 11 digits) or Kyrgyz (+996, 12 digits)
 * number also the national number and its domestic form, so "+7 916 123-45-67", "8 (916) 1234567" and
 * "916 123 45 67" all find it, and "+996 555 123 456" is found as "0555 123 456".
 */
export function phoneWords(phones: readonly string[] | undefined): string[] {
  const words = new Set<string>();
  for (const phone of phones ?? []) {
    const digits = phone.replace(/\D/gu, '');
    if (digits.length < 5) continue;
    words.add(digits);
    if (digits.length === 11 && (digits[0] === '7' || digits[0] === '8')) {
      const national = digits.slice(1);
      words.add(national);
      words.add(`7${national}`);
      words.add(`8${national}`);
    } else if (digits.length === 12 && digits.startsWith('996')) {
      const national = digits.slice(3);
      words.add(national);
      words.add(`0${national}`);
    } else if (digits.length === 10 && digits[0] === '0') {
      words.add(digits.slice(1));
      words.add(`996${digits.slice(1)}`);
    }
  }
  return [...words];
}

export type SearchablePerson = Pick<Person, 'nameKy' | 'nameRu' | 'nameLat' | 'otherSpellings' | 'pin'> & Partial<Pick<Person, 'birthDate' | 'phones'>>;

/** The person's search words: name keys in every script, ПИН, document numbers, birth date and phone words. */
export function personSearchWords(person: SearchablePerson, documents: readonly Pick<IdentityDocument, 'series' | 'number'>[], tokensOf: PartTokens = partTokens): string[] {
  const words = new Set<string>(personNameKeysBy(person, tokensOf));
  const pin = pinKey(person.pin);
  if (pin) words.add(pin);
  for (const key of documentKeys(documents)) words.add(key);
  for (const key of birthDateWords(person.birthDate)) words.add(key);
  for (const key of phoneWords(person.phones)) words.add(key);
  return [...words];
}

/** The case's own search words: its number and the outgoing numbers of its letters (nothing personal). */
export function caseNumberWords(caseNumber: string, outgoingNumbers: readonly string[] = []): string[] {
  const words = new Set<string>();
  for (const value of [caseNumber, ...outgoingNumbers]) {
    const key = identifierKey(value);
    if (key) words.add(key);
  }
  return [...words];
}

/** All words of the case's search index: name keys, ПИН, document numbers, case number and outgoing numbers. */
export function caseSearchWords(input: {
  person: SearchablePerson;
  documents: readonly Pick<IdentityDocument, 'series' | 'number'>[];
  caseNumber: string;
  outgoingNumbers?: readonly string[];
}): string[] {
  return [...new Set([...personSearchWords(input.person, input.documents), ...caseNumberWords(input.caseNumber, input.outgoingNumbers)])];
}

/**
 * A query word no index word starts with (index words are lower-case ASCII letters and digits): the
 * answer to a query that cannot be a name or a number, so the list shows nothing rather than everything.
 */
export const NO_MATCH = '~~';

/** Three or more of the same letter in a row: no name is spelled so (Kyrgyz long vowels are two letters). */
const NONSENSE_RUN = /(\p{L})\1\1/iu;

const LETTERS_ONLY = /^[\p{L}\p{M}'’ʼʻ-]+$/u;

/**
 * Whether a letters-only chunk of a query is a document series to join with the number after it
 * ("AN 1234567", "ан 1234567") rather than a short name ("Ли 1990"): one to three letters, typed in
 * capitals or followed by a number of five digits or more (as `searchTokens` joins them).
 */
function isSeries(chunk: string, next: string | undefined): boolean {
  if (chunk.length > 3 || next === undefined || !/^\p{Nd}/u.test(next)) return false;
  return chunk === chunk.toUpperCase() || /^\p{Nd}{5,}/u.test(next.replace(/[\s().-]/gu, ''));
}

/**
 * Query words. Name words (letters only, not a document series before its number) are folded like
 * names, each matched as the start of an indexed word. Everything else with a digit in it — ПИН, document, case, outgoing and phone
 * numbers, birth dates (15.03.1990, 03.1990, 1990) — is one identifier however it is spaced or
 * punctuated, so "AN 1234567" and "+7 916 123-45-67" are each one word. A name word with three equal
 * letters in a row is nonsense and matches nothing ("ЖЖЖЖ" would otherwise fold to "ж" and find everyone).
 */
export function queryWords(query: string): string[] {
  if (!/\p{N}/u.test(query)) return nameQueryWords(query);
  const names: string[] = [];
  const rest: string[] = [];
  const chunks = query.split(/\s+/u).filter(Boolean);
  chunks.forEach((chunk, i) => {
    if (LETTERS_ONLY.test(chunk) && !isSeries(chunk, chunks[i + 1])) names.push(chunk);
    else rest.push(chunk);
  });
  const out = nameQueryWords(names.join(' '));
  const key = identifierKey(rest.join(''));
  if (key && !out.includes(key)) out.push(key);
  return out;
}

function nameQueryWords(query: string): string[] {
  if (NONSENSE_RUN.test(query)) return [NO_MATCH];
  return searchTokens(query);
}

/** True when every query word is a prefix of some word of the record (the search rule, for scans and tests). */
export function matchesAllPrefixes(words: readonly string[], query: readonly string[]): boolean {
  return query.every((q) => words.some((w) => w.startsWith(q)));
}

/** The Russian spelling, surname first, as the list sorts and shows it. */
export function sortNameOf(person: Pick<Person, 'nameRu'>): string {
  return `${person.nameRu.surname} ${person.nameRu.givenName} ${person.nameRu.patronymic}`.trim().toLocaleLowerCase('ru');
}

export const fullName = (name: PersonName): string => [name.surname, name.givenName, name.patronymic].filter(Boolean).join(' ');

export type { CaseRecord };
