import path from 'node:path';
import type { MainDeps } from '../../../electron/main/handlers';
import { createPdfEngine } from '../../../electron/main/pdf/engine';
import { defaultFontDir } from '../../../electron/main/pdf/fonts';

const ROOT = path.resolve(__dirname, '../../..');

/** The handlers' dependencies as the test bridge builds them, with the data dir a test chooses. */
export function testMainDeps(dataDir: string, overrides: Partial<MainDeps> = {}): MainDeps {
  return {
    version: '0.0.0-test',
    mode: 'browser',
    dataDir,
    referenceDir: path.join(ROOT, 'resources/reference'),
    pdf: createPdfEngine(defaultFontDir()),
    now: () => new Date('2026-11-25T10:00:00Z'),
    ...overrides,
  };
}
