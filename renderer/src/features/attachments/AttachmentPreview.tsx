import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRow } from '../../data/schema';
import { Dialog } from '../../ui/Dialog';
import { AttachmentThumb } from './AttachmentThumb';
import { PREVIEW_SIZE } from './thumbnails';

/** The thumbnail as a button that opens a larger view of the first page. */
export function AttachmentPreview({ row }: { row: Pick<AttachmentRow, 'sha256' | 'name' | 'pages' | 'mime'> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="attachment-preview-button" aria-label={t('attachments.previewOpen', { name: row.name })} onClick={() => setOpen(true)}>
        <AttachmentThumb row={row} />
      </button>
      <Dialog open={open} title={row.name} onClose={() => setOpen(false)}>
        {row.pages !== null && row.pages > 1 ? <p className="muted">{t('attachments.previewFirstPage', { count: row.pages })}</p> : null}
        <div className="attachment-preview">
          <AttachmentThumb row={row} size={PREVIEW_SIZE} />
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('attachments.previewClose')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
