import { z } from 'zod';

/**
 * Outgoing numbers (журнал исходящих). A mission writes its numbers in its own pattern, e.g. «КР-М-17/26»:
 * `{prefix}` is the mission's outgoing prefix from Settings, `{seq}` the running number within the year
 * (restarting at 1 every 1 January), `{seq:N}` the same padded with zeros to N digits, `{yy}` / `{yyyy}` the
 * year. The year must be in the number, otherwise the same number would come back the next year.
 */

export const DEFAULT_NUMBER_FORMAT = '{prefix}-{seq}/{yy}';
export const NUMBER_FORMAT_MAX = 60;

const TOKEN = /\{([a-z]+)(?::(\d))?\}/g;
const KNOWN = new Set(['prefix', 'seq', 'yy', 'yyyy']);

export type NumberFormatProblem = 'empty' | 'too_long' | 'no_seq' | 'no_year' | 'unknown_token' | 'bad_character' | 'repeated_seq';

/** Why a format cannot be used, or null when it can. */
export function numberFormatProblem(format: string): NumberFormatProblem | null {
  const text = format.trim();
  if (text === '') return 'empty';
  if (text.length > NUMBER_FORMAT_MAX) return 'too_long';
  const tokens = [...text.matchAll(TOKEN)];
  if (tokens.some((m) => !KNOWN.has(m[1]!) || (m[2] !== undefined && m[1] !== 'seq'))) return 'unknown_token';
  const literal = text.replace(TOKEN, '');
  if (/[{}]/.test(literal) || !/^[\p{L}\p{N}./\-_ №]*$/u.test(literal)) return 'bad_character';
  const seqs = tokens.filter((m) => m[1] === 'seq').length;
  if (seqs === 0) return 'no_seq';
  if (seqs > 1) return 'repeated_seq';
  if (!tokens.some((m) => m[1] === 'yy' || m[1] === 'yyyy')) return 'no_year';
  return null;
}

export const numberingSettingsSchema = z
  .object({
    format: z
      .string()
      .trim()
      .max(NUMBER_FORMAT_MAX)
      .superRefine((format, ctx) => {
        const problem = numberFormatProblem(format);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  })
  .strict();

export type NumberingSettings = z.output<typeof numberingSettingsSchema>;
export const defaultNumbering: NumberingSettings = { format: DEFAULT_NUMBER_FORMAT };

/** The printed number for one allocation. Pure; throws on a format `numberFormatProblem` refuses. */
export function formatOutgoingNumber(format: string, values: { prefix: string; seq: number; year: number }): string {
  const problem = numberFormatProblem(format);
  if (problem) throw new Error(`Unusable outgoing number format (${problem}): ${format}`);
  if (!Number.isInteger(values.seq) || values.seq < 1) throw new Error(`Bad sequence number ${values.seq}`);
  return format.trim().replace(TOKEN, (_m, name: string, pad?: string) => {
    switch (name) {
      case 'prefix':
        return values.prefix.trim();
      case 'seq':
        return pad ? String(values.seq).padStart(Number(pad), '0') : String(values.seq);
      case 'yy':
        return String(values.year % 100).padStart(2, '0');
      default:
        return String(values.year);
    }
  });
}

/** The year an ISO date (`2026-01-05`) belongs to. */
export function yearOfIsoDate(date: string): number {
  const year = Number(date.slice(0, 4));
  if (!/^\d{4}-\d{2}-\d{2}/.test(date) || !Number.isInteger(year)) throw new Error(`Not an ISO date: ${date}`);
  return year;
}
