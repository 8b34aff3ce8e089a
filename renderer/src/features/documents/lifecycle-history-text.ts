import { formatDate, isValidIsoDate } from '../../../../shared/case/dates';
import { LIFECYCLE_STEPS } from '../../../../shared/documents/lifecycle';
import type { FieldChange } from '../../data/schema';

type Translate = (key: string, params?: Record<string, unknown>) => string;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** A lifecycle step of a document in the case history, in words; null for any other change. */
export function describeLifecycleChange(t: Translate, change: FieldChange): string | null {
  if (change.field === 'document.status') {
    return typeof change.after === 'string' && (LIFECYCLE_STEPS as readonly string[]).includes(change.after) ? t('lifecycle.history.step', { step: t(`lifecycle.steps.${change.after}`) }) : null;
  }
  if (change.field === 'document.requestId') return change.after ? t('lifecycle.history.tracked') : null;
  if (!isRecord(change.after)) return null;
  const v = change.after;
  // Only the step records carry a date; anything else written under document.* is not ours to word.
  if (!['document.signed', 'document.sent', 'document.received', 'document.answered'].includes(change.field) || !isValidIsoDate(str(v.date))) return null;
  const date = formatDate(str(v.date));
  switch (change.field) {
    case 'document.signed':
      return t('lifecycle.history.signed', { date, note: str(v.note) ? ` (${str(v.note)})` : '' });
    case 'document.sent':
      return t('lifecycle.history.sent', {
        date,
        method: t(`lifecycle.methods.${str(v.method)}`),
        tracking: str(v.tracking) ? t('lifecycle.history.trackingNumber', { tracking: str(v.tracking) }) : '',
        proof: str(v.proof) ? `; ${str(v.proof)}` : '',
      });
    case 'document.received':
      return t('lifecycle.history.received', { date, number: str(v.theirNumber) });
    case 'document.answered':
      return t('lifecycle.history.answered', { date, summary: str(v.summary) });
    default:
      return null;
  }
}
