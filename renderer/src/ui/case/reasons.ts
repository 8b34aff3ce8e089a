import type { Reason } from '../../../../shared/diagnosis/types';
import type { Translate } from './describe';

/** The one reference-text picker, re-exported for the case page's callers. */
export { localized } from '../reference-display';

const present = (value: string | number | undefined) => value !== undefined && String(value).trim() !== '';

/** The key of a reason's sentence: a few codes have an optional part, worded by a variant key when it is there. */
export function reasonKey(reason: Reason): string {
  const p = reason.params;
  switch (reason.code) {
    case 'amina_deregistered':
      return present(p.reason) ? 'amina_deregistered_with_reason' : 'amina_deregistered';
    case 'parent_listed':
      return present(p.name) ? 'parent_listed_named' : 'parent_listed';
    case 'document_replaced':
      if (!present(p.newNumber)) return 'document_replaced';
      return present(p.newIssueDate) ? 'document_replaced_to_dated' : 'document_replaced_to';
    default:
      return reason.code;
  }
}

/** One line of the diagnosis' reasoning in the user's language; params that are codes are worded first. */
export function reasonText(t: Translate, reason: Reason): string {
  const params: Record<string, unknown> = { ...reason.params };
  if (typeof params.script === 'string') params.script = t(`tracking.script.${params.script}`);
  if (typeof params.variantKind === 'string') params.variantKind = t(`tracking.variantKind.${params.variantKind}`);
  if (typeof params.purpose === 'string') params.purpose = t(`cases.purpose.${params.purpose}`);
  return t(`tracking.reason.${reasonKey(reason)}`, params);
}
