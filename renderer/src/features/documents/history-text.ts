import type { FieldChange } from '../../data/schema';

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
  if (change.field === 'document.status' && change.after === 'void') return t('documents.history.void');
  if (change.field === 'numbering.format') return t('documents.history.numbering', { before: String(change.before), after: String(change.after) });
  return null;
}
