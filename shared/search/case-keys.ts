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

/** All words of the case's search index: name keys, ПИН, document numbers, case number and outgoing numbers. */
export function caseSearchWords(input: {
  person: Pick<Person, 'nameKy' | 'nameRu' | 'nameLat' | 'otherSpellings' | 'pin'>;
  documents: readonly Pick<IdentityDocument, 'series' | 'number'>[];
  caseNumber: string;
  outgoingNumbers?: readonly string[];
}): string[] {
  const words = new Set<string>(personNameKeys(input.person));
  const pin = pinKey(input.person.pin);
  if (pin) words.add(pin);
  for (const key of documentKeys(input.documents)) words.add(key);
  const number = identifierKey(input.caseNumber);
  if (number) words.add(number);
  for (const outgoing of input.outgoingNumbers ?? []) {
    const key = identifierKey(outgoing);
    if (key) words.add(key);
  }
  return [...words];
}

/**
 * Query words. A query with a digit is an identifier (ПИН, document, case or outgoing number) typed with
 * any separators, so it becomes one word; otherwise it is a name and each token is folded like names.
 */
export function queryWords(query: string): string[] {
  if (/\p{N}/u.test(query)) {
    const key = identifierKey(query);
    return key ? [key] : [];
  }
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
