import { intakeFormSchema, type IntakeForm } from '../case/schema';
import { validateIntake } from '../case/validate';
import { documentKeys, duplicateNameKeys, pinKey } from '../search/case-keys';
import { isValidPartialDate } from '../case/dates';
import { parseForIssues, toFieldIssues } from '../validation/issues';
import type { ImportMapping } from './fields';
import { convertRow, fieldOfPath, type ImportDefaults, type RowFinding } from './rows';

/**
 * The database-free part of an import's dry run: every row converted, checked by the intake schema and
 * `validateIntake` (errors block the row, warnings do not), and matched against the rows before it by
 * the same keys duplicate detection uses (ПИН, document numbers, normalised name + birth date).
 */

export interface DuplicateKeys {
  pin: string;
  docKeys: string[];
  dupKeys: string[];
}

export interface RowCheck {
  /** 0-based index into the table's rows. */
  index: number;
  errors: RowFinding[];
  warnings: RowFinding[];
  /** The parsed form, ready to write, when the row has no errors. */
  form: IntakeForm | null;
  keys: DuplicateKeys;
  /** Earlier rows of the same file that look like the same person, with why. */
  sameInFile: { index: number; reason: 'pin' | 'document' | 'name_birth' }[];
}

export function duplicateKeysOf(draft: { person: { pin: string; birthDate: unknown } & Parameters<typeof duplicateNameKeys>[0] }, documents: { series: string; number: string }[]): DuplicateKeys {
  const pin = pinKey(draft.person.pin);
  return {
    pin: pin.length >= 4 ? pin : '',
    docKeys: documentKeys(documents),
    dupKeys: isValidPartialDate(draft.person.birthDate as never) ? duplicateNameKeys(draft.person) : [],
  };
}

function isBlank(row: readonly string[], mapping: ImportMapping): boolean {
  return mapping.every((field, i) => field === '' || (row[i] ?? '').trim() === '');
}

export function checkRow(row: readonly string[], index: number, mapping: ImportMapping, defaults: ImportDefaults, today: string, newId: () => string): RowCheck {
  const empty: DuplicateKeys = { pin: '', docKeys: [], dupKeys: [] };
  if (isBlank(row, mapping)) return { index, errors: [{ code: 'empty_row' }], warnings: [], form: null, keys: empty, sameInFile: [] };
  const converted = convertRow(row, mapping, defaults, newId, Number(today.slice(0, 4)));
  const errors = [...converted.errors];
  const warnings = [...converted.warnings];
  // Most rows are valid: a plain parse is several times faster than one that keeps inputs for the issues.
  const plain = intakeFormSchema.safeParse(converted.draft);
  const parsed = plain.success ? plain : parseForIssues(intakeFormSchema, converted.draft);
  if (!parsed.success) {
    for (const issue of toFieldIssues(parsed.error)) {
      const field = fieldOfPath(issue.path);
      // A cell already reported as unreadable is not reported again as "required".
      if (field && issue.code === 'required' && errors.some((e) => e.field === field)) continue;
      errors.push({ code: `field_${issue.code}`, path: issue.path, ...(field ? { field } : {}), ...(issue.limit !== undefined ? { params: { limit: issue.limit } } : {}) });
    }
  }
  const validation = validateIntake(converted.draft, today);
  for (const f of validation.errors) errors.push({ code: f.code, path: f.path, ...(fieldOfPath(f.path) ? { field: fieldOfPath(f.path)! } : {}), ...(f.params ? { params: f.params } : {}) });
  for (const f of validation.warnings) warnings.push({ code: f.code, path: f.path, ...(fieldOfPath(f.path) ? { field: fieldOfPath(f.path)! } : {}), ...(f.params ? { params: f.params } : {}) });
  return {
    index,
    errors,
    warnings,
    form: errors.length === 0 && parsed.success ? parsed.data : null,
    keys: duplicateKeysOf(converted.draft as never, converted.lookup.documents),
    sameInFile: [],
  };
}

/** Marks each row that repeats an earlier row's ПИН, document number or name + birth date. */
export function markSameInFile(checks: RowCheck[]): void {
  const seen = new Map<string, number>();
  for (const check of checks) {
    const found = new Map<number, RowCheck['sameInFile'][number]['reason']>();
    const look = (key: string, reason: RowCheck['sameInFile'][number]['reason']) => {
      const earlier = seen.get(key);
      if (earlier !== undefined && !found.has(earlier)) found.set(earlier, reason);
      else if (earlier === undefined) seen.set(key, check.index);
    };
    if (check.keys.pin) look(`p:${check.keys.pin}`, 'pin');
    for (const k of check.keys.docKeys) look(`d:${k}`, 'document');
    for (const k of check.keys.dupKeys) look(`n:${k}`, 'name_birth');
    check.sameInFile = [...found].map(([index, reason]) => ({ index, reason }));
  }
}

/** Every row checked, then matched within the file. */
export function checkRows(rows: readonly (readonly string[])[], mapping: ImportMapping, defaults: ImportDefaults, today: string, newId: () => string): RowCheck[] {
  const checks = rows.map((row, i) => checkRow(row, i, mapping, defaults, today, newId));
  markSameInFile(checks);
  return checks;
}
