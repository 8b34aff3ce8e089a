import { conditionHolds, fieldText, resolveInScope, UNKNOWN, type DocumentModel, type Scope } from '../../../../shared/documents/model';
import { checkRequisites, unknownFieldsRefusal, type DocumentRefusal } from '../../../../shared/documents/requisites';
import { type DocumentTemplate, type TemplateBlock, type TemplateLine } from '../../../../shared/documents/template-schema';
import { tokenizeTemplateText } from '../../../../shared/documents/template-tokens';
import { MAX_UNBREAKABLE, typeset, UNBREAKABLE_WORD } from '../../../../shared/documents/typeset';
import type { PdfEngine, PdfFile } from '../engine';
import type { Content, ContentNode, DocDefinition, Margins, TableCell, TableLayout } from '../types';
import { GOST_CONTENT_WIDTH, GOST_PAGE_MARGINS, MM } from '../units';

/**
 * Lays out a template (shared/documents/template-schema) over a merge model as a pdfmake document, in the form
 * of Russian official correspondence (ГОСТ Р 7.0.97, domain §7.2–7.3): A4, fields 20/10/20/20 mm, the mission's
 * letterhead in Russian and Kyrgyz, the outgoing number and date top left beside the addressee top right, the
 * heading «О …» from the left margin, page numbers from page 2 at the top centre, the signature block never
 * split from its closing formula, tables whose header repeats on every page and whose rows never split, and the
 * executor mark on the bottom margin of the last page in a smaller size.
 */

const PAGE_MARGINS = GOST_PAGE_MARGINS;
const CONTENT_WIDTH = GOST_CONTENT_WIDTH;
/** Addressee and applicant column, right-hand side of the page. */
const RIGHT_COLUMN = 88 * MM;
const COLUMN_GAP = 6 * MM;
/** A left-hand heading is kept to about half the page, as the corner layout has it. */
const HEADING_WIDTH = 105 * MM;
const PARAGRAPH_INDENT = 12.5 * MM;
const TABLE_FONT = 11;
const SMALL_FONT = 10;
const CELL_PADDING_X = 4;
const RULE = 0.5;

/**
 * Thrown from inside the layout when the template cannot be made (a missing requisite, a field the model
 * lacks); it carries the refusal in its one shape (shared/documents/requisites.ts) for the caller to answer with.
 */
export class TemplateRefusedError extends Error {
  override readonly name = 'TemplateRefusedError';
  constructor(
    readonly refusal: DocumentRefusal,
    message: string,
  ) {
    super(message);
  }
}

export interface TemplateDocOptions {
  /** Written into the PDF metadata. */
  generatedAt: Date;
}

interface Ctx {
  model: DocumentModel;
  fontSize: number;
  /** Multiplies vertical gaps (1 normally; less in the denser layouts a page budget falls back to). */
  space: number;
  unknown: Set<string>;
  executor: string | null;
}

/** Vertical margins scaled by the layout's density. */
function v(ctx: Ctx, top: number, bottom: number): Margins {
  return [0, Math.round(top * ctx.space * 10) / 10, 0, Math.round(bottom * ctx.space * 10) / 10];
}

// ---------------------------------------------------------------- inline text

interface Run {
  text: string;
  bold: boolean;
}

