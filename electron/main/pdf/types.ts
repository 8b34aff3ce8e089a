/**
 * A loose structural subset of pdfmake 0.3's document definition: the fields Aryz documents use, typed enough to
 * catch typos in the common ones, open (`[key: string]: unknown`) on content nodes for the rest.
 * pdfmake mutates the definition while laying it out: build a fresh one for every render.
 */

/** [left, top, right, bottom] in points, or [horizontal, vertical], or one value for all four. */
export type Margins = number | [number, number] | [number, number, number, number];

export type Alignment = 'left' | 'right' | 'center' | 'justify';

export interface TextStyle {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  alignment?: Alignment;
  lineHeight?: number;
  color?: string;
  characterSpacing?: number;
  decoration?: 'underline' | 'lineThrough' | 'overline';
  margin?: Margins;
}

export interface TableDefinition {
  body: TableCell[][];
  widths?: Array<number | string>;
  headerRows?: number;
  dontBreakRows?: boolean;
  keepWithHeaderRows?: number;
  [key: string]: unknown;
}

export interface TableLayout {
  hLineWidth?(rowIndex: number, node: unknown): number;
  vLineWidth?(columnIndex: number, node: unknown): number;
  hLineColor?: string | ((rowIndex: number, node: unknown) => string);
  vLineColor?: string | ((columnIndex: number, node: unknown) => string);
  paddingLeft?(columnIndex: number, node: unknown): number;
  paddingRight?(columnIndex: number, node: unknown): number;
  paddingTop?(rowIndex: number, node: unknown): number;
  paddingBottom?(rowIndex: number, node: unknown): number;
}

export interface ContentNode extends TextStyle {
  text?: Content;
  stack?: Content[];
  columns?: Content[];
  table?: TableDefinition;
  layout?: string | TableLayout;
  canvas?: Array<Record<string, unknown>>;
  /** A key of `DocDefinition.images` or a data URL; never a path or a web address (the engine refuses those). */
  image?: string;
  width?: number | string;
  style?: string | string[];
  colSpan?: number;
  rowSpan?: number;
  unbreakable?: boolean;
  pageBreak?: 'before' | 'after';
  [key: string]: unknown;
}

export type Content = string | ContentNode | Content[];
/** `{}` fills the cells a colSpan / rowSpan covers. */
export type TableCell = Content;

export type DataUrl = `data:${string}`;

export interface DocDefinition {
  content: Content;
  pageSize?: 'A4' | 'A5' | { width: number; height: number };
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: Margins;
  defaultStyle?: TextStyle;
  styles?: Record<string, TextStyle>;
  /** PDF metadata; pdfmake capitalises the keys (title → Title). */
  info?: { title?: string; author?: string; subject?: string; keywords?: string; creator?: string; producer?: string; creationDate?: Date };
  language?: string;
  /** Images only from data URLs: the engine has no network and may read no file but its fonts. */
  images?: Record<string, DataUrl>;
  header?: Content | ((currentPage: number, pageCount: number) => Content);
  footer?: Content | ((currentPage: number, pageCount: number) => Content);
  compress?: boolean;
  pageBreakBefore?: (...args: unknown[]) => boolean;
  /**
   * A page budget (one-page forms). When the laid-out document has more than `maxPages` pages the engine renders
   * the fallbacks in order (each built fresh, typically denser) and returns the first that fits, or the last one.
   * Not passed to pdfmake.
   */
  fit?: { maxPages: number; fallbacks: Array<() => DocDefinition> };
}
