/**
 * What a zip says it unpacks to, read from its central directory (the list at the end of every zip) before
 * anything is inflated. A workbook of 1 MB can unpack to hundreds of megabytes of XML; the parser would hold all
 * of it, so the declared total is checked first. A zip that lies about its sizes is caught by the parse running
 * in a worker thread with a capped heap and a time limit (xlsx-thread.ts).
 */

const EOCD_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const EOCD_BYTES = 22;
const MAX_COMMENT = 0xffff;

export type DeclaredSize = { ok: true; entries: number; unpackedBytes: number } | { ok: false; reason: 'no_directory' | 'zip64' };

export function declaredUnpackedSize(bytes: Uint8Array): DeclaredSize {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = bytes.length - EOCD_BYTES; at >= Math.max(0, bytes.length - EOCD_BYTES - MAX_COMMENT); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'no_directory' };
  const entries = view.getUint16(eocd + 10, true);
  const directoryBytes = view.getUint32(eocd + 12, true);
  const directoryStart = view.getUint32(eocd + 16, true);
  // Zip64 marks its real values elsewhere; no workbook within the import's file limit needs it.
  if (entries === 0xffff || directoryBytes === 0xffffffff || directoryStart === 0xffffffff) return { ok: false, reason: 'zip64' };
  if (directoryStart + directoryBytes > eocd) return { ok: false, reason: 'no_directory' };
  let at = directoryStart;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== ENTRY_SIGNATURE) return { ok: false, reason: 'no_directory' };
    const unpacked = view.getUint32(at + 24, true);
    if (unpacked === 0xffffffff) return { ok: false, reason: 'zip64' };
    total += unpacked;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { ok: true, entries, unpackedBytes: total };
}
