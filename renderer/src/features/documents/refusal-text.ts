import type { TFunction } from 'i18next';
import type { DocumentRefusal } from '../../../../shared/documents/requisites';

/** The caseworker's sentence for a refusal, whichever step refused (review, main's generation, preview). */
export function refusalText(t: TFunction, refusal: DocumentRefusal): string {
  return refusal.reason === 'missing_requisites'
    ? t('documents.review.blocked', { list: refusal.missing.map((m) => m.label).join('; ') })
    : t('documents.review.unknownFields', { fields: refusal.fields.join(', ') });
}
