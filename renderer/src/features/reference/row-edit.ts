import type { ReferenceIssue } from '../../../../shared/reference/load';
import type { Addressee, CalendarYear, DocumentClock, ErrorCause, LegalRef, ReferenceBundle, ReferenceDate, ReferenceTerm } from '../../../../shared/reference/schema';

/** The tables the screen edits row by row; each row is found by its id (the calendar: by its year). */
export interface EditableRows {
  addressees: Addressee;
  legalRefs: LegalRef;
  causes: ErrorCause;
  calendar: CalendarYear;
  dates: ReferenceDate;
  documentClocks: DocumentClock;
  terms: ReferenceTerm;
}
export type EditableTable = keyof EditableRows;

const keyOf = (row: { id: string } | { year: number }): string => ('id' in row ? row.id : String(row.year));

/**
 * A copy of `bundle` with one row replaced, and the row's index there (issue paths name rows by index).
 * A row that is no longer there (changed meanwhile) is not brought back: null, unless `insert` asks to add
 * it — calendar years are added in year order.
 */
export function withRow<T extends EditableTable>(
  bundle: ReferenceBundle,
  table: T,
  key: string,
  row: EditableRows[T],
  options: { insert?: boolean } = {},
): { edited: ReferenceBundle; index: number } | null {
  // `?? []`: data stored before a table existed lacks it.
  const rows: EditableRows[EditableTable][] = [...((bundle[table] as readonly EditableRows[EditableTable][] | undefined) ?? [])];
  let index = rows.findIndex((existing) => keyOf(existing) === key);
  if (index >= 0) rows[index] = row;
  else if (options.insert) {
    index = 'year' in row ? rows.filter((r) => 'year' in r && r.year < row.year).length : rows.length;
    rows.splice(index, 0, row);
  } else return null;
  return { edited: { ...bundle, [table]: rows }, index };
}

export interface RowIssues {
  /** The first problem of each field, keyed by its path inside the row (`nameRu`, `holidays.2`, `explanation.ky`). */
  fields: Record<string, ReferenceIssue>;
  /** Problems elsewhere in the bundle the edit caused (an id another table refers to, a region in two rows). */
  other: ReferenceIssue[];
}

/** Splits the issues of a whole-bundle validation into those of one row (`prefix` = `addressees.3.`) and the rest. */
export function rowIssues(issues: readonly ReferenceIssue[], prefix: string): RowIssues {
  const fields: Record<string, ReferenceIssue> = {};
  const other: ReferenceIssue[] = [];
  for (const issue of issues) {
    if (issue.path.startsWith(prefix)) fields[issue.path.slice(prefix.length)] ??= issue;
    else if (`${issue.path}.` === prefix) fields[''] ??= issue;
    else other.push(issue);
  }
  return { fields, other };
}

/** '' in a form means "no value" for optional texts: the key is left out, as the factory files do. */
export function optional(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}
