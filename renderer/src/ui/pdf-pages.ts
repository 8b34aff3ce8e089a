import type * as PdfJs from 'pdfjs-dist';

/**
 * PDF pages as images with their text, drawn by pdf.js in the page. pdf.js is loaded on first use (it is large
 * and only the preview needs it); its worker is a file of the app itself, so the CSP's `worker-src 'self'`
 * covers it, and eval is off so the strict script policy is never tested.
 */

let loading: Promise<typeof PdfJs> | null = null;

function pdfjs(): Promise<typeof PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return loading;
}

export interface PdfPageImage {
  number: number;
  /** An object URL of the page drawn as PNG; the caller revokes it. */
  url: string;
  width: number;
  height: number;
  /** The page's text as pdf.js reads it from the PDF (for screen readers and checks). */
  text: string;
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas is empty'))), 'image/png'));
}

/** Draws every page at `width` CSS pixels (sharp on high-density screens). */
export async function pdfPageImages(data: Uint8Array, width: number, signal?: { cancelled: boolean }): Promise<PdfPageImage[]> {
  const lib = await pdfjs();
  const task = lib.getDocument({ data, isEvalSupported: false, useSystemFonts: false, stopAtErrors: true });
  const doc = await task.promise;
  const out: PdfPageImage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal?.cancelled) break;
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const scale = (width / base.width) * Math.min(2, window.devicePixelRatio || 1);
      const viewport = page.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[ \u00A0]+/g, ' ');
      out.push({ number: n, url: URL.createObjectURL(await toBlob(canvas)), width, height: Math.round((width * base.height) / base.width), text });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out;
}
