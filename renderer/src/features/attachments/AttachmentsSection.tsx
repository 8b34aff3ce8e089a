import { useLive } from '../../data/use-live';
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/case/dates';
import type { AttachmentRow } from '../../data/schema';
import { useCaseEditing } from '../../ui/case/editing';
import { SectionHeading } from '../../ui/case/SectionHeading';
import type { CaseTracking } from '../../data/tracking/use-case-tracking';
import type { Actor } from '../../data/cases/cases.repo';
import { attachmentsFor, purgeDay, restoreAttachment, trashFor, TRASH_DAYS } from '../../data/attachments/attachments.repo';
import { MAX_MB, formatSize } from './attach-files';
import { AttachmentItem } from './AttachmentItem';
import { AttachmentThumb } from './AttachmentThumb';
import { AttachStatus } from './AttachProgressView';
import { linkOptions } from './link-options';
import { useAttach } from './use-attach';

function TrashList({ rows, actor, onNotice }: { rows: AttachmentRow[]; actor: Actor | null; onNotice(n: { ok: boolean; text: string }): void }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('attachments.trash.empty')}</p>;
  return (
    <ul className="attachments attachments--trash">
      {rows.map((row) => (
        <li key={row.id} className="attachment attachment--trashed" data-attachment={row.id}>
          <AttachmentThumb row={row} />
          <div className="attachment__body">
            <p className="attachment__name">{row.caption || row.name}</p>
            <p className="attachment__facts muted">
              {formatSize(t, row.bytes)} · {t('attachments.trash.until', { deleted: formatDate(row.deletedAt!.slice(0, 10)), until: formatDate(purgeDay(row.deletedAt!).toISOString().slice(0, 10)) })}
            </p>
            {actor ? (
              <button
                type="button"
                className="button button--small"
                aria-label={t('attachments.trash.restoreLabel', { name: row.name })}
                onClick={() => void restoreAttachment(row.id, actor).then(() => onNotice({ ok: true, text: t('attachments.trash.restored', { name: row.name }) }))}
              >
                {t('attachments.trash.restore')}
              </button>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/**
 * The case's scans: drop them here or pick them in the dialog; each shows a thumbnail, its page count, and
 * a caption, date and link to what it proves. Deleting moves a scan to a trash it can be restored from.
 */
export function AttachmentsSection({ caseId, tracking }: { caseId: string; tracking: CaseTracking | undefined }) {
  const { t, i18n } = useTranslation();
  const editing = useCaseEditing();
  const actor = editing?.actor ?? null;
  const rows = useLive(() => attachmentsFor(caseId), [caseId]);
  const trash = useLive(() => trashFor(caseId), [caseId]);
  const [showTrash, setShowTrash] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const attach = useAttach(caseId, undefined, actor);
  const options = useMemo(
    () => linkOptions(tracking?.diagnosis ?? null, tracking?.reference ?? null, tracking?.checks ?? [], i18n.language, (at) => t('attachments.checkOption', { at })),
    [tracking, i18n.language, t],
  );

  // A file dropped beside the zone would otherwise make the window open it in place of the app.
  useEffect(() => {
    const refuse = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    return () => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    };
  }, []);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) void attach.drop(files);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!actor) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <section id="attachments" className="case-section tracking-panel" aria-labelledby="attachments-title">
      <SectionHeading id="attachments-title">{t('attachments.title')}</SectionHeading>
      <p className="muted">{t('attachments.intro', { max: MAX_MB })}</p>
      {actor ? (
        <div
          className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
          role="group"
          aria-label={t('attachments.dropLabel')}
          data-testid="attachments-drop"
          onDragOver={onDragOver}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>{t('attachments.drop')}</p>
          <button type="button" className="button button--primary" disabled={attach.busy} onClick={() => void attach.pick()}>
            {t('attachments.attach')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('attachments.readOnly')}</p>
      )}
      <AttachStatus state={attach} />
      {rows === undefined ? (
        <p role="status">{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('attachments.empty')}</p>
      ) : (
        <ul className="attachments">
          {rows.map((row) => (
            <AttachmentItem key={`${row.id}:${row.updatedAt}`} row={row} options={options} actor={actor} onNotice={setNotice} />
          ))}
        </ul>
      )}
      <p className={notice && !notice.ok ? 'status status--error' : 'status status--ok'} role="status">
        {notice?.text ?? ''}
      </p>
      <div className="form-actions">
        <button type="button" className="button button--small" aria-expanded={showTrash} aria-controls="attachments-trash" onClick={() => setShowTrash((v) => !v)}>
          {showTrash ? t('attachments.trash.hide') : t('attachments.trash.show', { count: trash?.length ?? 0 })}
        </button>
      </div>
      {showTrash ? (
        <div id="attachments-trash" className="attachments-trash" role="group" aria-labelledby="attachments-trash-title">
          <h3 id="attachments-trash-title">{t('attachments.trash.title')}</h3>
          <p className="muted">{t('attachments.trash.intro', { days: TRASH_DAYS })}</p>
          <TrashList rows={trash ?? []} actor={actor} onNotice={setNotice} />
        </div>
      ) : null}
    </section>
  );
}