/** Template text → runs of one weight. Bold markers come from the template only; a value never toggles bold. */
function runs(ctx: Ctx, text: string, scope: Scope): Run[] {
  const out: Run[] = [];
  const push = (piece: string, bold: boolean) => {
    if (piece === '') return;
    const prev = out[out.length - 1];
    if (prev && prev.bold === bold) prev.text += piece;
    else out.push({ text: piece, bold });
  };
  for (const token of tokenizeTemplateText(text)) {
    if (token.kind === 'text') {
      push(token.text, token.bold);
      continue;
    }
    const value = resolveInScope(ctx.model, token.path, scope);
    if (value === UNKNOWN) ctx.unknown.add(token.path);
    push(fieldText(value), token.bold);
  }
  // A weight change inside a word («**10.03.2025**.») would be a place where justification adds space:
  // the punctuation that follows a bold run takes the bold run's weight.
  for (let i = 0; i + 1 < out.length; i++) {
    const head = /^[^\s]+/.exec(out[i + 1]!.text)?.[0];
    if (head === undefined || /\s$/.test(out[i]!.text)) continue;
    out[i]!.text += head;
    out[i + 1]!.text = out[i + 1]!.text.slice(head.length);
  }
  return out.filter((r) => r.text !== '');
}


/**
 * Template text → pdfmake inlines. pdfmake justifies by spreading space between all its words, and it also
 * splits words after a hyphen or slash: «№ КР-М/2025-0147» would print as «КР- М/ 2025- 0147» in a justified
 * line. Such words become `noWrap` inlines of their own (with their trailing space), so justification only ever
 * widens real spaces; runs of one weight are merged for the same reason.
 */
function inline(ctx: Ctx, text: string, scope: Scope = {}): ContentNode[] {
  const out: ContentNode[] = [];
  for (const run of runs(ctx, text, scope)) {
    let pending = '';
    const flush = () => {
      if (pending !== '') out.push(run.bold ? { text: pending, bold: true } : { text: pending });
      pending = '';
    };
    for (const m of typeset(run.text).matchAll(/\s+|\S+\s*/gu)) {
      const word = m[0];
      const bare = word.trimEnd();
      if (bare !== '' && bare.length <= MAX_UNBREAKABLE && UNBREAKABLE_WORD.test(bare)) {
        flush();
        out.push(run.bold ? { text: word, bold: true, noWrap: true } : { text: word, noWrap: true });
      } else {
        pending += word;
      }
    }
    flush();
  }
  return out;
}

function plain(ctx: Ctx, text: string, scope: Scope = {}): string {
  return inline(ctx, text, scope)
    .map((n) => n.text as string)
    .join('');
}

function holds(ctx: Ctx, condition: Parameters<typeof conditionHolds>[1], scope: Scope = {}): boolean {
  return conditionHolds(ctx.model, condition, scope, (path) => ctx.unknown.add(path));
}

function visibleLines(ctx: Ctx, lines: readonly TemplateLine[]): Content[] {
  const out: Content[] = [];
  for (const line of lines) {
    const text = typeof line === 'string' ? line : line.text;
    if (typeof line !== 'string' && !holds(ctx, line.if)) continue;
    const inlines = inline(ctx, text);
    // A line made only of an empty field (an unknown address) is left out rather than printed blank.
    if (inlines.length === 0) continue;
    out.push({ text: inlines });
  }
  return out;
}

// ---------------------------------------------------------------- tables

const ruledLayout: TableLayout = {
  hLineWidth: () => RULE,
  vLineWidth: () => RULE,
  hLineColor: '#000000',
  vLineColor: '#000000',
  paddingLeft: () => CELL_PADDING_X,
  paddingRight: () => CELL_PADDING_X,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

const bareLayout: TableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/**
 * Column widths in points. Fixed widths throughout: with a `*` column pdfmake widens the table to fit an
 * unbreakable word and runs it off the page; with fixed widths it breaks the word inside its cell.
 */
function columnWidths(widths: ReadonlyArray<number | '*'>, paddingX: number, rule: number): number[] {
  const fixed = widths.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w * MM), 0);
  const stars = widths.filter((w) => w === '*').length;
  const chrome = widths.length * 2 * paddingX + (widths.length + 1) * rule;
  const rest = Math.max(0, CONTENT_WIDTH - fixed - chrome);
  return widths.map((w) => (w === '*' ? rest / Math.max(1, stars) : w * MM));
}

