import { conditionHolds, fieldText, isPresent, resolveInScope, UNKNOWN, type DocumentModel, type Scope } from './model';
import { tokenizeTemplateText } from './template-tokens';
import { missingRequisites, type MissingRequisite } from './requisites';
import { type DocumentTemplate, type TemplateBlock, type TemplateLine } from './template-schema';

/**
 * The letter as the caseworker reviews it before a number is taken: the template's blocks over the merge model,
 * as paragraphs of plain text and field values, for the page to render as HTML. It is a reading aid only — the
 * record is the PDF pdfmake makes from the same template and model (electron/main/pdf/templates/render.ts) —
 * so it follows the same visibility rules (conditions, empty lines dropped, empty collections) but no layout.
 *
 * Every paragraph has an id that is stable for a template version (`b<block>`, `b<block>.l<line>` …), so checks
 * of the letter can attach findings to a paragraph. Every value taken from the model is a `field` segment that
 * names its model path (a row field as `<collection>[].<field>`), so the page can highlight it and offer the
 * fix; an empty requisite is a `field` segment marked missing, in the place it would print.
 */

export interface TextSegment {
  kind: 'text';
  text: string;
  bold: boolean;
}

export interface FieldSegment {
  kind: 'field';
  /** Model path; `<collection>[].<field>` for a value of a repeated row. */
  path: string;
  text: string;
  bold: boolean;
  /** The requisite's label when the field is mandatory. */
  requisite: string | null;
  missing: boolean;
  /** The outgoing number, not yet assigned: the page says so instead of showing a number. */
  pending: boolean;
}

export type LetterSegment = TextSegment | FieldSegment;

export type ParagraphRole =
  | 'letterhead'
  | 'outgoing'
  | 'addressee'
  | 'applicant'
  | 'heading'
  | 'salutation'
  | 'paragraph'
  | 'list-item'
  | 'fields-row'
  | 'table'
  | 'attachments'
  | 'signature'
  | 'executor'
  | 'date-signature'
  | 'page-break';

export interface LetterParagraph {
  id: string;
  role: ParagraphRole;
  align: 'left' | 'right' | 'center' | 'justify';
  bold: boolean;
  segments: LetterSegment[];
  /** A ruled table: its header and one row of cells per element. */
  table?: { header: string[]; rows: LetterSegment[][][] };
}

export interface LetterView {
  paragraphs: LetterParagraph[];
  /** Every missing requisite, in the template's order. */
  missing: MissingRequisite[];
  /** Missing requisites the letter shows in no paragraph (the page lists them above the letter). */
  unplaced: MissingRequisite[];
}

export interface LetterViewOptions {
  /** The number is assigned only when the document is generated. */
  numberPending?: boolean;
}

/** A check's word about the letter, shown beside its paragraph (or above the letter when it names none). */
export interface LetterFinding {
  /** The paragraph the finding is about; absent for the letter as a whole. */
  paragraphId?: string;
  severity: 'error' | 'warning' | 'info';
  text: string;
}


interface Ctx {
  model: DocumentModel;
  requisites: Map<string, string>;
  placed: Set<string>;
  numberPending: boolean;
}

function field(ctx: Ctx, path: string, value: unknown, bold: boolean): FieldSegment {
  const requisite = ctx.requisites.get(path) ?? null;
  const missing = !isPresent(value);
  if (requisite) ctx.placed.add(path);
  return { kind: 'field', path, text: fieldText(value), bold, requisite, missing, pending: ctx.numberPending && path === 'outgoing.number' };
}

/** The review path of a placeholder: `item.x` inside a repeated row over `each` is `each[].x`. */
function reviewPath(path: string, each: string | undefined): string {
  return each && path.startsWith('item.') ? `${each}[].${path.slice(5)}` : path;
}

function segments(ctx: Ctx, text: string, scope: Scope = {}, each?: string): LetterSegment[] {
  const out: LetterSegment[] = [];
  const pushText = (piece: string, bold: boolean) => {
    if (piece === '') return;
    const prev = out[out.length - 1];
    if (prev?.kind === 'text' && prev.bold === bold) prev.text += piece;
    else out.push({ kind: 'text', text: piece, bold });
  };
  for (const token of tokenizeTemplateText(text)) {
    if (token.kind === 'text') {
      pushText(token.text, token.bold);
      continue;
    }
    const value = resolveInScope(ctx.model, token.path, scope);
    if (token.path === 'index') pushText(fieldText(value), token.bold);
    else out.push(field(ctx, reviewPath(token.path, each), value === UNKNOWN ? '' : value, token.bold));
  }
  return out;
}

