import { isValidIsoDate } from '../../case/dates';
import { REGISTER_START_FALLBACK } from '../../reference/lookup';
import { argumentFacts } from '../arguments';
import { buildDocumentModel, conditionHolds, type DocumentInputs, type DocumentModel } from '../model';
import { dateRu } from '../russian';
import { blockTexts, type DocumentTemplate, type TemplateBlock } from '../template-schema';

/**
 * Checks a document against its own case before it is generated, so a letter never asserts what its case
 * contradicts. A `contradiction` refuses generation and names itself; a `warning` may be generated once the
 * caseworker acknowledges it (the acknowledgement goes to the audit). Each finding names the template block
 * it concerns, so the review screen shows it next to that paragraph. Pure; review and generation both call it.
 */

export const CONSISTENCY_CODES = [
  'lawful_stay_vs_gap',
  'evidence_ended',
  'kyrgyz_letters_claim',
  'unconfirmed_spellings',
  'date_before_register',
  'self_attachment',
  'sheet_count',
  'addressee_field_missing',
] as const;
export type ConsistencyCode = (typeof CONSISTENCY_CODES)[number];
export type Severity = 'contradiction' | 'warning';

export interface ConsistencyFinding {
  code: ConsistencyCode;
  severity: Severity;
  /** Index of the template block it concerns; null for the document as a whole. */
  block: number | null;
  /** Values for the message (`documents.checks.<code>`): dates dd.mm.yyyy, names, counts. */
  params: Record<string, string | number>;
  /** Stable key of this finding, what an acknowledgement refers to. */
  key: string;
}

export interface ConsistencyOptions {
  /** The day the register began (reference data; 5 February 2025, 260-ФЗ): a case date before it cannot be about the register. */
  registerStart: string;
  /** The case's dates of learning and checking (ISO). */
  learnedAt?: string;
  checkDates?: readonly string[];
}

/** The factory value of the register's start; the reference data in force says it (shared/reference/lookup `registerStart`). */
export const REGISTER_START_DEFAULT = REGISTER_START_FALLBACK;

/** A sentence asserting present lawful stay: «находится … на законных основаниях», «нахожусь на законных основаниях». */
const LAWFUL_STAY = /(наход[а-яё]*|пребыва[а-яё]*|прожива[а-яё]*)[^.;:]{0,80}?на законных основаниях/iu;
const KYRGYZ_LETTERS_CLAIM = /букв[а-яё]* кыргызского алфавита/iu;

function printedBlocks(template: DocumentTemplate, model: DocumentModel): Array<{ index: number; block: TemplateBlock; text: string }> {
  return template.blocks.flatMap((block, index) => (conditionHolds(model, block.if) ? [{ index, block, text: blockTexts(block).map((t) => t.text).join(' ') }] : []));
}

function eachOf(block: TemplateBlock): string {
  return block.type === 'list' || block.type === 'table' ? (block.each ?? '') : '';
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/gu, ' ').trim();

