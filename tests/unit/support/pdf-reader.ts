import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Reads rendered PDFs back with poppler (pdftotext -layout, pdfinfo), as a person would see the pages. */

const A4_HEIGHT = 841.89;
const A4_WIDTH = 595.28;
const BAND = 20 * 2.8346; // the 20 mm top and bottom fields

export interface PdfReadout {
  file: string;
  /** `pdftotext -layout`, all pages. */
  text: string;
  /** The same, one string per page. */
  pages: string[];
  /** Whitespace runs (including no-break spaces and line ends) collapsed to one space. */
  flat: string;
  info: string;
}

export const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

export class PdfWorkspace {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'aryz-documents-'));
  private count = 0;

  read(bytes: Buffer, name = 'doc'): PdfReadout {
    const file = path.join(this.dir, `${++this.count}-${name}.pdf`);
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f');
    if (pages[pages.length - 1]!.trim() === '') pages.pop();
    return { file, text, pages, flat: flat(text), info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }) };
  }

  /** Text of the top (page number) or bottom (executor mark) field of one page, 1-based. */
  band(readout: PdfReadout, page: number, where: 'top' | 'bottom'): string {
    const y = where === 'top' ? 0 : Math.floor(A4_HEIGHT - BAND);
    const args = ['-f', String(page), '-l', String(page), '-x', '0', '-y', String(y), '-W', String(Math.ceil(A4_WIDTH)), '-H', String(Math.ceil(BAND)), '-layout', readout.file, '-'];
    return flat(execFileSync('pdftotext', args, { encoding: 'utf8' }));
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function pageCount(readout: PdfReadout): number {
  return Number(/Pages:\s+(\d+)/.exec(readout.info)?.[1]);
}