/** True when a line has something to print; a line of empty optional fields is dropped, as the PDF drops it. */
function printable(parts: readonly LetterSegment[]): boolean {
  return parts.some((s) => (s.kind === 'text' ? s.text.trim() !== '' : !s.missing || s.requisite !== null || s.pending));
}

const holds = (ctx: Ctx, condition: Parameters<typeof conditionHolds>[1], scope: Scope = {}) => conditionHolds(ctx.model, condition, scope);

function paragraph(id: string, role: ParagraphRole, parts: LetterSegment[], align: LetterParagraph['align'] = 'left', bold = false): LetterParagraph {
  return { id, role, align, bold, segments: parts };
}

function lines(ctx: Ctx, id: string, role: ParagraphRole, list: readonly TemplateLine[], align: LetterParagraph['align']): LetterParagraph[] {
  const out: LetterParagraph[] = [];
  list.forEach((line, j) => {
    if (typeof line !== 'string' && !holds(ctx, line.if)) return;
    const parts = segments(ctx, typeof line === 'string' ? line : line.text);
    if (printable(parts)) out.push(paragraph(`${id}.l${j}`, role, parts, align));
  });
  return out;
}

const text = (value: string, bold = false): TextSegment => ({ kind: 'text', text: value, bold });

function blockParagraphs(ctx: Ctx, block: TemplateBlock, id: string): LetterParagraph[] {
  const { model } = ctx;
  switch (block.type) {
    case 'letterhead':
      return [
        paragraph(`${id}.l0`, 'letterhead', [field(ctx, 'mission.nameRu', model.mission.nameRu.toUpperCase(), true)], 'center', true),
        paragraph(`${id}.l1`, 'letterhead', [field(ctx, 'mission.nameKy', model.mission.nameKy.toUpperCase(), true)], 'center', true),
        paragraph(`${id}.l2`, 'letterhead', [field(ctx, 'mission.address', model.mission.address, false), ...(model.mission.phones ? [text(' · тел.: '), field(ctx, 'mission.phones', model.mission.phones, false)] : [])], 'center'),
      ];
    case 'outgoing': {
      const number: LetterSegment[] = [text('№ '), field(ctx, 'outgoing.number', model.outgoing.number, false)];
      const out = [paragraph(id, 'outgoing', block.date ? [field(ctx, 'outgoing.date', model.outgoing.date, false), text('  '), ...number] : number)];
      if (block.theirs && model.theirs) {
        out.push(paragraph(`${id}.theirs`, 'outgoing', [text('На № '), field(ctx, 'theirs.number', model.theirs.number, false), ...(model.theirs.date ? [text(' от '), field(ctx, 'theirs.date', model.theirs.date, false)] : [])]));
      }
      return out;
    }
    case 'addressee':
      return lines(ctx, id, 'addressee', block.lines, 'left');
    case 'applicant':
      return lines(ctx, id, 'applicant', block.lines, 'left');
    case 'heading':
      return [paragraph(id, 'heading', segments(ctx, block.text), block.align, block.bold)];
    case 'salutation':
      return [paragraph(id, 'salutation', segments(ctx, block.text), 'center')];
    case 'paragraph':
      return [paragraph(id, 'paragraph', segments(ctx, block.text), block.align, block.bold)];
    case 'list': {
      const entries: Array<{ text: string; scope: Scope }> = [];
      if (block.each !== undefined && block.item !== undefined) {
        const rows = resolveInScope(model, block.each);
        if (Array.isArray(rows)) rows.forEach((item: unknown, i) => entries.push({ text: block.item!, scope: { item, index: i + 1 } }));
        if (entries.length === 0 && ctx.requisites.has(block.each)) return [paragraph(id, 'list-item', [field(ctx, block.each, [], false)])];
      } else {
        for (const item of block.items ?? []) entries.push({ text: item, scope: {} });
      }
      return entries.map(({ text: itemText, scope }, i) => {
        const marker = block.marker === 'number' ? `${i + 1}) ` : block.marker === 'dash' ? '– ' : '';
        const ending = block.punctuate ? (i === entries.length - 1 ? '.' : ';') : '';
        const parts = [text(marker), ...segments(ctx, itemText, scope, block.each), text(ending)].filter((s) => s.kind === 'field' || s.text !== '');
        return paragraph(`${id}.i${i}`, 'list-item', parts, 'justify');
      });
    }
    case 'table': {
      const rows = resolveInScope(model, block.each);
      if (!Array.isArray(rows) || rows.length === 0) {
        return ctx.requisites.has(block.each) ? [paragraph(id, 'table', [field(ctx, block.each, [], false)])] : [];
      }
      if (ctx.requisites.has(block.each)) ctx.placed.add(block.each);
      const cells = rows.map((item: unknown, i) => block.columns.map((c) => segments(ctx, c.text, { item, index: i + 1 }, block.each)));
      return [{ ...paragraph(id, 'table', []), table: { header: block.columns.map((c) => c.header), rows: cells } }];
    }
    case 'fields': {
      const out: LetterParagraph[] = [];
      block.rows.forEach((row, j) => {
        if (!holds(ctx, row.if)) return;
        const parts = segments(ctx, row.text);
        if (printable(parts)) out.push(paragraph(`${id}.r${j}`, 'fields-row', [text(`${row.label}: `), ...parts]));
      });
      return out;
    }
    case 'attachments': {
      if (model.attachments.length === 0) {
        return ctx.requisites.has('attachments') ? [paragraph(id, 'attachments', [text(`${block.label}: `), field(ctx, 'attachments', [], false)])] : [];
      }
      if (ctx.requisites.has('attachments')) ctx.placed.add('attachments');
      const one = model.attachments.length === 1;
      return model.attachments.map((a, i) =>
        paragraph(`${id}.i${i}`, 'attachments', [text(i === 0 ? `${block.label}: ` : ''), text(one ? '' : `${a.index}. `), field(ctx, 'attachments[].title', a.title, false), text(` на ${a.sheets} л. в ${a.copies} экз.`)].filter((s) => s.kind === 'field' || s.text !== '')),
      );
    }
    case 'signature': {
      const out: LetterParagraph[] = [];
      if (block.closing) out.push(paragraph(`${id}.closing`, 'signature', segments(ctx, block.closing)));
      if (block.position !== undefined && block.name !== undefined) {
        out.push(paragraph(`${id}.sign`, 'signature', [...segments(ctx, block.position), text(' ____________ '), ...segments(ctx, block.name)]));
      }
      if (block.seal) out.push(paragraph(`${id}.seal`, 'signature', [text('М.П.')]));
      return out;
    }
    case 'executor': {
      const phone = segments(ctx, block.phone);
      return [paragraph(id, 'executor', [text('Исп.: '), ...segments(ctx, block.name), ...(printable(phone) ? [text(', тел. '), ...phone] : [])])];
    }
    case 'date_signature': {
      const out: LetterParagraph[] = [];
      if (block.label) out.push(paragraph(`${id}.label`, 'date-signature', segments(ctx, block.label)));
      out.push(paragraph(`${id}.sign`, 'date-signature', [...segments(ctx, block.date), text('    ______________________   '), ...segments(ctx, block.name)]));
      return out;
    }
    case 'page_break':
      return [paragraph(id, 'page-break', [])];
  }
}

/** The letter's paragraphs over a model, with its missing requisites marked where they would print. */
export function letterView(template: DocumentTemplate, model: DocumentModel, options: LetterViewOptions = {}): LetterView {
  const missing = missingRequisites(template, model);
  const ctx: Ctx = {
    model,
    requisites: new Map(template.requisites.map((r) => [r.path, r.label])),
    placed: new Set(),
    numberPending: options.numberPending ?? false,
  };
  const paragraphs: LetterParagraph[] = [];
  template.blocks.forEach((block, i) => {
    if (!holds(ctx, block.if)) return;
    // The executor mark prints at the foot of the last page, whatever its place in the template.
    paragraphs.push(...blockParagraphs(ctx, block, `b${i}`));
  });
  const executor = paragraphs.findIndex((p) => p.role === 'executor');
  if (executor >= 0) paragraphs.push(...paragraphs.splice(executor, 1));
  // A requisite printed nowhere (a phone in a block its condition hides) still has to be named.
  const unplaced = missing.filter((m) => !ctx.placed.has(m.path));
  return { paragraphs, missing, unplaced };
}
