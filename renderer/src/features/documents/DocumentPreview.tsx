import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInputs } from '../../../../shared/documents/model';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';
import type { DocumentInputsPayload } from '../../../../shared/ipc/channels/documents';
import { getApi } from '../../api';
import { describeIpcError } from '../../ui/ipc-error';
import { pdfPageImages, type PdfPageImage } from '../../ui/pdf-pages';
import { refusalText } from './refusal-text';
import { describeError } from '../../ui/error-text';

type State = { status: 'idle' } | { status: 'busy' } | { status: 'ready'; pages: PdfPageImage[] } | { status: 'error'; text: string };

function base64Bytes(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/**
 * The document as it will print, rendered by main from exactly the reviewed inputs (with the number it is about
 * to get) and drawn page by page; on demand, because rendering on every keystroke would cost the shared CPU.
 * `stamp` changes whenever the inputs do, so an old preview is dropped rather than shown as current.
 */
export function DocumentPreview({ template, inputs, stamp }: { template: DocumentTemplate; inputs: () => Promise<DocumentInputs>; stamp: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ status: 'idle' });
  const [shownFor, setShownFor] = useState(stamp);
  const urls = useRef<string[]>([]);
  const release = () => {
    urls.current.forEach((url) => URL.revokeObjectURL(url));
    urls.current = [];
  };
  useEffect(() => release, []);
  if (shownFor !== stamp) {
    setShownFor(stamp);
    setState({ status: 'idle' });
  }

  const show = async () => {
    setState({ status: 'busy' });
    try {
      const result = await getApi().previewDocument({ template, inputs: (await inputs()) as DocumentInputsPayload });
      if (!result.ok) return setState({ status: 'error', text: describeIpcError(t, result.error) });
      if (result.value.status === 'refused') return setState({ status: 'error', text: refusalText(t, result.value) });
      const pages = await pdfPageImages(base64Bytes(result.value.pdfBase64), 560);
      release();
      urls.current = pages.map((p) => p.url);
      setState({ status: 'ready', pages });
    } catch (error) {
      setState({ status: 'error', text: describeError(t, error) });
    }
  };

  return (
    <div className="document-preview">
      <button type="button" className="button" disabled={state.status === 'busy'} onClick={() => void show()}>
        {state.status === 'ready' ? t('documents.preview.refresh') : t('documents.preview.show')}
      </button>
      <p role="status" className="document-preview__status">
        {state.status === 'busy' ? t('documents.preview.busy') : state.status === 'ready' ? t('documents.preview.pages', { n: state.pages.length }) : ''}
      </p>
      {state.status === 'error' ? <p className="document-review__outcome">{state.text}</p> : null}
      {state.status === 'ready' ? (
        <ol className="document-preview__pages">
          {state.pages.map((page) => (
            <li key={page.url}>
              <img src={page.url} width={page.width} height={page.height} alt={t('documents.preview.page', { number: page.number, count: state.pages.length })} />
              <div className="docs-sr-only">{page.text}</div>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
