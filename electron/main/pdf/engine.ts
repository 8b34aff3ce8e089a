import { existsSync } from 'node:fs';
import path from 'node:path';
import { tinosFontFiles, type FontFiles } from './fonts';
import type { DocDefinition } from './types';

/** Every document is set in Tinos (metric-compatible with Times New Roman) unless it says otherwise. */
export const DEFAULT_FONT = 'Tinos';

/** A finished PDF: its bytes and how many pages they hold (counted while laying out, never by re-reading). */
export interface PdfFile {
  pdf: Buffer;
  pages: number;
}

export interface PdfEngine {
  /** Lays out one document and writes its PDF; the definition is consumed (pdfmake mutates it). */
  makePdf(doc: DocDefinition): Promise<PdfFile>;
}

export interface PdfEngineOptions {
  /**
   * Reuse the parsed fonts across renders (default true). Parsing the four TTFs is most of the cost of a
   * small document; turning this off exists to prove that cached and uncached output are the same.
   */
  cacheParsedFonts?: boolean;
}

// ---- The slice of pdfmake 0.3 (node build, js/) that this file uses; the package ships no types. ----

interface PdfMakeOutput {
  getBuffer(): Promise<Buffer>;
}

interface VirtualFs {
  existsSync(file: string): boolean;
  readFileSync(file: string, options?: unknown): Buffer | string;
  writeFileSync(file: string, content: unknown, options?: unknown): void;
}

interface PdfMake {
  virtualfs: VirtualFs;
  setFonts(fonts: Record<string, FontFiles>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (file: string) => boolean): void;
  createPdf(doc: object): PdfMakeOutput;
}

/** fontkit's TTFFont as far as it matters here; only `_tables` (the decoded tables) is touched from outside. */
interface FontkitFont {
  constructor: new (stream: object) => FontkitFont;
  stream: { constructor: new (bytes: Uint8Array) => object; buffer: unknown };
  _tables: Record<string, unknown>;
  postscriptName?: string | null;
}

/** pdfkit's EmbeddedFont as far as it matters here: built from (document, fontkit font, id). */
interface EmbeddedFont {
  font: FontkitFont;
  name?: string;
  constructor: new (document: PdfDocument, fontkitFont: FontkitFont, id: string) => EmbeddedFont;
}

/** pdfmake's PDFDocument (a pdfkit document) with the members the font cache touches. */
interface PdfDocument {
  virtualfs: VirtualFs | null;
  fonts: Record<string, Partial<Record<string, unknown>>>;
  fontCache: Record<string, Record<string, EmbeddedFont>>;
  _font: EmbeddedFont;
  _fontCount: number;
  _fontFamilies: Record<string, EmbeddedFont>;
  getFontType(bold: boolean, italics: boolean): string;
  validateLocalFile(file: unknown): void;
  provideFont(familyName: string, bold: boolean, italics: boolean): EmbeddedFont;
}

/** What one parse of a TTF leaves for the next documents: its bytes, its decoded tables and the classes to rebuild it. */
interface ParsedFont {
  EmbeddedFont: EmbeddedFont['constructor'];
  TTFFont: FontkitFont['constructor'];
  DecodeStream: FontkitFont['stream']['constructor'];
  bytes: Uint8Array;
  tables: Record<string, unknown>;
  postscriptName: string | null | undefined;
}

/**
 * Parsed fonts per engine, found from a document through the engine's own virtual file system object
 * (pdfmake hands it to every PDFDocument it creates). Documents of engines not in this map, or of any other
 * pdfmake user, take pdfmake's ordinary path.
 */
const fontCaches = new WeakMap<object, Map<string, ParsedFont>>();
const HOOKED = Symbol.for('aryz.pdf.fontCacheHook');

function parsedFontOf(font: EmbeddedFont | undefined): ParsedFont | undefined {
  const fk = font?.font;
  const stream = fk?.stream;
  if (
    typeof font?.constructor !== 'function' ||
    typeof fk?.constructor !== 'function' ||
    typeof stream?.constructor !== 'function' ||
    !(stream.buffer instanceof Uint8Array) ||
    typeof fk._tables !== 'object' ||
    fk._tables === null
  ) {
    return undefined;
  }
  return {
    EmbeddedFont: font.constructor,
    TTFFont: fk.constructor,
    DecodeStream: stream.constructor,
    bytes: stream.buffer,
    tables: fk._tables,
    postscriptName: fk.postscriptName,
  };
}

/**
 * A fresh fontkit font over the same bytes that shares the already decoded tables (the costly part of parsing,
 * read-only once decoded) but has its own glyph cache and layout state. Sharing the whole fontkit font is NOT
 * safe: it caches glyph objects with the code points they were first looked up with, and subsetting looks
 * up composite glyphs' components without code points, so a later document lost characters in its text layer
 * (Latin «o» after a card with Cyrillic «о»).
 */
function freshFontkitFont(parsed: ParsedFont): FontkitFont | undefined {
  const font = new parsed.TTFFont(new parsed.DecodeStream(parsed.bytes));
  font._tables = parsed.tables;
  return font.postscriptName === parsed.postscriptName ? font : undefined;
}

/**
 * pdfkit parses a TTF from scratch for every document (PDFFontFactory.open → fontkit.create) and offers no way
 * to hand it a parsed font. The first document of an engine parses each font through pdfmake as usual; later
 * documents get a new pdfkit EmbeddedFont (own subset, widths, id) around a fresh fontkit font that reuses the
 * decoded tables, registered in the document exactly as pdfkit's `font()` would register it. Any surprise in
 * pdfmake's, pdfkit's or fontkit's internals (a version change) falls back to the ordinary path; a unit test
 * compares cached and uncached output byte for byte.
 */
