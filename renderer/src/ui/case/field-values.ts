import { formatDate, formatPartialDate, isValidIsoDate, isValidPartialDate, type PartialDateValue } from '../../../../shared/case/dates';
import type { FieldKind } from './fields';

/**
 * Between stored values and what an editor holds: text for text-like controls, a boolean for a checkbox,
 * a list for several choices. Pure, so the same conversions serve the inline editor and the add forms.
 */

export type EditorValue = string | boolean | string[];

export type Parsed = { ok: true; value: unknown } | { ok: false; code: 'invalid_format' };

export function toEditorValue(kind: FieldKind, stored: unknown): EditorValue {
  switch (kind) {
    case 'checkbox':
      return stored === true;
    case 'multi':
      return Array.isArray(stored) ? stored.map(String) : [];
    case 'lines':
      return Array.isArray(stored) ? stored.join('\n') : '';
    case 'partialDate':
      return isValidPartialDate(stored as PartialDateValue) ? formatPartialDate(stored as PartialDateValue) : '';
    default:
      return typeof stored === 'string' ? stored : '';
  }
}

/** «12.03.1990», «03.1990» or «1990» → the partial date; null when it is none of these or not a real date. */
export function parsePartialDate(text: string): PartialDateValue | null {
  const m = /^(?:(?:(\d{1,2})[./-])?(\d{1,2})[./-])?(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const value: PartialDateValue = { year: Number(m[3]) };
  if (m[2] !== undefined) value.month = Number(m[2]);
  if (m[1] !== undefined) value.day = Number(m[1]);
  return isValidPartialDate(value) ? value : null;
}

/**
 * The value to store. Only what the control itself cannot represent is refused here (an unreadable date);
 * everything else — required, lengths, formats, cross-field rules — is the repository's validation.
 */
export function fromEditorValue(kind: FieldKind, editor: EditorValue): Parsed {
  const text = typeof editor === 'string' ? editor : '';
  switch (kind) {
    case 'checkbox':
      return { ok: true, value: editor === true };
    case 'multi':
      return { ok: true, value: Array.isArray(editor) ? editor : [] };
    case 'lines':
      return { ok: true, value: text.split('\n').map((line) => line.trim()).filter(Boolean) };
    case 'partialDate': {
      if (text.trim() === '') return { ok: true, value: null };
      const parsed = parsePartialDate(text);
      return parsed ? { ok: true, value: parsed } : { ok: false, code: 'invalid_format' };
    }
    case 'select':
      return { ok: true, value: text === '' ? null : text };
    case 'country':
      return { ok: true, value: text.trim().toUpperCase() };
    case 'optionalCountry':
      return { ok: true, value: text.trim() === '' ? undefined : text.trim().toUpperCase() };
    case 'openEndDate':
      return { ok: true, value: text === '' ? null : text };
    default:
      return { ok: true, value: text };
  }
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export interface DisplayWords {
  yes: string;
  no: string;
  /** Translates one option of a select or multi field. */
  option(value: string): string;
  /** Names a document by its id (stays refer to documents). */
  document(id: string): string;
  openEnded: string;
}

/** A stored value as the page and the history show it; '' when there is nothing to show. */
export function displayValue(kind: FieldKind, value: unknown, words: DisplayWords): string {
  if (kind === 'checkbox') return value === true ? words.yes : value === false ? words.no : '';
  if (kind === 'openEndDate' && value === null) return words.openEnded;
  if (isEmptyValue(value)) return '';
  switch (kind) {
    case 'date':
    case 'optionalDate':
    case 'openEndDate':
      return isValidIsoDate(value) ? formatDate(value) : String(value);
    case 'partialDate':
      return isValidPartialDate(value as PartialDateValue) ? formatPartialDate(value as PartialDateValue) : String(value);
    case 'select':
      return words.option(String(value));
    case 'multi':
      return Array.isArray(value) ? value.map((v) => words.option(String(v))).join(', ') : words.option(String(value));
    case 'lines':
      return Array.isArray(value) ? value.join('; ') : String(value);
    case 'documentRef':
      return words.document(String(value));
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
