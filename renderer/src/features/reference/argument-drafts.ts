import { bumpArgumentVersions } from '../../../../shared/reference/versioning';
import type { ErrorCause, LetterArgument } from '../../../../shared/reference/schema';
import { optional } from './row-edit';

/** One letter argument as its form holds it: plain strings, '' for "no legal reference" and "no request to check". */
export interface ArgumentDraft {
  id: string;
  /** The version it was opened at; 0 for a paragraph added in this form. */
  version: number;
  text: string;
  checkText: string;
  evidence: string[];
  legalRef: string;
}

export function draftOf(arg: LetterArgument): ArgumentDraft {
  return { id: arg.id, version: arg.version, text: arg.text, checkText: arg.checkText ?? '', evidence: [...arg.evidence], legalRef: arg.legalRef ?? '' };
}

/**
 * The cause with the drafts as its arguments, each at the version it must carry: an edited paragraph one higher
 * than stored, a new one 1, an untouched one as it was. Evidence keeps the order of the cause's checklist.
 */
export function causeWithArguments(cause: ErrorCause, drafts: readonly ArgumentDraft[]): ErrorCause {
  const order = new Map(cause.checklist.map((id, i) => [id, i]));
  const edited: LetterArgument[] = drafts.map((d) => {
    const checkText = optional(d.checkText);
    return {
      id: d.id,
      version: Math.max(1, d.version),
      text: d.text.trim(),
      evidence: [...d.evidence].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      legalRef: d.legalRef === '' ? null : d.legalRef,
      ...(checkText ? { checkText } : {}),
    };
  });
  return { ...cause, arguments: bumpArgumentVersions(cause.arguments ?? [], edited) };
}