function tableBlock(ctx: Ctx, block: Extract<TemplateBlock, { type: 'table' }>): Content | null {
  const rows = resolveInScope(ctx.model, block.each);
  if (rows === UNKNOWN) ctx.unknown.add(block.each);
  if (!Array.isArray(rows) || rows.length === 0) return null;
  const header: TableCell[] = block.columns.map((c) => ({ text: c.header, bold: true, alignment: 'center' }));
  const body: TableCell[][] = [header];
  rows.forEach((item: unknown, i) => {
    body.push(block.columns.map((c) => ({ text: inline(ctx, c.text, { item, index: i + 1 }), alignment: c.align })));
  });
  return {
    table: {
      widths: columnWidths(
        block.columns.map((c) => c.width),
        CELL_PADDING_X,
        RULE,
      ),
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      body,
    },
    layout: ruledLayout,
    fontSize: TABLE_FONT,
    lineHeight: 1.05,
    margin: v(ctx, 6, 8),
  };
}

function fieldsBlock(ctx: Ctx, block: Extract<TemplateBlock, { type: 'fields' }>): Content | null {
  const body: TableCell[][] = [];
  for (const row of block.rows) {
    if (!holds(ctx, row.if)) continue;
    const value = inline(ctx, row.text);
    if (value.length === 0) continue;
    body.push([{ text: `${row.label}:` }, { text: value }]);
  }
  if (body.length === 0) return null;
  // The label column is 62 mm including a 3 mm gap (its right padding) before the value.
  const [labelWidth, valueWidth] = columnWidths([62, '*'], 0, 0);
  return {
    table: { widths: [labelWidth! - 3 * MM, valueWidth!], dontBreakRows: true, body },
    layout: { ...bareLayout, paddingBottom: () => 3, paddingRight: (i: number) => (i === 0 ? 3 * MM : 0) },
    margin: v(ctx, 4, 8),
  };
}

// ---------------------------------------------------------------- blocks

function letterhead(ctx: Ctx): Content {
  const { mission } = ctx.model;
  const contacts = [mission.address, mission.phones && `тел.: ${mission.phones}`].filter(Boolean).join(' · ');
  return {
    stack: [
      { text: mission.nameRu.toUpperCase(), bold: true, fontSize: 13 },
      { text: mission.nameKy.toUpperCase(), bold: true, fontSize: 12, margin: v(ctx, 3, 0) },
      ...(contacts ? [{ text: contacts, fontSize: 9.5, margin: v(ctx, 4, 0) as Margins }] : []),
      {
        canvas: [
          { type: 'line', x1: 0, y1: 4, x2: CONTENT_WIDTH, y2: 4, lineWidth: 1.5 },
          { type: 'line', x1: 0, y1: 7, x2: CONTENT_WIDTH, y2: 7, lineWidth: 0.5 },
        ],
        alignment: 'left',
      },
    ],
    alignment: 'center',
    lineHeight: 1.05,
    margin: v(ctx, 0, 12),
  };
}

function outgoing(ctx: Ctx, block: Extract<TemplateBlock, { type: 'outgoing' }>): Content {
  const { outgoing: out, theirs } = ctx.model;
  const lines: Content[] = [{ text: typeset(block.date ? `${out.date}  № ${out.number}` : `№ ${out.number}`) }];
  if (block.theirs && theirs) lines.push({ text: typeset(`На № ${theirs.number}${theirs.date ? ` от ${theirs.date}` : ''}`), margin: v(ctx, 4, 0) });
  return { stack: lines, fontSize: Math.max(12, ctx.fontSize - 1) };
}

function rightColumn(ctx: Ctx, left: Content | null, right: Content[]): Content {
  return {
    columns: [
      { width: CONTENT_WIDTH - RIGHT_COLUMN - COLUMN_GAP, stack: left ? [left] : [{ text: '' }] },
      { width: RIGHT_COLUMN, stack: right, alignment: 'left' },
    ],
    columnGap: COLUMN_GAP,
    margin: v(ctx, 2, 10),
  };
}

