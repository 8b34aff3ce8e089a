import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { parseForIssues, toFieldIssues } from '../../../shared/validation/issues';

/**
 * A react-hook-form resolver over the shared zod schemas that keeps issue codes instead of zod's English
 * messages: `type` carries the code, `message` the numeric limit, and the field component translates both.
 */
export function codeResolver<T extends FieldValues>(schema: z.ZodType<T>): Resolver<T> {
  return async (values) => {
    const result = parseForIssues(schema, values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of toFieldIssues(result.error)) {
      const keys = issue.path.split('.');
      let node = errors;
      keys.forEach((key, index) => {
        if (index === keys.length - 1) {
          node[key] ??= { type: issue.code, message: issue.limit === undefined ? '' : String(issue.limit) };
        } else {
          node[key] ??= {};
          node = node[key] as Record<string, unknown>;
        }
      });
    }
    return { values: {}, errors: errors as FieldErrors<T> };
  };
}
