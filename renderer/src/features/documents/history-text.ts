import type { FieldChange } from '../../data/schema';
import { CONSISTENCY_CODES, type ConsistencyCode } from '../../../../shared/documents/checks';
import { findingText } from './finding-text';

type Translate = (key: string, params?: Record<string, unknown>) => string;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A document's audit entries in the case history, in words; null for changes that are not about documents. */
export function describeDocumentChange(t: Translate, change: FieldChange): string | null {
  if (change.field === 'document' && isRecord(change.after)) {
    const { title, outgoingNumber, addressee } = change.after;
    return outgoingNumber
      ? t('documents.history.registered', { title: String(title ?? ''), number: String(outgoingNumber), addressee: String(addressee ?? '') })
      : t('documents.history.registeredUnnumbered', { title: String(title ?? '') });
  }
  if (change.field === 'document.file' && isRecord(change.after)) {
    return t('documents.history.file', { pages: Number(change.after.pages), kb: Math.max(1, Math.round(Number(change.after.bytes) / 1024)) });
  }
  // What the caseworker generated over: each acknowledged warning as the review said it.
  if (change.field === 'acknowledgedWarnings' && Array.isArray(change.after)) {
    const list = change.after
      .filter((w): w is { code: ConsistencyCode; params: Record<string, string | number> } => isRecord(w) && (CONSISTENCY_CODES as readonly unknown[]).includes(w.code) && isRecord(w.params))
      .map((w) => findingText(t, w));
    return list.length > 0 ? t('documents.history.acknowledged', { count: list.length, list: list.join(' ') }) : null;
  }
  // Which letter arguments (and versions) the document printed, from which reference data version.
  if (change.field === 'statements' && isRecord(change.after) && Array.isArray(change.after.arguments)) {
    const args = change.after.arguments.filter(isRecord).map((a) => t(a.form === 'check' ? 'documents.history.argumentCheck' : 'documents.history.argument', { id: String(a.id), version: Number(a.version) }));
    if (args.length === 0) return null;
    return t('documents.history.statements', { cause: String(change.after.causeId ?? ''), version: Number(change.after.referenceVersion), list: args.join(', ') });
  }
  if (change.field === 'document.status' && change.after === 'void') return t('documents.history.void');
  if (change.field === 'numbering.format') return t('documents.history.numbering', { before: String(change.before), after: String(change.after) });
  return null;
}
