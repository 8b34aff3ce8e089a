import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { countPages, tiffPageCount } from '../../../../../electron/main/attachments/pages';
import { sniffType } from '../../../../../electron/main/attachments/sniff';
import { EXE_HEAD, JPEG_HEAD, PNG_1X1, pdfBytes, tiffBytes } from '../../../../fixtures/scans';

const text = (s: string) => new TextEncoder().encode(s);

describe('sniffType', () => {
  it('recognises each scan format by its bytes', async () => {
    expect(sniffType(await pdfBytes(1))).toBe('application/pdf');
    expect(sniffType(PNG_1X1)).toBe('image/png');
    expect(sniffType(JPEG_HEAD)).toBe('image/jpeg');
    expect(sniffType(tiffBytes(1))).toBe('image/tiff');
    expect(sniffType(tiffBytes(1, { bigEndian: true }))).toBe('image/tiff');
  });

  it('accepts a PDF header after a few leading bytes, but not past the first kilobyte', () => {
    expect(sniffType(text('\r\n%PDF-1.4\n'))).toBe('application/pdf');
    expect(sniffType(new Uint8Array([...new Uint8Array(2000), ...text('%PDF-1.4')]))).toBeNull();
  });

  it('refuses executables, text, garbage, BigTIFF, truncated magic and empty input', () => {
    expect(sniffType(EXE_HEAD)).toBeNull();
    expect(sniffType(text('hello, this is not a scan'))).toBeNull();
    expect(sniffType(Uint8Array.from({ length: 512 }, (_, i) => (i * 37 + 11) & 0xff))).toBeNull();
    expect(sniffType(Uint8Array.from([0x49, 0x49, 0x2b, 0x00, 0x08, 0x00, 0x00, 0x00]))).toBeNull();
    expect(sniffType(PNG_1X1.slice(0, 4))).toBeNull();
    expect(sniffType(text('%PD'))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });
});

describe('page counts', () => {
  it('counts PDF pages with pdf-lib', async () => {
    await expect(countPages('application/pdf', await pdfBytes(3))).resolves.toEqual({ pages: 3 });
    await expect(countPages('application/pdf', await pdfBytes(1))).resolves.toEqual({ pages: 1 });
  });

  it('reports an encrypted PDF as stored with pages unknown', async () => {
    // pdf-lib cannot encrypt; a trailer naming an /Encrypt dictionary is what makes a reader treat it as encrypted.
    const doc = await PDFDocument.create();
    doc.addPage();
    const encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -4 });
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
    const bytes = await doc.save({ useObjectStreams: false });
    await expect(countPages('application/pdf', bytes)).resolves.toEqual({ pages: null, problem: 'encrypted' });
  });

  it('reports a broken PDF as unreadable', async () => {
    await expect(countPages('application/pdf', text('%PDF-1.7\ngarbage without objects'))).resolves.toEqual({ pages: null, problem: 'unreadable' });
  });

  it('counts TIFF directories in both byte orders and refuses loops and truncation', async () => {
    expect(tiffPageCount(tiffBytes(1))).toBe(1);
    expect(tiffPageCount(tiffBytes(4))).toBe(4);
    expect(tiffPageCount(tiffBytes(2, { bigEndian: true }))).toBe(2);
    expect(tiffPageCount(tiffBytes(3, { loop: true }))).toBeNull();
    expect(tiffPageCount(tiffBytes(3).slice(0, 40))).toBeNull();
    await expect(countPages('image/tiff', tiffBytes(5))).resolves.toEqual({ pages: 5 });
    await expect(countPages('image/tiff', tiffBytes(2).slice(0, 20))).resolves.toEqual({ pages: null, problem: 'unreadable' });
  });

  it('counts an image as one page', async () => {
    await expect(countPages('image/png', PNG_1X1)).resolves.toEqual({ pages: 1 });
    await expect(countPages('image/jpeg', JPEG_HEAD)).resolves.toEqual({ pages: 1 });
  });
});
