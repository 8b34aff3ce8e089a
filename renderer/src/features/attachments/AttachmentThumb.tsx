import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api';
import type { AttachmentRow } from '../../data/schema';
import { thumbnailOf, THUMB_SIZE } from './thumbnails';
import { IpcCallError } from '../../../../shared/ipc/result';

async function readStored(sha256: string): Promise<{ mime: string; dataBase64: string } | 'missing'> {
  const result = await getApi().readAttachment({ sha256 });
  if (!result.ok) throw new IpcCallError(result.error, 'attachment thumbnail');
  return result.value.status === 'ok' ? result.value : 'missing';
}

/** A small picture of the scan (an image, a PDF's first page, a TIFF's first page), drawn on a canvas. */
export function AttachmentThumb({ row, size = THUMB_SIZE }: { row: Pick<AttachmentRow, 'sha256' | 'name'>; size?: number }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const { sha256 } = row;
  // The state belongs to one hash: a different file shows as loading until its own answer arrives.
  const [drawn, setDrawn] = useState<{ sha256: string; state: 'drawn' | 'failed' | 'missing' } | null>(null);
  const state = drawn?.sha256 === sha256 ? drawn.state : 'loading';

  useEffect(() => {
    let live = true;
    const setState = (next: 'drawn' | 'failed' | 'missing') => setDrawn({ sha256, state: next });
    thumbnailOf({ sha256 }, readStored, size).then(
      (thumb) => {
        if (!live) return;
        if (thumb === 'missing') return setState('missing');
        const el = canvas.current;
        const ctx = el?.getContext('2d');
        if (!el || !ctx) return setState('failed');
        el.width = thumb.width;
        el.height = thumb.height;
        ctx.putImageData(thumb.pixels, 0, 0);
        setState('drawn');
      },
      (error: unknown) => {
        if (!live) return;
        console.warn('thumbnail:', error);
        setState('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [sha256, size]);

  const note = state === 'loading' ? t('attachments.previewLoading') : state === 'failed' ? t('attachments.previewFailed') : state === 'missing' ? t('attachments.previewMissing') : null;
  return (
    <div className={size === THUMB_SIZE ? 'attachment-thumb' : 'attachment-thumb attachment-thumb--large'} style={{ minWidth: Math.min(size, THUMB_SIZE), minHeight: Math.min(size, THUMB_SIZE) }}>
      <canvas ref={canvas} role="img" aria-label={t(size === THUMB_SIZE ? 'attachments.preview' : 'attachments.previewLarge', { name: row.name })} data-state={state} hidden={state !== 'drawn'} width={1} height={1} />
      {note ? <span className="attachment-thumb__note muted">{note}</span> : null}
    </div>
  );
}
