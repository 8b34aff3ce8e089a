import { formatDate, isValidIsoDate } from '../../../../shared/case/dates';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import type { AttachmentLink, CheckRow, FieldChange } from '../../data/schema';
import type { Translate } from '../../ui/case/describe';
import { linkLabel } from './link-options';

export interface AttachmentHistoryContext {
  reference: ReferenceBundle | null;
  checks: readonly Pick<CheckRow, 'id' | 'at'>[];
  language: string;
}

const isLink = (v: unknown): v is AttachmentLink => typeof v === 'object' && v !== null && 'kind' in v;
const dateWord = (t: Translate, v: unknown) => (isValidIsoDate(v) ? formatDate(v) : t('casePage.value.empty'));

/** An audit change the attachments feature wrote, in words; null for any other change. */
export function describeAttachmentChange(t: Translate, change: FieldChange, ctx: AttachmentHistoryContext): string | null {
  if (change.field === 'attachment') {
    if (change.after === null) {
      const before = (change.before ?? {}) as { name?: string };
      return t('attachments.history.expired', { name: before.name ?? '' });
    }
    const after = change.after as { name?: string; pages?: number | null };
    const pages = typeof after.pages === 'number' ? t('attachments.pages', { count: after.pages }) : t('attachments.history.pagesUnknown');
    return t('attachments.history.added', { name: after.name ?? '', pages });
  }
  if (change.field === 'attachment.caption') return t('attachments.history.caption', { before: String(change.before ?? ''), after: String(change.after ?? '') });
  if (change.field === 'attachment.date') return t('attachments.history.date', { before: dateWord(t, change.before), after: dateWord(t, change.after) });
  if (change.field === 'attachment.link') {
    const words = {
      nothing: t('attachments.history.nothing'),
      check: (at: string) => t('attachments.checkOption', { at }),
      missing: (id: string) => t('attachments.missingTarget', { id }),
    };
    const word = (v: unknown) => (isLink(v) ? linkLabel(v, ctx.reference, ctx.checks, ctx.language, words) : words.nothing);
    return t('attachments.history.link', { before: word(change.before), after: word(change.after) });
  }
  if (change.field === 'attachment.deletedAt') return t(change.after === null ? 'attachments.history.restored' : 'attachments.history.trashed');
  return null;
}