function signature(ctx: Ctx, block: Extract<TemplateBlock, { type: 'signature' }>): Content {
  const parts: Content[] = [];
  if (block.closing) parts.push({ text: inline(ctx, block.closing), margin: v(ctx, 14, 0) });
  if (block.position !== undefined && block.name !== undefined) {
    const [positionWidth, nameWidth] = columnWidths([100, '*'], 0, 0);
    parts.push({
      table: {
        widths: [positionWidth!, nameWidth!],
        body: [[{ text: inline(ctx, block.position) }, { text: inline(ctx, block.name), alignment: 'right', verticalAlignment: 'bottom' }]],
      },
      layout: bareLayout,
      // The room for the handwritten signature does not shrink with the density.
      margin: [0, block.closing ? 26 : 30, 0, 0],
    });
  }
  if (block.seal) parts.push({ text: 'М.П.', fontSize: SMALL_FONT + 1, margin: [block.position ? 62 * MM : 120 * MM, 12 * ctx.space, 0, 0] });
  return { stack: parts, unbreakable: true, margin: v(ctx, 4, 6) };
}

function attachments(ctx: Ctx, block: Extract<TemplateBlock, { type: 'attachments' }>): Content | null {
  const list = ctx.model.attachments;
  if (list.length === 0) return null;
  const label = `${block.label}:`;
  if (list.length === 1) return { text: typeset(`${label} ${list[0]!.mark}`), margin: v(ctx, 12, 4), alignment: 'left' };
  return {
    columns: [
      { width: 'auto', text: label },
      { width: '*', stack: list.map((a) => ({ text: typeset(`${a.index}. ${a.mark}`) })), alignment: 'left' },
    ],
    columnGap: 4,
    margin: v(ctx, 12, 4),
    unbreakable: true,
  };
}

function dateSignature(ctx: Ctx, block: Extract<TemplateBlock, { type: 'date_signature' }>): Content {
  return {
    stack: [
      ...(block.label ? [{ text: inline(ctx, block.label), margin: v(ctx, 0, 16) as Margins }] : []),
      {
        columns: [
          { width: '*', text: inline(ctx, block.date) },
          {
            width: 'auto',
            stack: [
              { text: ['______________________   ', ...inline(ctx, block.name)] },
              { text: '(подпись)', fontSize: 9, margin: [38, 0, 0, 0] },
            ],
          },
        ],
      },
    ],
    unbreakable: true,
    margin: v(ctx, 24, 6),
  };
}

function listBlock(ctx: Ctx, block: Extract<TemplateBlock, { type: 'list' }>): Content | null {
  const entries: Array<{ text: string; scope: Scope }> = [];
  if (block.each !== undefined && block.item !== undefined) {
    const rows = resolveInScope(ctx.model, block.each);
    if (rows === UNKNOWN) ctx.unknown.add(block.each);
    if (Array.isArray(rows)) rows.forEach((item: unknown, i) => entries.push({ text: block.item!, scope: { item, index: i + 1 } }));
  } else {
    for (const item of block.items ?? []) entries.push({ text: item, scope: {} });
  }
  if (entries.length === 0) return null;
  return {
    stack: entries.map(({ text, scope }, i) => {
      const marker = block.marker === 'number' ? `${i + 1}) ` : block.marker === 'dash' ? '– ' : '';
      const ending = block.punctuate ? (i === entries.length - 1 ? '.' : ';') : '';
      const inlines = inline(ctx, text, scope);
      if (ending) inlines.push({ text: ending });
      return { text: [{ text: marker }, ...inlines], leadingIndent: PARAGRAPH_INDENT, alignment: 'justify', margin: v(ctx, 0, 2) };
    }),
    margin: v(ctx, 0, 5),
  };
}

