import { PDFDocument } from 'pdf-lib';
import type { AttachmentMime } from '../../../shared/ipc/channels/attachments';

export type PageCount = { pages: number; problem?: undefined } | { pages: null; problem: 'encrypted' | 'unreadable' };

/** More IFDs than any real scan has: a loop or a corrupt chain stops here instead of spinning. */
const MAX_TIFF_PAGES = 10_000;

/**
 * Pages of a classic TIFF: the chain of image file directories, each holding one page. Offsets that point
 * outside the file, back into the chain, or at a truncated directory end the count as unreadable.
 */
export function tiffPageCount(bytes: Uint8Array): number | null {
  if (bytes.length < 8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const seen = new Set<number>();
  let offset = u32(4);
  let pages = 0;
  while (offset !== 0) {
    if (offset < 8 || offset + 2 > bytes.length || seen.has(offset) || pages >= MAX_TIFF_PAGES) return null;
    seen.add(offset);
    const entries = u16(offset);
    const next = offset + 2 + entries * 12;
    if (next + 4 > bytes.length) return null;
    pages += 1;
    offset = u32(next);
  }
  return pages > 0 ? pages : null;
}

async function pdfPageCount(bytes: Uint8Array): Promise<PageCount> {
  try {
    // pdf-lib's own encryption error is not an instanceof-able class once transpiled; ask the document instead.
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    // An encrypted file's page tree may be inside encrypted object streams: its count is not to be trusted.
    if (doc.isEncrypted) return { pages: null, problem: 'encrypted' };
    const pages = doc.getPageCount();
    return pages > 0 ? { pages } : { pages: null, problem: 'unreadable' };
  } catch {
    return { pages: null, problem: 'unreadable' };
  }
}

/** Sheets a stored file fills in an attachment mark («на N л.»). Encrypted or broken PDFs are stored anyway. */
export async function countPages(mime: AttachmentMime, bytes: Uint8Array): Promise<PageCount> {
  if (mime === 'application/pdf') return pdfPageCount(bytes);
  if (mime === 'image/tiff') {
    const pages = tiffPageCount(bytes);
    return pages === null ? { pages: null, problem: 'unreadable' } : { pages };
  }
  return { pages: 1 };
}
