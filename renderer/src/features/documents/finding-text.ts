import type { ConsistencyFinding } from '../../../../shared/documents/checks';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** A consistency finding in the user's language; the review and the case history both say it this way. */
export function findingText(t: Translate, f: Pick<ConsistencyFinding, 'code' | 'params'>): string {
  const params: Record<string, unknown> = { ...f.params };
  if (f.code === 'date_before_register') params.what = t(`documents.checks.what.${String(f.params.what)}`);
  if (f.code === 'addressee_field_missing') params.field = t(`documents.checks.field.${String(f.params.field)}`);
  return t(`documents.checks.code.${f.code}`, params);
}
