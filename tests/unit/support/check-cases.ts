import type { DocumentInputs } from '../../../shared/documents/model';
import type { ConsistencyCode } from '../../../shared/documents/checks';
import type { DocumentTemplate, TemplateKind } from '../../../shared/documents/template-schema';
import { factoryTemplate, fixtureInputs } from './document-fixtures';

/**
 * Cases for the consistency checks (shared/documents/checks): the fixture case made consistent (`cleanInputs`:
 * registration for the whole contract, the listing learned and checked on the day the register began), and one
 * case per check that the review screen must flag. The samples tool renders them and lists their findings.
 */

export function cleanInputs(kind: TemplateKind): DocumentInputs {
  const base = fixtureInputs(kind);
  return {
    ...base,
    // Only spellings explained by transliteration; an unexplained one is the unconfirmed-spellings case.
    person: { ...base.person, otherSpellings: base.person.otherSpellings.filter((sp) => sp !== 'Усёнов Маназбек') },
    registrations: (base.registrations ?? []).map((r) => ({ ...r, to: '2026-04-11' })),
    employments: (base.employments ?? []).map((e) => ({ ...e, end: '2026-04-11' })),
    caseRecord: { ...base.caseRecord, learnedAt: '2025-02-05' },
    registerCheck: base.registerCheck ? { ...base.registerCheck, date: '2025-02-05' } : null,
    // The citizen's application does not list itself among its attachments.
    attachments: (base.attachments ?? []).filter((a) => kind !== 'citizen_application_mission' || a.title !== 'Заявление гражданина'),
  };
}

/** The template with one more paragraph after its salutation (or first paragraph): an edited template's text. */
export function withParagraph(template: DocumentTemplate, text: string): DocumentTemplate {
  const at = template.blocks.findIndex((b) => b.type === 'salutation' || b.type === 'paragraph') + 1;
  const block = { type: 'paragraph' as const, text, align: 'justify' as const, indent: true, bold: false, spaceBefore: 0 };
  return { ...template, blocks: [...template.blocks.slice(0, at), block, ...template.blocks.slice(at)] };
}

export interface CheckCase {
  name: string;
  code: ConsistencyCode;
  template: DocumentTemplate;
  inputs: DocumentInputs;
  /** Dates the check compares with the register's start, as the case would hold them. */
  learnedAt?: string;
  checkDates?: string[];
}

const letter = () => factoryTemplate('mission_letter_mvd');

export function checkCases(): CheckCase[] {
  const clean = cleanInputs('mission_letter_mvd');
  return [
    {
      name: 'lawful-stay-vs-gap',
      code: 'lawful_stay_vs_gap',
      // An edited letter keeping the old assertion, over a case whose registration ended before the contract did.
      template: withParagraph(letter(), 'Согласно документам, представленным заявителем, {{person.g.he}} находится на территории Российской Федерации на законных основаниях.'),
      inputs: fixtureInputs('mission_letter_mvd'),
      learnedAt: '2025-02-05',
    },
    {
      name: 'evidence-ended',
      code: 'evidence_ended',
      template: letter(),
      inputs: { ...clean, registrations: (clean.registrations ?? []).map((r) => ({ ...r, to: '2024-04-11' })), employments: (clean.employments ?? []).map((e) => ({ ...e, end: '2024-04-11' })) },
      learnedAt: '2025-02-05',
    },
    {
      name: 'kyrgyz-letters-claim',
      code: 'kyrgyz_letters_claim',
      template: withParagraph(letter(), 'Фамилия и имя заявителя записаны с использованием букв кыргызского алфавита, отсутствующих в русском алфавите.'),
      inputs: { ...clean, person: { ...clean.person, nameKy: { surname: 'Асанов', givenName: 'Бакыт', patronymic: 'Жумабекович' } } },
      learnedAt: '2025-02-05',
    },
    {
      name: 'unconfirmed-spellings',
      code: 'unconfirmed_spellings',
      template: factoryTemplate('name_spelling_certificate'),
      inputs: { ...cleanInputs('name_spelling_certificate'), person: fixtureInputs('name_spelling_certificate').person },
      learnedAt: '2025-02-05',
    },
    {
      name: 'date-before-register',
      code: 'date_before_register',
      template: letter(),
      inputs: { ...clean, caseRecord: { ...clean.caseRecord, learnedAt: '2025-01-20' } },
      learnedAt: '2025-01-20',
      checkDates: ['2025-01-21'],
    },
    {
      name: 'self-attachment',
      code: 'self_attachment',
      template: letter(),
      inputs: { ...clean, attachments: [...(clean.attachments ?? []), { title: 'Ходатайство представительства', sheets: 2, copies: 1 }] },
      learnedAt: '2025-02-05',
    },
    {
      name: 'sheet-count',
      code: 'sheet_count',
      template: letter(),
      inputs: { ...clean, attachments: [{ title: 'Копия паспорта AC 1234567', sheets: 1, copies: 1, pages: 3 }] },
      learnedAt: '2025-02-05',
    },
    {
      name: 'addressee-field-missing',
      code: 'addressee_field_missing',
      template: letter(),
      inputs: { ...clean, addressee: clean.addressee ? { ...clean.addressee, salutation: '' } : null },
      learnedAt: '2025-02-05',
    },
  ];
}
