import type { IntakeForm } from '../../../../shared/case/schema';
import { checkRow, markSameInFile, type RowCheck } from '../../../../shared/import/check';
import type { ImportMapping } from '../../../../shared/import/fields';
import type { ImportDefaults, RowFinding } from '../../../../shared/import/rows';
import { matchInDatabase, type DbMatch } from '../../data/import/duplicates.repo';

/** What the dry run says about one row; nothing is written. */
export interface RowReport {
  /** 0-based index into the table's data rows. */
  index: number;
  /** As the caseworker sees it in a spreadsheet: the header is row 1. */
  rowNumber: number;
  name: string;
  birth: string;
  errors: RowFinding[];
  warnings: RowFinding[];
  form: IntakeForm | null;
  inDatabase: DbMatch[];
  /** Row numbers of earlier rows in the file that look like the same person. */
  sameInFile: number[];
}

export interface DryRun {
  rows: RowReport[];
  counts: { total: number; ready: number; errors: number; warnings: number; duplicates: number };
}

export const isLikelyDuplicate = (row: RowReport) => row.inDatabase.length > 0 || row.sameInFile.length > 0;

export interface DryRunOptions {
  today: string;
  newId?: () => string;
  onProgress?: (done: number, total: number) => void;
  /** Each row's number in the file (default: the header is row 1 and rows follow without gaps). */
  rowNumbers?: readonly number[];
  /** Rows checked between two yields to the page, so the progress bar moves and input stays live. */
  slice?: number;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function describe(check: RowCheck, row: readonly string[], mapping: ImportMapping): { name: string; birth: string } {
  if (check.form) {
    const n = check.form.person.nameRu;
    const b = check.form.person.birthDate;
    const birth = [b.day, b.month].filter((x) => x !== undefined).map((x) => String(x).padStart(2, '0')).concat(String(b.year)).join('.');
    return { name: [n.surname, n.givenName, n.patronymic].filter(Boolean).join(' '), birth };
  }
  // A row with errors is shown by what the file says, so the caseworker can find it there.
  const pick = (...fields: string[]) => fields.map((f) => row[mapping.indexOf(f as never)] ?? '').filter(Boolean).join(' ');
  return { name: pick('fullNameRu', 'surnameRu', 'givenNameRu', 'patronymicRu') || pick('fullNameLat', 'surnameLat', 'givenNameLat') || pick('fullNameKy', 'surnameKy', 'givenNameKy'), birth: pick('birthDate') };
}

/** Checks every row (schema, cross-field rules, cells), then looks for the same person in the file and in the database. */
export async function dryRun(rows: readonly (readonly string[])[], mapping: ImportMapping, defaults: ImportDefaults, options: DryRunOptions): Promise<DryRun> {
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const slice = options.slice ?? 500;
  const checks: RowCheck[] = [];
  for (let start = 0; start < rows.length; start += slice) {
    const end = Math.min(rows.length, start + slice);
    for (let i = start; i < end; i++) checks.push(checkRow(rows[i]!, i, mapping, defaults, options.today, newId));
    options.onProgress?.(end, rows.length);
    if (end < rows.length) await yieldToPage();
  }
  markSameInFile(checks);
  const inDb = await matchInDatabase(checks.map((c) => c.keys));
  const reports = checks.map((check): RowReport => ({
    index: check.index,
    rowNumber: options.rowNumbers?.[check.index] ?? check.index + 2,
    ...describe(check, rows[check.index]!, mapping),
    errors: check.errors,
    warnings: check.warnings,
    form: check.form,
    inDatabase: inDb.get(check.index) ?? [],
    sameInFile: check.sameInFile.map((s) => options.rowNumbers?.[s.index] ?? s.index + 2),
  }));
  const errors = reports.filter((r) => r.errors.length > 0).length;
  return {
    rows: reports,
    counts: {
      total: reports.length,
      ready: reports.length - errors,
      errors,
      warnings: reports.filter((r) => r.warnings.length > 0).length,
      duplicates: reports.filter(isLikelyDuplicate).length,
    },
  };
}

/** Rows to write by default: no errors, and not a likely duplicate (the caseworker may include those). */
export function defaultExcluded(run: DryRun): Set<number> {
  return new Set(run.rows.filter((r) => r.errors.length === 0 && isLikelyDuplicate(r)).map((r) => r.index));
}
