import { useEffect, useRef, useState } from 'react';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';
import type { IpcError } from '../../../../shared/ipc/result';
import type { CaseworkerProfile, MissionSettings } from '../../../../shared/settings/schema';
import type { DocumentInputsPayload } from '../../../../shared/ipc/channels/documents';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import { getApi } from '../../api';
import { caseInputsForPreview } from '../../data/templates/preview-inputs.repo';
import { pdfPageImages, type PdfPageImage } from '../../ui/pdf-pages';

export type PreviewState =
  | { status: 'idle' }
  | { status: 'ready'; pages: PdfPageImage[] }
  | { status: 'missing'; labels: string[] }
  | { status: 'unknown_fields'; fields: string[] }
  | { status: 'failed'; error: IpcError | { code: 'RENDER'; cause: unknown } };

/** Debounce before asking main for a new PDF: long enough not to render on every key press. */
export const PREVIEW_DELAY_MS = 450;
/** Width of a page image in CSS pixels. */
const PAGE_WIDTH = 520;

function decode(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const revoke = (state: PreviewState) => {
  if (state.status === 'ready') for (const page of state.pages) URL.revokeObjectURL(page.url);
};

/**
 * The live preview of a template: after the template stops changing, main renders it over the sample case
 * and the pages are drawn here. Only the latest request's answer is shown; the previous pages stay up while
 * a new one is made (`updating`), and while the template is invalid (`template` null) nothing is requested.
 */
export function usePreview(
  template: DocumentTemplate | null,
  mission: MissionSettings | null,
  caseworker: CaseworkerProfile | null,
  fromCase: { caseId: string; reference: ReferenceBundle } | null = null,
): { state: PreviewState; updating: boolean } {
  // The state shown and the template it was made for: the preview is updating while they differ.
  const [shownFor, setShownFor] = useState<{ template: DocumentTemplate | null; fromCase: unknown; state: PreviewState }>({ template: null, fromCase: null, state: { status: 'idle' } });
  const latest = useRef(0);
  const shown = useRef<PreviewState>(shownFor.state);

  useEffect(() => () => revoke(shown.current), []);

  useEffect(() => {
    if (!template) return undefined;
    const request = ++latest.current;
    const signal = { cancelled: false };
    const timer = window.setTimeout(() => {
      void (async () => {
        let next: PreviewState;
        try {
          const inputs = fromCase ? await caseInputsForPreview(fromCase.caseId, template, fromCase.reference) : undefined;
          const result = await getApi().previewTemplate({ template, mission, caseworker, ...(inputs ? { inputs: inputs as DocumentInputsPayload } : {}) });
          if (!result.ok) next = { status: 'failed', error: result.error };
          else if (result.value.status === 'rendered') next = { status: 'ready', pages: await pdfPageImages(decode(result.value.pdfBase64), PAGE_WIDTH, signal) };
          else if (result.value.reason === 'missing_requisites') next = { status: 'missing', labels: result.value.missing.map((m) => m.label) };
          else next = { status: 'unknown_fields', fields: result.value.fields };
        } catch (error) {
          next = { status: 'failed', error: { code: 'RENDER', cause: error } };
        }
        if (signal.cancelled || request !== latest.current) {
          revoke(next);
          return;
        }
        revoke(shown.current);
        shown.current = next;
        setShownFor({ template, fromCase, state: next });
      })();
    }, PREVIEW_DELAY_MS);
    return () => {
      signal.cancelled = true;
      window.clearTimeout(timer);
    };
  }, [template, mission, caseworker, fromCase]);

  return { state: shownFor.state, updating: template !== null && (shownFor.template !== template || shownFor.fromCase !== fromCase) };
}
