import { PDFDocument } from 'pdf-lib';

/** A real PDF of `pages` A4 pages, made with pdf-lib. */
export async function pdfBytes(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) doc.addPage([595, 842]).drawText(`Page ${i + 1}`, { x: 50, y: 780, size: 20 });
  return doc.save();
}

/** A 1×1 PNG (signature, IHDR, IDAT, IEND), the smallest a viewer draws. */
export const PNG_1X1 = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'),
);

/** The start of a JPEG (SOI, APP0/JFIF): enough for sniffing. */
export const JPEG_HEAD = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

/**
 * A classic TIFF with `pages` image directories chained by next-IFD offsets (each a 1×1 bilevel strip),
 * little- or big-endian. `loop` makes the last directory point back to the first.
 */
export function tiffBytes(pages: number, options: { bigEndian?: boolean; loop?: boolean } = {}): Uint8Array {
  const little = !options.bigEndian;
  const entries: Array<[number, number, number, number]> = [
    [256, 3, 1, 1], // width
    [257, 3, 1, 1], // height
    [259, 3, 1, 1], // no compression
    [262, 3, 1, 1], // black is zero
    [273, 4, 1, 0], // strip offset (filled below)
    [278, 3, 1, 1], // rows per strip
    [279, 4, 1, 1], // strip byte count
  ];
  const ifdSize = 2 + entries.length * 12 + 4;
  const size = 8 + pages * (ifdSize + 1);
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  buf.set(little ? [0x49, 0x49] : [0x4d, 0x4d]);
  view.setUint16(2, 42, little);
  view.setUint32(4, 8, little);
  for (let p = 0; p < pages; p += 1) {
    const at = 8 + p * (ifdSize + 1);
    const strip = at + ifdSize;
    view.setUint16(at, entries.length, little);
    entries.forEach(([tag, type, count, value], i) => {
      const e = at + 2 + i * 12;
      view.setUint16(e, tag, little);
      view.setUint16(e + 2, type, little);
      view.setUint32(e + 4, count, little);
      const v = tag === 273 ? strip : value;
      if (type === 3) view.setUint16(e + 8, v, little);
      else view.setUint32(e + 8, v, little);
    });
    const last = p === pages - 1;
    view.setUint32(at + 2 + entries.length * 12, last ? (options.loop ? 8 : 0) : at + ifdSize + 1, little);
    buf[strip] = 0xff;
  }
  return buf;
}

/** The first bytes of a Windows executable. */
export const EXE_HEAD = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]);
