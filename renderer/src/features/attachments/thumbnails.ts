import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { AttachmentRow } from '../../data/schema';

/** Longest side of a thumbnail, in CSS pixels. */
export const THUMB_SIZE = 120;
/** Longest side of the larger preview. */
export const PREVIEW_SIZE = 900;

export interface Thumb {
  width: number;
  height: number;
  pixels: ImageData;
}

/** Scaled to `size` on its longest side; pictures are never enlarged, PDF pages (vector) up to twice. */
function fit(width: number, height: number, size: number, maxScale = 1): { width: number; height: number; scale: number } {
  const scale = Math.min(maxScale, size / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), scale };
}

function scratch(width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  return ctx;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function imageThumb(bytes: Uint8Array<ArrayBuffer>, mime: string, want: number): Promise<Thumb> {
  const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
  try {
    const size = fit(bitmap.width, bitmap.height, want);
    const ctx = scratch(size.width, size.height);
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    return { ...size, pixels: ctx.getImageData(0, 0, size.width, size.height) };
  } finally {
    bitmap.close();
  }
}

/** The first page of a PDF, drawn by pdf.js; its worker is a file of the app's own origin (CSP worker-src 'self'). */
async function pdfThumb(bytes: Uint8Array<ArrayBuffer>, want: number): Promise<Thumb> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  // No eval (the CSP forbids it) and glyphs drawn as paths rather than loaded as fonts.
  const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  try {
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const size = fit(base.width, base.height, want, 2);
    const ctx = scratch(size.width, size.height);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    await page.render({ canvas: ctx.canvas, canvasContext: ctx, viewport: page.getViewport({ scale: size.scale }) }).promise;
    return { width: size.width, height: size.height, pixels: ctx.getImageData(0, 0, size.width, size.height) };
  } finally {
    await task.destroy();
  }
}

/** The first page of a TIFF, decoded by UTIF (browsers cannot show TIFF themselves). */
async function tiffThumb(bytes: Uint8Array<ArrayBuffer>, want: number): Promise<Thumb> {
  const UTIF = (await import('utif2')).default;
  const ifds = UTIF.decode(bytes.buffer);
  const first = ifds[0];
  if (!first) throw new Error('no TIFF page');
  UTIF.decodeImage(bytes.buffer, first);
  const rgba = UTIF.toRGBA8(first);
  const full = scratch(first.width, first.height);
  full.putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, first.width * first.height * 4), first.width, first.height), 0, 0);
  const size = fit(first.width, first.height, want);
  const ctx = scratch(size.width, size.height);
  ctx.drawImage(full.canvas, 0, 0, size.width, size.height);
  return { ...size, pixels: ctx.getImageData(0, 0, size.width, size.height) };
}

// Thumbnails by content hash: the same scan in two cases, or a re-render, is drawn once.
const cache = new Map<string, Promise<Thumb | 'missing'>>();
const CACHE_LIMIT = 100;

type Reader = (sha256: string) => Promise<{ mime: string; dataBase64: string } | 'missing'>;

async function render(row: Pick<AttachmentRow, 'sha256'>, read: Reader, size: number): Promise<Thumb | 'missing'> {
  const file = await read(row.sha256);
  if (file === 'missing') return 'missing';
  const bytes = bytesOf(file.dataBase64);
  if (file.mime === 'application/pdf') return pdfThumb(bytes, size);
  if (file.mime === 'image/tiff') return tiffThumb(bytes, size);
  return imageThumb(bytes, file.mime, size);
}

/** The first page drawn `size` pixels on its longest side; thumbnails are cached, larger previews are not. */
export function thumbnailOf(row: Pick<AttachmentRow, 'sha256'>, read: Reader, size = THUMB_SIZE): Promise<Thumb | 'missing'> {
  if (size !== THUMB_SIZE) return render(row, read, size);
  let pending = cache.get(row.sha256);
  if (!pending) {
    pending = render(row, read, size);
    // A failure is not remembered: the next look tries again.
    pending.catch(() => cache.delete(row.sha256));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(row.sha256, pending);
  }
  return pending;
}
