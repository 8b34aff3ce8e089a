import type { z } from 'zod';

/**
 * A validation problem reduced to what the UI needs to say it in the user's language:
 * the field path and a small closed set of codes. Raw zod messages are English and never shown.
 */
export type FieldIssueCode = 'required' | 'too_long' | 'too_short' | 'invalid_type' | 'invalid_format' | 'unknown_field' | 'invalid_value';

export interface FieldIssue {
  path: string;
  code: FieldIssueCode;
  limit?: number;
}

/** Parse keeping each issue's input, so a missing field ("required") can be told from a wrong type. */
export function parseForIssues<T extends z.ZodType>(schema: T, data: unknown): z.ZodSafeParseResult<z.output<T>> {
  return schema.safeParse(data, { reportInput: true });
}

/** Expects an error from `parseForIssues`; without reported inputs every type error reads as "required". */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'too_small':
        // A trimmed string with min(1) that is empty means "required".
        out.push(Number(issue.minimum) <= 1 && issue.origin === 'string' ? { path, code: 'required' } : { path, code: 'too_short', limit: Number(issue.minimum) });
        break;
      case 'too_big':
        out.push({ path, code: 'too_long', limit: Number(issue.maximum) });
        break;
      case 'invalid_type':
        // A form's unmade choice is null: that is a missing value, not a wrong one.
        out.push({ path, code: issue.input === undefined || issue.input === null ? 'required' : 'invalid_type' });
        break;
      case 'invalid_format':
        out.push({ path, code: 'invalid_format' });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ path: path ? `${path}.${key}` : key, code: 'unknown_field' });
        break;
      default:
        out.push({ path, code: 'invalid_value' });
    }
  }
  return out;
}
