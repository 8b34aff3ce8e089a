import path from 'node:path';
import type { MainDeps } from '../../../electron/main/main-deps';
import { createPdfEngine, type PdfEngine } from '../../../electron/main/pdf/engine';
import { defaultFontDir } from '../../../electron/main/pdf/fonts';

const ROOT = path.resolve(__dirname, '../../..');

let engine: PdfEngine | null = null;

/**
 * The handlers' dependencies as the test bridge builds them, with the data dir a test chooses: the shipped
 * reference data and templates, and one real PDF engine per test file (it loads pdfmake and parses the fonts
 * on its first document only, so tests that never make a PDF pay nothing for it).
 */
export function testMainDeps(dataDir: string, overrides: Partial<MainDeps> = {}): MainDeps {
  engine ??= createPdfEngine(defaultFontDir());
  return {
    version: '0.0.0-test',
    mode: 'browser',
    dataDir,
    referenceDir: path.join(ROOT, 'resources/reference'),
    templatesDir: path.join(ROOT, 'resources/templates'),
    pdf: engine,
    now: () => new Date('2026-11-25T10:00:00Z'),
    ...overrides,
  };
}
