import { existsSync } from 'node:fs';
import path from 'node:path';

/** The four Tinos files pdfmake needs, one per style, as shipped by @expo-google-fonts/tinos. */
export const FONT_FILE_NAMES = {
  normal: 'Tinos_400Regular.ttf',
  bold: 'Tinos_700Bold.ttf',
  italics: 'Tinos_400Regular_Italic.ttf',
  bolditalics: 'Tinos_700Bold_Italic.ttf',
} as const;

export type FontStyle = keyof typeof FONT_FILE_NAMES;
export type FontFiles = Record<FontStyle, string>;

/** In node_modules each file sits in a folder named after its weight: `400Regular/Tinos_400Regular.ttf`. */
function packageSubfolder(fileName: string): string {
  return fileName.replace(/^Tinos_/, '').replace(/\.ttf$/, '');
}

/**
 * The folder of the Tinos package in node_modules (development, tests, the browser-mode bridge).
 * Packaged apps pass `<resourcesPath>/fonts` instead: fonts inside app.asar cannot be read by path.
 * Resolves package.json only; the package's JS needs expo-font and is never loaded.
 */
export function defaultFontDir(): string {
  return path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
}

/**
 * Absolute paths of the four TTFs under `dir`, which is either the package folder (files in
 * `400Regular/`, `700Bold/`, … subfolders) or a flat folder (electron-builder's extraResources copy).
 * A flat file wins when both exist. Existence is not checked here beyond picking the layout: a missing
 * font makes the first render fail with the path in the message.
 */
export function tinosFontFiles(dir: string): FontFiles {
  const root = path.resolve(dir);
  const pick = (fileName: string): string => {
    const flat = path.join(root, fileName);
    if (existsSync(flat)) return flat;
    const nested = path.join(root, packageSubfolder(fileName), fileName);
    return existsSync(nested) ? nested : flat;
  };
  return {
    normal: pick(FONT_FILE_NAMES.normal),
    bold: pick(FONT_FILE_NAMES.bold),
    italics: pick(FONT_FILE_NAMES.italics),
    bolditalics: pick(FONT_FILE_NAMES.bolditalics),
  };
}
