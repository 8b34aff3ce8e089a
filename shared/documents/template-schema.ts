import { z } from 'zod';
import { TEMPLATE_IDS, type TemplateId } from '../reference/schema';

/**
 * Document templates are data (domain brief §10.6): a list of layout blocks whose text carries `{{field.path}}`
 * placeholders into the merge model (./model), optional conditions, repeated rows, and the list of requisites
 * without which the document must not be generated. Factory templates ship read-only in resources/templates.
 *
 * Inline text: `{{path}}` inserts a model field (`{{item.x}}` and `{{index}}` inside a repeated row),
 * `**…**` sets bold. A condition (`if`) is a field path, `!path` negates it, an array means "all of them";
 * a field holds when it is a non-blank string, a non-empty array, a number, `true` or an object.
 *
 * What the schema guarantees beyond the shape, so an edited template cannot lose what the law and ГОСТ ask for:
 * every kind has its structural blocks unconditionally (a letter always has an outgoing number block, a
 * signature block …) and lists its kind's mandatory requisites (59-ФЗ art. 7 for the citizen's appeal,
 * domain §10.2 for official letters); a legal citation `{{legal.<id>…}}` sits in a block conditioned on
 * `legal.<id>`, so a provision that is not verified drops out with its sentence instead of leaving a hole.
 */

export const TEMPLATE_LIMITS = {
  id: 64,
  title: 200,
  text: 4000,
  label: 200,
  lines: 30,
  blocks: 200,
  columns: 8,
  rows: 40,
  requisites: 40,
} as const;

export const TEMPLATE_KINDS = TEMPLATE_IDS;
export type TemplateKind = TemplateId;