function installFontCacheHook(): void {
  // Loaded lazily like pdfmake itself; the same module instance pdfmake's Printer uses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: PDFDocument } = require('pdfmake/js/PDFDocument') as {
    default: { prototype: PdfDocument & { [HOOKED]?: true } };
  };
  const proto = PDFDocument.prototype;
  if (proto[HOOKED]) return;
  const original = proto.provideFont;
  proto.provideFont = function provideFont(this: PdfDocument, familyName, bold, italics) {
    const cache = this.virtualfs ? fontCaches.get(this.virtualfs) : undefined;
    const type = this.getFontType(bold, italics);
    const file = this.fonts[familyName]?.[type];
    const ready = this.fontCache?.[familyName]?.[type];
    if (!cache || ready || typeof file !== 'string' || !this._fontFamilies || typeof this._fontCount !== 'number') {
      return original.call(this, familyName, bold, italics);
    }
    let font = this._fontFamilies[file];
    if (!font) {
      const parsed = cache.get(file);
      this.validateLocalFile(file);
      const fontkitFont = parsed && freshFontkitFont(parsed);
      if (!parsed || !fontkitFont) {
        font = original.call(this, familyName, bold, italics);
        const seed = parsedFontOf(font);
        if (seed) cache.set(file, seed);
        return font;
      }
      font = new parsed.EmbeddedFont(this, fontkitFont, `F${++this._fontCount}`);
      this._fontFamilies[file] = font;
      if (font.name && !this._fontFamilies[font.name]) this._fontFamilies[font.name] = font;
    }
    this._font = font;
    (this.fontCache[familyName] ??= {})[type] = font;
    return font;
  };
  proto[HOOKED] = true;
}

/** An engine's own, always empty virtual file system: nothing can be slipped into a document through pdfmake's shared one. */
function emptyVirtualFs(): VirtualFs {
  return {
    existsSync: () => false,
    readFileSync: (file) => {
      throw new Error(`No virtual file: ${file}`);
    },
    writeFileSync: (file) => {
      throw new Error(`Refusing to store a downloaded resource: ${file}`);
    },
  };
}

/** A pdfmake instance of its own (the module exports a shared singleton whose fonts and policies anyone could change). */
function newPdfMake(): PdfMake {
  // require, not import: loaded on the first render only (startup stays fast) and kept external to the bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const shared = require('pdfmake') as PdfMake;
  const PdfMakeClass = shared.constructor as new () => PdfMake;
  return new PdfMakeClass();
}

/** Refuses images that are not data URLs before pdfmake sees them (the access policies would refuse them too). */
function assertOfflineImages(doc: DocDefinition): void {
  for (const [name, src] of Object.entries(doc.images ?? {})) {
    if (typeof src !== 'string' || !src.startsWith('data:')) {
      throw new Error(`PDF image "${name}" must be a data URL`);
    }
  }
}

/**
 * The main-process PDF engine: pdfmake 0.3 with Tinos, no network (every URL refused) and no file access but the
 * four font files. pdfmake is loaded and the fonts checked on the first render, so a missing font never stops the
 * app from starting; that render rejects with the missing paths instead.
 */
export function createPdfEngine(fontDir: string, options: PdfEngineOptions = {}): PdfEngine {
  const files = tinosFontFiles(fontDir);
  const allowed = new Set(Object.values(files));
  let pdfmake: PdfMake | undefined;

  function init(): PdfMake {
    if (pdfmake) return pdfmake;
    const missing = [...allowed].filter((file) => !existsSync(file));
    if (missing.length > 0) throw new Error(`PDF fonts not found: ${missing.join(', ')}`);
    const instance = newPdfMake();
    instance.virtualfs = emptyVirtualFs();
    instance.setUrlAccessPolicy(() => false);
    instance.setLocalAccessPolicy((file) => typeof file === 'string' && allowed.has(path.resolve(file)));
    instance.setFonts({ [DEFAULT_FONT]: { ...files } });
    if (options.cacheParsedFonts !== false) {
      installFontCacheHook();
      fontCaches.set(instance.virtualfs, new Map());
    }
    pdfmake = instance;
    return instance;
  }

  /** One pdfmake pass; reports the page count through a footer callback (pdfmake calls it once per page with the total). */
  async function layOutOnce(instance: PdfMake, doc: DocDefinition): Promise<PdfFile> {
    assertOfflineImages(doc);
    const { fit: _fit, footer, ...rest } = doc;
    let pages = 0;
    const definition = {
      ...rest,
      defaultStyle: { font: DEFAULT_FONT, ...doc.defaultStyle },
      footer: (currentPage: number, pageCount: number) => {
        pages = pageCount;
        if (typeof footer === 'function') return footer(currentPage, pageCount);
        return footer === undefined ? null : (JSON.parse(JSON.stringify(footer)) as unknown);
      },
    };
    const pdf = await instance.createPdf(definition).getBuffer();
    return { pdf, pages };
  }

  return {
    async makePdf(doc) {
      const instance = init();
      const maxPages = doc.fit?.maxPages ?? Infinity;
      const fallbacks = [...(doc.fit?.fallbacks ?? [])];
      let result = await layOutOnce(instance, doc);
      for (const next of fallbacks) {
        if (result.pages <= maxPages) break;
        result = await layOutOnce(instance, next());
      }
      return result;
    },
  };
}