function blockContent(ctx: Ctx, block: TemplateBlock): Content | null {
  switch (block.type) {
    case 'letterhead':
      return letterhead(ctx);
    case 'outgoing':
      return rightColumn(ctx, outgoing(ctx, block), []);
    case 'addressee':
      return block.position === 'left'
        ? { stack: visibleLines(ctx, block.lines), margin: [0, 16 * ctx.space, CONTENT_WIDTH - HEADING_WIDTH, 6 * ctx.space] }
        : rightColumn(ctx, null, visibleLines(ctx, block.lines));
    case 'applicant':
      return rightColumn(ctx, null, visibleLines(ctx, block.lines));
    case 'heading':
      return block.align === 'center'
        ? { text: inline(ctx, block.text), alignment: 'center', bold: block.bold, margin: v(ctx, 10, 4) }
        : { text: inline(ctx, block.text), alignment: 'left', bold: block.bold, margin: [0, 8 * ctx.space, CONTENT_WIDTH - HEADING_WIDTH, 10 * ctx.space] };
    case 'salutation':
      return { text: inline(ctx, block.text), alignment: 'center', margin: v(ctx, 8, 10) };
    case 'paragraph':
      return {
        text: inline(ctx, block.text),
        alignment: block.align,
        bold: block.bold,
        leadingIndent: block.indent ? PARAGRAPH_INDENT : 0,
        margin: v(ctx, block.spaceBefore, 5),
      };
    case 'list':
      return listBlock(ctx, block);
    case 'table':
      return tableBlock(ctx, block);
    case 'fields':
      return fieldsBlock(ctx, block);
    case 'attachments':
      return attachments(ctx, block);
    case 'signature':
      return signature(ctx, block);
    case 'executor': {
      const name = plain(ctx, block.name);
      const phone = plain(ctx, block.phone);
      ctx.executor = `Исп.: ${name}${phone ? `, тел. ${phone}` : ''}`;
      return null;
    }
    case 'date_signature':
      return dateSignature(ctx, block);
    case 'page_break':
      return { text: '', pageBreak: 'after' };
  }
}

/**
 * The blocks in order; an outgoing block followed by a right-hand addressee (and an applicant after it) share one
 * row: number and date on the left, addressee on the right.
 */
function layoutBlocks(ctx: Ctx, blocks: readonly TemplateBlock[]): Content[] {
  const visible = blocks.filter((b) => holds(ctx, b.if));
  const out: Content[] = [];
  for (let i = 0; i < visible.length; i++) {
    const block = visible[i]!;
    const isRight = (b: TemplateBlock | undefined) => (b?.type === 'addressee' && b.position === 'right') || b?.type === 'applicant';
    if (block.type === 'outgoing' || isRight(block)) {
      const left = block.type === 'outgoing' ? outgoing(ctx, block) : null;
      let j = block.type === 'outgoing' ? i + 1 : i;
      const right: Content[] = [];
      while (isRight(visible[j])) {
        const b = visible[j]! as Extract<TemplateBlock, { type: 'addressee' | 'applicant' }>;
        right.push({ stack: visibleLines(ctx, b.lines), margin: v(ctx, right.length > 0 ? 10 : 0, 0) });
        j++;
      }
      out.push(rightColumn(ctx, left, right));
      i = j - 1;
      continue;
    }
    const content = blockContent(ctx, block);
    if (content !== null) out.push(content);
  }
  return out;
}

/** The keywords that record which template (id and version) made a PDF. */
export function templateKeywords(template: Pick<DocumentTemplate, 'id' | 'version' | 'kind'>): string {
  return `aryz-template:${template.id}@${template.version}; kind:${template.kind}`;
}

/** Line spacing and gap scale, loosest first; a template with a page budget falls back to the denser ones. */
const DENSITIES: ReadonlyArray<{ lineHeight: number; space: number }> = [
  { lineHeight: 1.15, space: 1 },
  { lineHeight: 1.08, space: 0.7 },
  { lineHeight: 1.0, space: 0.5 },
];

