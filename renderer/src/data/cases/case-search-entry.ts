import { nameTokens } from '../../../../shared/names';
import { caseNumberWords, personSearchWords, sortNameOf, type PartTokens } from '../../../../shared/search/case-keys';
import type { CaseRow, CaseSummary, PersonRow } from '../stored-rows';

/** The fields the case list shows, sorts and filters by: all an in-memory list row keeps. */
export const LIST_FIELDS = [
  'id',
  'number',
  'personId',
  'summary',
  'status',
  'region',
  'missionId',
  'caseworker',
  'updatedAt',
  'createdAt',
  'nextDeadline',
] as const satisfies readonly (keyof CaseRow)[];
export type CaseListRow = Pick<CaseRow, (typeof LIST_FIELDS)[number]>;

/**
 * Everything the search index and the case list need of one case, derived from the case, its person and its
 * outgoing numbers: the list row, the search words (name keys in every script and folded form, ПИН, document
 * numbers, birth date, phones, the case number and its outgoing numbers) and the Russian name the list sorts by.
 * Stored as ONE sealed value per case (the `caseSearch` table, data/case-search.ts), so the index is built after
 * sign-in by opening 100,000 small values instead of reading and opening whole persons and cases.
 */
export interface CaseSearchEntry {
  row: CaseListRow;
  words: string[];
  /** sortNameOf(person): surname first, lower-case; '' when the person is missing. */
  sortName: string;
}

/**
 * An entry as stored (the `caseSearch` table): the list row's plain fields (the same ones the case stores plain)
 * beside ONE sealed value with the rest: the summary (names, ПИН, document), the words and the sort name. Keeping
 * the plain fields out of the sealed value makes it a third smaller, and opening 100,000 of them is what the
 * index build costs.
 */
export type CaseSearchRow = Omit<CaseListRow, 'summary'> & { entry: SealedSearchPart };
export interface SealedSearchPart {
  summary: CaseSummary;
  words: string[];
  sortName: string;
}

export function storedEntry(entry: CaseSearchEntry): CaseSearchRow {
  const { summary, ...plain } = entry.row;
  return { ...plain, entry: { summary, words: entry.words, sortName: entry.sortName } };
}

/** The entry of a stored row; reading `entry` is what opens its sealed value. */
export function entryOf(stored: CaseSearchRow): CaseSearchEntry {
  const { entry, ...plain } = stored;
  return { row: { ...plain, summary: entry.summary }, words: entry.words, sortName: entry.sortName };
}

export function listRowOf(row: CaseRow): CaseListRow {
  const out: Record<string, unknown> = {};
  for (const field of LIST_FIELDS) out[field] = row[field];
  return out as CaseListRow;
}

/** The person's words first, then the case's own, each once (the order the index has always filed them in). */
export function caseSearchEntry(row: CaseRow, person: PersonRow | undefined, outgoing: readonly string[] = [], tokensOf?: PartTokens): CaseSearchEntry {
  const own = caseNumberWords(row.number ?? '', outgoing);
  const whole = person ? wholeEnough(person) : undefined;
  const personal = whole ? personSearchWords(whole, (person?.documents ?? []).filter((doc) => typeof doc?.number === 'string'), tokensOf) : [];
  return { row: listRowOf(row), words: [...new Set([...personal, ...own])], sortName: whole ? sortNameOf(whole) : '' };
}

const NO_NAME = { surname: '', givenName: '', patronymic: '' };

/**
 * The person with every part search reads present: the entries are derived inside the write of any row that
 * reaches the database (also a row an older version or another PC wrote with parts missing), and a missing
 * part must cost its words, never the write.
 */
function wholeEnough(person: PersonRow): PersonRow {
  return {
    ...person,
    nameRu: { ...NO_NAME, ...person.nameRu },
    nameKy: { ...NO_NAME, ...person.nameKy },
    nameLat: { ...NO_NAME, ...person.nameLat },
    otherSpellings: person.otherSpellings ?? [],
    pin: person.pin ?? '',
  };
}

/**
 * The entry after a write of the case alone, from the entry it had: its words and name come from the person and
 * the outgoing register, which did not change (their own writes refresh the entry), so only the list row is
 * taken anew. Null when the case moved to another person or number: then the entry is derived again.
 */
export function withListRow(previous: CaseSearchEntry | undefined, row: CaseRow): CaseSearchEntry | null {
  if (!previous || previous.row.personId !== row.personId || previous.row.number !== row.number) return null;
  return { row: listRowOf(row), words: previous.words, sortName: previous.sortName };
}

/** A cache in front of `nameTokens` for a run over many cases: each distinct part of a name is folded once. */
export function memoTokens(): PartTokens {
  const known = new Map<string, readonly string[]>();
  return (part) => {
    let tokens = known.get(part);
    if (tokens === undefined) known.set(part, (tokens = nameTokens(part)));
    return tokens;
  };
}
