import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import type { AttachmentRow } from '../../data/schema';
import { DateInput } from '../../ui/DateInput';
import type { Actor } from '../../data/cases/cases.repo';
import { trashAttachment, updateAttachment } from '../../data/attachments/attachments.repo';
import { formatSize } from './attach-files';
import { AttachmentPreview } from './AttachmentPreview';
import { linkFromValue, linkValue, type LinkOptions } from './link-options';

interface Props {
  row: AttachmentRow;
  options: LinkOptions;
  /** Null when the page is read-only (no caseworker profile yet). */
  actor: Actor | null;
  onNotice(notice: { ok: boolean; text: string }): void;
}

/**
 * One attachment: its thumbnail and facts, and its caption, date and link, editable and audited. The list keys
 * it by the row's `updatedAt`, so a change saved anywhere starts the form afresh from the stored values.
 */
export function AttachmentItem({ row, options, actor, onNotice }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [caption, setCaption] = useState(row.caption);
  const [date, setDate] = useState(row.date);
  const [dateText, setDateText] = useState<string | null>(null);
  const [link, setLink] = useState(linkValue(row.link));
  const [busy, setBusy] = useState(false);

  const dirty = caption.trim() !== row.caption || date !== row.date || link !== linkValue(row.link);
  const known = new Set([...options.checklist, ...options.checks].map((o) => o.value));
  const pages = row.pages !== null ? t('attachments.pages', { count: row.pages }) : t(`attachments.pagesUnknown.${row.pagesProblem ?? 'unreadable'}`);

  const save = async () => {
    if (!actor || busy) return;
    if (dateText !== null) return onNotice({ ok: false, text: t('attachments.invalidDate') });
    setBusy(true);
    try {
      const result = await updateAttachment(row.id, { caption, date, link: linkFromValue(link) }, actor);
      onNotice(result.ok ? { ok: true, text: t('attachments.saved') } : { ok: false, text: t('attachments.invalidDate') });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!actor || busy) return;
    setBusy(true);
    try {
      await trashAttachment(row.id, actor);
      onNotice({ ok: true, text: t('attachments.deleted', { name: row.name }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="attachment" data-attachment={row.id}>
      <AttachmentPreview row={row} />
      <div className="attachment__body">
        <p className="attachment__name">{row.name}</p>
        <p className="attachment__facts">
          <span className="attachment__pages">{pages}</span> · {t(`attachments.kind.${row.mime}`)} · {formatSize(t, row.bytes)} · {t('attachments.added', { date: formatDate(row.createdAt.slice(0, 10)) })}
        </p>
        <form
          className="attachment__form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-caption`}>{t('attachments.caption')}</label>
            <input id={`${id}-caption`} type="text" maxLength={500} value={caption} placeholder={t('attachments.captionPlaceholder')} disabled={!actor} onChange={(e) => setCaption(e.target.value)} />
          </div>
          <div className="field attachment__date">
            <label htmlFor={`${id}-date`}>{t('attachments.date')}</label>
            <DateInput
              id={`${id}-date`}
              value={date}
              disabled={!actor}
              onChange={(iso) => {
                setDateText(null);
                setDate(iso);
              }}
              onInvalid={(text) => setDateText(text)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-link`}>{t('attachments.link')}</label>
            <select id={`${id}-link`} value={link} disabled={!actor} onChange={(e) => setLink(e.target.value)}>
              <option value="none">{t('attachments.linkNone')}</option>
              {options.checklist.length > 0 ? (
                <optgroup label={t('attachments.linkChecklist')}>
                  {options.checklist.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {options.checks.length > 0 ? (
                <optgroup label={t('attachments.linkCheck')}>
                  {options.checks.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {link !== 'none' && !known.has(link) ? <option value={link}>{t('attachments.missingTarget', { id: linkFromValue(link).id })}</option> : null}
            </select>
          </div>
          {actor ? (
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy || !dirty} aria-label={`${t('attachments.save')}: ${row.name}`}>
                {t('attachments.save')}
              </button>
              <button type="button" className="button button--danger" disabled={busy} aria-label={t('attachments.deleteLabel', { name: row.name })} onClick={() => void remove()}>
                {t('attachments.delete')}
              </button>
            </div>
          ) : null}
        </form>
      </div>
    </li>
  );
}
