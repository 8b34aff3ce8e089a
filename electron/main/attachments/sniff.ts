import type { AttachmentMime } from '../../../shared/ipc/channels/attachments';

/** How far into a file a PDF header may start (Acrobat tolerates leading bytes within the first kilobyte). */
const PDF_HEADER_WINDOW = 1024;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_MAGIC.length, PDF_HEADER_WINDOW);
  for (let i = 0; i <= end; i += 1) if (startsWith(bytes, PDF_MAGIC, i)) return true;
  return false;
}

/**
 * The file's type from its first bytes, whatever its name says: a `.pdf` that is really a PNG is a PNG, and
 * anything that is none of the four scan formats (an executable, a text file, BigTIFF) is null.
 */
export function sniffType(bytes: Uint8Array): AttachmentMime | null {
  if (startsWith(bytes, PNG_MAGIC)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // Classic TIFF only, little- or big-endian; BigTIFF (version 43) is not something scanners produce for us.
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (hasPdfHeader(bytes)) return 'application/pdf';
  return null;
}