export const TEMPLATE_LANGUAGES = ['ru', 'ky', 'ky+ru'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

const SEGMENT = '[A-Za-z0-9_-]+';
const PATH_SOURCE = `[A-Za-z_][A-Za-z0-9_]*(?:\\.${SEGMENT})*`;
const PATH = new RegExp(`^${PATH_SOURCE}$`);
const CONDITION = new RegExp(`^!?${PATH_SOURCE}$`);
/** `{{ path }}` anywhere in a text; the inner part is checked separately so a typo is reported, not printed. */
export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export const fieldPathSchema = z.string().max(200).regex(PATH, 'Expected a field path like person.fullNameRu');

const conditionPath = z.string().max(201).regex(CONDITION, 'Expected a field path, optionally preceded by !');
export const conditionSchema = z.union([conditionPath, z.array(conditionPath).min(1).max(6)]);

/** Inline text: placeholders must be well formed and bold markers paired. */
export const inlineTextSchema = z
  .string()
  .min(1)
  .max(TEMPLATE_LIMITS.text)
  .superRefine((text, ctx) => {
    const withoutPlaceholders = text.replace(PLACEHOLDER, (_match, inner: string) => {
      if (!PATH.test(inner)) ctx.addIssue({ code: 'custom', message: `Bad placeholder {{${inner}}}` });
      return '';
    });
    if (withoutPlaceholders.includes('{{') || withoutPlaceholders.includes('}}')) {
      ctx.addIssue({ code: 'custom', message: 'Unpaired {{ or }}' });
    }
    if ((text.match(/\*\*/g) ?? []).length % 2 !== 0) ctx.addIssue({ code: 'custom', message: 'Unpaired ** (bold marker)' });
  });

const label = z.string().trim().min(1).max(TEMPLATE_LIMITS.label);

/** A line of an addressee or applicant block; an object form can carry a condition. */
export const lineSchema = z.union([inlineTextSchema, z.object({ text: inlineTextSchema, if: conditionSchema.optional() }).strict()]);

const when = { if: conditionSchema.optional() };

const letterheadBlock = z.object({ type: z.literal('letterhead'), ...when }).strict();

/** Outgoing number and date (top left); `theirs` adds «На № … от …» when the model has the letter we answer. */
const outgoingBlock = z
  .object({
    type: z.literal('outgoing'),
    date: z.boolean().default(true),
    theirs: z.boolean().default(true),
    ...when,
  })
  .strict();

/** Addressee: top right of a letter (`right`), or at the foot of a verbal note (`left`). */
const addresseeBlock = z
  .object({
    type: z.literal('addressee'),
    lines: z.array(lineSchema).min(1).max(TEMPLATE_LIMITS.lines),
    position: z.enum(['right', 'left']).default('right'),
    ...when,
  })
  .strict();

/** The applicant's requisites on a citizen's application, under the addressee. */
const applicantBlock = z
  .object({ type: z.literal('applicant'), lines: z.array(lineSchema).min(1).max(TEMPLATE_LIMITS.lines), ...when })
  .strict();

/** «О …» from the left margin, or a centred document name («ЗАЯВЛЕНИЕ»). */
const headingBlock = z
  .object({
    type: z.literal('heading'),
    text: inlineTextSchema,
    align: z.enum(['left', 'center']).default('left'),
    bold: z.boolean().default(false),
    ...when,
  })
  .strict();

const salutationBlock = z.object({ type: z.literal('salutation'), text: inlineTextSchema, ...when }).strict();

const paragraphBlock = z
  .object({
    type: z.literal('paragraph'),
    text: inlineTextSchema,
    align: z.enum(['justify', 'left', 'right', 'center']).default('justify'),
    /** First-line indent of 1.25 cm, as Russian business letters have it. */
    indent: z.boolean().default(true),
    bold: z.boolean().default(false),
    /** Extra space above, in points. */
    spaceBefore: z.number().min(0).max(72).default(0),
    ...when,
  })
  .strict();

/** A list: `each` repeats `item` over a collection field, or `items` are fixed lines. */
const listBlock = z
  .object({
    type: z.literal('list'),
    each: fieldPathSchema.optional(),
    item: inlineTextSchema.optional(),
    items: z.array(inlineTextSchema).min(1).max(TEMPLATE_LIMITS.rows).optional(),
    marker: z.enum(['number', 'dash', 'none']).default('dash'),
    /** Ends every item but the last with «;» and the last with «.», as Russian enumerations do. */
    punctuate: z.boolean().default(false),
    ...when,
  })
  .strict()
  .refine((b) => (b.each !== undefined && b.item !== undefined && b.items === undefined) || (b.each === undefined && b.item === undefined && b.items !== undefined), {
    message: 'A list has either `each` with `item`, or `items`',
  });

export const tableColumnSchema = z
  .object({
    header: label,
    text: inlineTextSchema,
    /** Millimetres, or '*' for the rest of the width (shared between '*' columns). */
    width: z.union([z.number().min(5).max(180), z.literal('*')]),
    align: z.enum(['left', 'center', 'right']).default('left'),
  })
  .strict();

/** A ruled table, one row per element of `each`; its header row repeats on every page and rows never split. */
const tableBlock = z
  .object({
    type: z.literal('table'),
    each: fieldPathSchema,
    columns: z.array(tableColumnSchema).min(1).max(TEMPLATE_LIMITS.columns),
    ...when,
  })
  .strict();

/** Label / value rows without rules (identification of a person). */
const fieldsBlock = z
  .object({
    type: z.literal('fields'),
    rows: z
      .array(z.object({ label, text: inlineTextSchema, ...when }).strict())
      .min(1)
      .max(TEMPLATE_LIMITS.rows),
    ...when,
  })
  .strict();

/** «Приложение: … на N л. в M экз.» from the model's attachments. */
const attachmentsBlock = z.object({ type: z.literal('attachments'), label: label.default('Приложение'), ...when }).strict();

/** Closing formula, position, signature space, initials and surname, «М.П.»; never split across pages. */
const signatureBlock = z
  .object({
    type: z.literal('signature'),
    closing: inlineTextSchema.optional(),
    position: inlineTextSchema.optional(),
    name: inlineTextSchema.optional(),
    seal: z.boolean().default(false),
    ...when,
  })
  .strict()
  .refine((b) => b.position !== undefined || b.name !== undefined || b.seal, { message: 'A signature block needs a position, a name or a seal' })
  .refine((b) => (b.position === undefined) === (b.name === undefined), { message: 'Position and name go together' });

/** «Исп.: Ф.И.О., тел. …» on the bottom margin of the last page. */
const executorBlock = z.object({ type: z.literal('executor'), name: inlineTextSchema, phone: inlineTextSchema, ...when }).strict();

/** Date on the left, signature line and «Фамилия И.О.» on the right (a citizen's application). */
const dateSignatureBlock = z
  .object({
    type: z.literal('date_signature'),
    label: inlineTextSchema.optional(),
    date: inlineTextSchema,
    name: inlineTextSchema,
    ...when,
  })
  .strict();

const pageBreakBlock = z.object({ type: z.literal('page_break'), ...when }).strict();

export const blockSchema = z.discriminatedUnion('type', [
  letterheadBlock,
  outgoingBlock,
  addresseeBlock,
  applicantBlock,
  headingBlock,
  salutationBlock,
  paragraphBlock,
  listBlock,
  tableBlock,
  fieldsBlock,
  attachmentsBlock,
  signatureBlock,
  executorBlock,
  dateSignatureBlock,
  pageBreakBlock,
]);

export const requisiteSchema = z.object({ path: fieldPathSchema, label }).strict();

export const localizedTitleSchema = z
  .object({ ru: label, ky: label, en: label })
  .strict();

// ---------------------------------------------------------------- what each kind must have

export type BlockType = z.output<typeof blockSchema>['type'];

const LETTER: BlockType[] = ['letterhead', 'outgoing', 'addressee', 'heading', 'salutation', 'signature', 'executor'];

/** Blocks a kind must contain without a condition (domain §4.3, §7.2–7.3, §10.2). */
export const REQUIRED_BLOCKS: Readonly<Record<TemplateKind, readonly BlockType[]>> = {
  citizen_application_mission: ['addressee', 'applicant', 'heading', 'date_signature'],
  citizen_application_mvd: ['addressee', 'applicant', 'heading', 'date_signature'],
  mission_letter_mvd: [...LETTER, 'attachments'],
  verbal_note_mfa: ['letterhead', 'outgoing', 'addressee', 'attachments', 'signature'],
  cover_letter: [...LETTER, 'attachments'],
  reminder: LETTER,
  complaint_superior: LETTER,
  name_spelling_certificate: ['letterhead', 'outgoing', 'heading', 'table', 'signature'],
  citizen_memo: ['heading', 'paragraph', 'list'],
  receipt: ['letterhead', 'heading', 'table', 'signature', 'date_signature'],
  batch_list_letter: [...LETTER, 'table'],
  citizen_answer: LETTER,
};

const LETTER_REQUISITES = ['outgoing.number', 'outgoing.date', 'addressee.block', 'signatory.position', 'signatory.signName', 'executor.name', 'executor.phone'];

/** Requisites a kind must list (59-ФЗ art. 7 for the citizen's appeal; domain §10.2 for official letters). */
export const REQUIRED_REQUISITES: Readonly<Record<TemplateKind, readonly string[]>> = {
  citizen_application_mission: ['person.fullNameRu', 'person.postalAddress', 'document.date'],
  citizen_application_mvd: ['addressee.block', 'person.fullNameRu', 'person.postalAddress', 'document.date'],
  mission_letter_mvd: [...LETTER_REQUISITES, 'attachments'],
  verbal_note_mfa: ['outgoing.number', 'document.place', 'document.dateWords', 'addressee.noteBlock', 'attachments'],
  cover_letter: [...LETTER_REQUISITES, 'attachments'],
  reminder: [...LETTER_REQUISITES, 'previous.number', 'previous.date'],
  complaint_superior: [...LETTER_REQUISITES, 'previous.number', 'previous.date', 'previous.addressee'],
  name_spelling_certificate: ['outgoing.number', 'document.date', 'spelling.rows', 'signatory.position', 'signatory.signName'],
  // What was sent and when an answer is due are said plainly when there is none yet: not requisites.
  citizen_memo: ['person.fullNameKy', 'case.number'],
  receipt: ['case.number', 'person.fullNameRu', 'attachments', 'document.date'],
  batch_list_letter: [...LETTER_REQUISITES, 'citizens'],
  // The answer says only what the case records: the request (when and how it came, what it asks) and the answer.
  citizen_answer: ['outgoing.number', 'outgoing.date', 'person.fullNameRu', 'person.postalAddress', 'appeal.received', 'appeal.request', 'appeal.answerText', 'signatory.position', 'signatory.signName', 'executor.name', 'executor.phone'],
};

// ---------------------------------------------------------------- the template

type Block = z.output<typeof blockSchema>;

function conditionPaths(condition: string | string[] | undefined): string[] {
  if (condition === undefined) return [];
  return (Array.isArray(condition) ? condition : [condition]).map((c) => c.replace(/^!/, ''));
}

/** Every inline text of a block, with the condition paths that guard it (its own and its block's). */
export function blockTexts(block: Block): Array<{ text: string; guards: string[]; repeated: boolean }> {
  const guards = conditionPaths(block.if);
  const out: Array<{ text: string; guards: string[]; repeated: boolean }> = [];
  const add = (text: string | undefined, extra: string[] = [], repeated = false) => {
    if (text !== undefined) out.push({ text, guards: [...guards, ...extra], repeated });
  };
  switch (block.type) {
    case 'addressee':
    case 'applicant':
      for (const line of block.lines) {
        if (typeof line === 'string') add(line);
        else add(line.text, conditionPaths(line.if));
      }
      break;
    case 'heading':
    case 'salutation':
    case 'paragraph':
      add(block.text);
      break;
    case 'list':
      add(block.item, [], true);
      for (const item of block.items ?? []) add(item);
      break;
    case 'table':
      for (const column of block.columns) add(column.text, [], true);
      break;
    case 'fields':
      for (const row of block.rows) add(row.text, conditionPaths(row.if));
      break;
    case 'signature':
      add(block.closing);
      add(block.position);
      add(block.name);
      break;
    case 'executor':
      add(block.name);
      add(block.phone);
      break;
    case 'date_signature':
      add(block.label);
      add(block.date);
      add(block.name);
      break;
    default:
      break;
  }
  return out;
}

/** Placeholder paths in an inline text, in order. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

const LEGAL = /^legal\.([A-Za-z0-9_-]+)/;

export const documentTemplateSchema = z
  .object({
    id: z.string().min(1).max(TEMPLATE_LIMITS.id).regex(/^[a-z0-9][a-z0-9._-]*$/),
    version: z.number().int().min(1),
    kind: z.enum(TEMPLATE_KINDS),
    title: localizedTitleSchema,
    language: z.enum(TEMPLATE_LANGUAGES),
    /** Body type size in points; ГОСТ Р 7.0.97 recommends 12–14. */
    fontSize: z.number().min(12).max(14).default(13),
    /** Page budget: when the document runs longer, line spacing and gaps tighten (the type size never shrinks). */
    maxPages: z.number().int().min(1).max(100).optional(),
    /** Factory templates are read-only; a caseworker edits a copy. */
    readOnly: z.boolean().default(false),
    requisites: z.array(requisiteSchema).min(1).max(TEMPLATE_LIMITS.requisites),
    blocks: z.array(blockSchema).min(1).max(TEMPLATE_LIMITS.blocks),
  })
  .strict()
  .superRefine((template, ctx) => {
    const unconditional = new Set(template.blocks.filter((b) => b.if === undefined).map((b) => b.type));
    for (const type of REQUIRED_BLOCKS[template.kind]) {
      if (!unconditional.has(type)) {
        ctx.addIssue({ code: 'custom', path: ['blocks'], message: `A ${template.kind} template needs an unconditional ${type} block`, params: { code: 'missing_block', block: type } });
      }
    }
    const listed = new Set(template.requisites.map((r) => r.path));
    for (const path of REQUIRED_REQUISITES[template.kind]) {
      if (!listed.has(path)) {
        ctx.addIssue({ code: 'custom', path: ['requisites'], message: `A ${template.kind} template must list the requisite ${path}`, params: { code: 'missing_requisite', requisite: path } });
      }
    }
    if (template.blocks.filter((b) => b.type === 'executor').length > 1) {
      ctx.addIssue({ code: 'custom', path: ['blocks'], message: 'At most one executor mark' });
    }
    template.blocks.forEach((block, index) => {
      for (const { text, guards, repeated } of blockTexts(block)) {
        for (const path of placeholders(text)) {
          const legal = LEGAL.exec(path);
          if (legal && !guards.includes(`legal.${legal[1]}`)) {
            ctx.addIssue({ code: 'custom', path: ['blocks', index], message: `{{${path}}} needs the condition legal.${legal[1]}: only verified provisions may be cited` });
          }
          if (!repeated && (path === 'index' || path.startsWith('item.'))) {
            ctx.addIssue({ code: 'custom', path: ['blocks', index], message: `{{${path}}} is only meaningful inside a repeated row` });
          }
        }
      }
    });
  });

export type DocumentTemplate = z.output<typeof documentTemplateSchema>;
export type DocumentTemplateInput = z.input<typeof documentTemplateSchema>;
export type TemplateBlock = Block;
export type TemplateLine = z.output<typeof lineSchema>;
export type TemplateCondition = z.output<typeof conditionSchema>;
export type Requisite = z.output<typeof requisiteSchema>;

export type TemplateParseResult = { ok: true; template: DocumentTemplate } | { ok: false; issues: Array<{ path: string; message: string }> };

/** Validates a template read from JSON; issues name the path inside the file. */
export function parseTemplate(data: unknown): TemplateParseResult {
  const result = documentTemplateSchema.safeParse(data);
  if (result.success) return { ok: true, template: result.data };
  return { ok: false, issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) };
}
