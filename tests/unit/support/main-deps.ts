import path from 'node:path';
import { deriveFileKeys } from '../../../electron/main/crypto/file-cipher';
import type { MainDeps } from '../../../electron/main/main-deps';
import { createPdfEngine, type PdfEngine } from '../../../electron/main/pdf/engine';
import { defaultFontDir } from '../../../electron/main/pdf/fonts';

const ROOT = path.resolve(__dirname, '../../..');

let engine: PdfEngine | null = null;

/** The data key of the unit tests' unlocked session, and the file keys main derives from it. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7);
export const TEST_FILE_KEYS = deriveFileKeys(TEST_DATA_KEY);

/**
 * The handlers' dependencies as the test bridge builds them, with the data dir a test chooses: the shipped
 * reference data and templates, and one real PDF engine per test file (it loads pdfmake and parses the fonts
 * on its first document only, so tests that never make a PDF pay nothing for it). Files are sealed with
 * TEST_FILE_KEYS, as an unlocked session's would be; the guard (tested apart) is not applied here.
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
    fileKeys: () => TEST_FILE_KEYS,
    viewerTempDir: path.join(dataDir, '..', `${path.basename(dataDir)}-viewer`),
    ...overrides,
  };
}
