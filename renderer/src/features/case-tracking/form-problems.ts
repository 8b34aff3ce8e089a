import type { FieldIssue } from '../../../../shared/validation/issues';
import type { Translate } from '../../ui/case/describe';
import { describeError } from '../../ui/error-text';

export type FieldErrors = Record<string, string>;

/**
 * A refused write's issues as one message per field (the first issue of each). `special` words an issue
 * better than the generic validation text where the form knows what it means (a date before sending …).
 */
export function fieldErrors(t: Translate, issues: readonly FieldIssue[], special: (issue: FieldIssue) => string | null = () => null): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    if (out[issue.path] !== undefined) continue;
    out[issue.path] = special(issue) ?? t(`validation.${issue.code}`, { limit: issue.limit });
  }
  return out;
}

/** Errors for fields the form does not show, so none is dropped silently. */
export function otherErrors(errors: FieldErrors, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([path]) => !shown.includes(path))
    .map(([path, text]) => (path ? `${path}: ${text}` : text));
}

export function errorText(error: unknown, t: Translate): string {
  return describeError(t, error);
}
