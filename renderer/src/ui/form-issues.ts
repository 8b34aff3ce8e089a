import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { FieldIssue } from '../../../shared/validation/issues';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * A refused write's issues put back on a react-hook-form: each issue at a field the form shows becomes that
 * field's error (in the codes the fields translate); the rest are answered as lines to list, so none is dropped.
 */
export function setIssues<T extends FieldValues>(t: Translate, setError: UseFormSetError<T>, issues: readonly FieldIssue[], shown: readonly FieldPath<T>[]): string[] {
  const rest: string[] = [];
  for (const issue of issues) {
    if ((shown as readonly string[]).includes(issue.path)) setError(issue.path as FieldPath<T>, { type: issue.code, message: issue.limit === undefined ? '' : String(issue.limit) });
    else rest.push(`${issue.path ? `${issue.path}: ` : ''}${t(`validation.${issue.code}`, { limit: issue.limit })}`);
  }
  return rest;
}
