import type { ReferenceIssue } from '../../../../shared/reference/load';
import { locateIssue } from './import-preview';

/** A translation function, as react-i18next and i18next both give it. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

const FIELD_CODES = new Set(['required', 'too_long', 'too_short', 'invalid_type', 'invalid_format', 'unknown_field', 'invalid_value']);

/**
 * What is wrong, in the user's language. `specific` names a better message for a code at a particular field
 * (a rule across fields comes out of validation only as "invalid value").
 */
export function issueWhat(t: Translate, issue: Pick<ReferenceIssue, 'code' | 'limit' | 'value'>, specific?: Partial<Record<string, string>>): string {
  const key = specific?.[issue.code];
  if (key) return t(key);
  if (FIELD_CODES.has(issue.code)) return t(`validation.${issue.code}`, { limit: issue.limit });
  return t(`reference.issue.${issue.code}`, { value: issue.value ?? '' });
}

/** A field path inside a row in words: its first key translated where known, the rest (`ky`, `3`) kept. */
export function fieldWords(t: Translate, field: string): string {
  const [head = '', ...rest] = field.split('.');
  const key = `reference.fieldName.${head}`;
  const name = t(key);
  const label = name === key ? head : name;
  return rest.length > 0 ? `${label} (${rest.join('.')})` : label;
}

/** One line of an import's problem list: where (table, row, id, field) and what. */
export function issueLine(t: Translate, issue: ReferenceIssue, data: unknown): string {
  const place = locateIssue(data, issue.path);
  const table = place.table ? t(`reference.table.${place.table}`) : null;
  const parts: string[] = [];
  if (table && place.row !== null) {
    parts.push(place.rowId !== null ? t('reference.issue.rowId', { table, row: place.row, id: place.rowId }) : t('reference.issue.row', { table, row: place.row }));
  } else if (table) parts.push(t('reference.issue.table', { table }));
  if (place.field) parts.push(t('reference.issue.field', { field: fieldWords(t, place.field) }));
  const where = parts.length > 0 ? parts.join(', ') : t('reference.issue.whole');
  return t('reference.issue.line', { where, what: issueWhat(t, issue) });
}