function buildDoc(template: DocumentTemplate, model: DocumentModel, options: TemplateDocOptions, density: (typeof DENSITIES)[number]): DocDefinition {
  const ctx: Ctx = { model, fontSize: template.fontSize, space: density.space, unknown: new Set(), executor: null };
  const content = layoutBlocks(ctx, template.blocks);
  if (ctx.unknown.size > 0) {
    const fields = [...ctx.unknown];
    throw new TemplateRefusedError(unknownFieldsRefusal(fields), `Шаблон ${template.id} ссылается на несуществующие поля: ${fields.join(', ')}`);
  }
  const executor = ctx.executor;
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    language: template.language === 'ky' ? 'ky-KG' : 'ru-RU',
    info: {
      title: template.title.ru,
      subject: template.title.ru,
      keywords: templateKeywords(template),
      creator: 'Aryz',
      producer: 'Aryz',
      creationDate: options.generatedAt,
    },
    defaultStyle: { fontSize: template.fontSize, lineHeight: density.lineHeight },
    // Page numbers from the second page, top centre (ГОСТ Р 7.0.97 p. 6.5).
    header: (currentPage: number) => (currentPage > 1 ? { text: String(currentPage), alignment: 'center', fontSize: 11, margin: [0, 10 * MM, 0, 0] } : { text: '' }),
    // The executor mark sits on the bottom margin of the last page, from the left margin, in a smaller size.
    footer: (currentPage: number, pageCount: number) =>
      executor && currentPage === pageCount ? { text: executor, fontSize: SMALL_FONT, margin: [PAGE_MARGINS[0], 8 * MM, PAGE_MARGINS[2], 0] } : { text: '' },
    content,
  };
}

/**
 * The pdfmake document for a template and a model. Throws TemplateRefusedError when a requisite is missing
 * (naming every missing one) or when the template names a field the model does not have. A template with a
 * page budget (`maxPages`) carries denser fallbacks (tighter line spacing and gaps, never a smaller type) for
 * the engine to use when the first layout runs over.
 */
export function templateDoc(template: DocumentTemplate, model: DocumentModel, options: TemplateDocOptions): DocDefinition {
  const refusal = checkRequisites(template, model);
  if (refusal?.reason === 'missing_requisites') {
    throw new TemplateRefusedError(refusal, `Документ не сформирован: не заполнены обязательные реквизиты — ${refusal.missing.map((m) => m.label).join('; ')}.`);
  }
  const [first, ...denser] = DENSITIES;
  const doc = buildDoc(template, model, options, first!);
  if (template.maxPages === undefined) return doc;
  return { ...doc, fit: { maxPages: template.maxPages, fallbacks: denser.map((d) => () => buildDoc(template, model, options, d)) } };
}

/** A template's PDF with its page count and the template version that made it. */
export interface TemplatePdf extends PdfFile {
  templateId: string;
  templateVersion: number;
}

/** Lays a template out over a model and has the engine make the PDF; throws TemplateRefusedError as templateDoc does. */
export async function templatePdf(engine: PdfEngine, template: DocumentTemplate, model: DocumentModel, options: TemplateDocOptions = { generatedAt: new Date() }): Promise<TemplatePdf> {
  const { pdf, pages } = await engine.makePdf(templateDoc(template, model, options));
  return { pdf, pages, templateId: template.id, templateVersion: template.version };
}

/** The PDF, or the refusal when the template cannot be made from this model: the answer every caller gives. */
export async function templatePdfOrRefusal(engine: PdfEngine, template: DocumentTemplate, model: DocumentModel, options: TemplateDocOptions): Promise<TemplatePdf | DocumentRefusal> {
  try {
    return await templatePdf(engine, template, model, options);
  } catch (error) {
    if (error instanceof TemplateRefusedError) return error.refusal;
    throw error;
  }
}