export function consistencyFindings(template: DocumentTemplate, inputs: DocumentInputs, options: ConsistencyOptions): ConsistencyFinding[] {
  const model = buildDocumentModel(inputs);
  const printed = printedBlocks(template, model);
  const out: ConsistencyFinding[] = [];
  const add = (code: ConsistencyCode, severity: Severity, block: number | null, params: Record<string, string | number>, detail = '') =>
    out.push({ code, severity, block, params, key: `${code}:${block ?? '-'}:${detail}` });

  // 1. A lawful-stay statement against the registration and contract gaps the case itself shows.
  const facts = argumentFacts({
    date: inputs.date,
    documents: inputs.documents,
    stays: inputs.stays ?? [],
    registrations: inputs.registrations ?? [],
    employments: inputs.employments ?? [],
    otherSpellings: inputs.person.otherSpellings,
  });
  const lawful = printed.find((b) => LAWFUL_STAY.test(b.text));
  if (lawful && facts.gap) add('lawful_stay_vs_gap', 'contradiction', lawful.index, { from: facts.gap.from, to: facts.gap.to, days: facts.gap.days });

  // 2. Evidence cited as proof that had ended before the letter's date.
  const factsBlock = printed.find((b) => /^(facts|registrations|employments)$/u.test(eachOf(b.block)))?.index ?? null;
  if (factsBlock !== null) {
    for (const r of inputs.registrations ?? []) {
      if (isValidIsoDate(r.to) && r.to < inputs.date) add('evidence_ended', 'warning', factsBlock, { what: `миграционный учёт с ${dateRu(r.from)} по ${dateRu(r.to)}`, ended: dateRu(r.to) }, `reg-${r.id}`);
    }
    for (const e of inputs.employments ?? []) {
      const end = isValidIsoDate(e.earlyTerminationDate) ? e.earlyTerminationDate : e.end;
      if (isValidIsoDate(end) && end < inputs.date) add('evidence_ended', 'warning', factsBlock, { what: `договор${e.contractNumber.trim() ? ` № ${e.contractNumber.trim()}` : ''} от ${dateRu(e.start)}`, ended: dateRu(end) }, `emp-${e.id}`);
    }
  }

  // 3. A claim about Kyrgyz letters against the spelling actually recorded.
  const claim = printed.find((b) => KYRGYZ_LETTERS_CLAIM.test(b.text) && !b.text.includes('{{person.kyrgyzLetters}}'));
  if (claim && model.person.kyrgyzLetters === '') add('kyrgyz_letters_claim', 'contradiction', claim.index, { name: model.person.fullNameKy || model.person.fullNameRu });

  // 4. Spellings not confirmed against a named document, in a document that certifies spellings.
  const certifies = printed.find((b) => eachOf(b.block) === 'spelling.rows');
  if (certifies && model.spelling.unconfirmed.length > 0) {
    add('unconfirmed_spellings', 'warning', certifies.index, { count: model.spelling.unconfirmed.length, list: model.spelling.unconfirmed.map((r) => r.spelling).join('; ') });
  }

  // 5. Dates before the register existed.
  const early = (iso: string | undefined) => isValidIsoDate(iso) && iso < options.registerStart;
  if (early(options.learnedAt)) add('date_before_register', 'warning', null, { what: 'learnedAt', date: dateRu(options.learnedAt), start: dateRu(options.registerStart) }, 'learnedAt');
  for (const day of options.checkDates ?? []) {
    if (early(day)) add('date_before_register', 'warning', null, { what: 'check', date: dateRu(day), start: dateRu(options.registerStart) }, `check-${day}`);
  }

  // 6. The document among its own attachments.
  const attachmentsBlock = template.blocks.findIndex((b) => b.type === 'attachments');
  // «Заявление гражданина» attached to «Заявление гражданина в представительство», or a mark carrying this letter's own number.
  const ownTitle = norm(template.title.ru);
  const ownNumber = norm(model.outgoing.number);
  (inputs.attachments ?? []).forEach((a, i) => {
    const title = norm(a.title);
    const names = title === ownTitle || (title.length >= 8 && ownTitle.startsWith(title));
    if (names || (ownNumber.length > 3 && title.includes(ownNumber))) add('self_attachment', 'contradiction', attachmentsBlock >= 0 ? attachmentsBlock : null, { index: i + 1, title: a.title.trim() }, String(i));
  });

  // 7. A sheet count that disagrees with the attached file.
  (inputs.attachments ?? []).forEach((a, i) => {
    if (a.pages !== undefined && a.pages !== a.sheets) add('sheet_count', 'warning', attachmentsBlock >= 0 ? attachmentsBlock : null, { index: i + 1, title: a.title.trim(), sheets: a.sheets, pages: a.pages }, String(i));
  });

  // 8. An addressee without a field this document prints.
  if (inputs.addressee) {
    // Needed: a requisite, or printed without a condition on it (a line «if addressee.address» simply drops out).
    const conditioned = (field: string) => JSON.stringify(template.blocks).includes(`"addressee.${field}"`);
    const uses = (field: string) =>
      template.requisites.some((r) => r.path === `addressee.${field}`) ||
      (!conditioned(field) && template.blocks.some((b) => blockTexts(b).some((t) => t.text.includes(`{{addressee.${field}}}`))));
    const needed: Array<[string, string]> = [
      ['block', inputs.addressee.addresseeRu],
      ['noteBlock', inputs.addressee.noteAddresseeRu ?? ''],
      ['salutation', inputs.addressee.salutation],
      ['address', inputs.addressee.address],
    ];
    for (const [field, value] of needed) {
      if (uses(field) && value.trim() === '') add('addressee_field_missing', 'contradiction', null, { field, addressee: inputs.addressee.nameRu }, field);
    }
  }
  return out;
}

/** True when nothing refuses generation and every warning's key is acknowledged. */
export function consistencyAllows(findings: readonly ConsistencyFinding[], acknowledged: ReadonlySet<string>): boolean {
  return findings.every((f) => f.severity === 'warning' && acknowledged.has(f.key));
}
