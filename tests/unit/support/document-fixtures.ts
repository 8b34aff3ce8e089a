import path from 'node:path';
import { loadFactoryTemplates } from '../../../electron/main/pdf/templates/factory';
import type { Employment, IdentityDocument, Person, Registration, StayEntry } from '../../../shared/case/schema';
import { buildDocumentModel, type BatchCitizenInput, type DocumentInputs, type DocumentModel } from '../../../shared/documents/model';
import type { DocumentTemplate, TemplateKind } from '../../../shared/documents/template-schema';
import type { Addressee, ErrorCause } from '../../../shared/reference/schema';
import { causeForLetter } from '../../../shared/documents/arguments';
import { factoryBundle } from './reference-fixtures';

/**
 * One realistic case for every template: a Kyrgyz citizen whose names carry ң, ө, ү (Үсөнов Маңызбек), a
 * replaced ID card and a current passport, other spellings met in Russian records, two attachments; and for
 * the batch letter, 60 citizens so that its table runs over two pages.
 */

export const TEMPLATES_DIR = path.resolve(__dirname, '../../../resources/templates');
export const GENERATED_AT = new Date(2025, 1, 5, 10, 0);

let templates: DocumentTemplate[] | undefined;

/** The factory templates, validated; throws with the issues if any file is invalid. */
export function factoryTemplates(): DocumentTemplate[] {
  if (templates) return templates;
  const result = loadFactoryTemplates(TEMPLATES_DIR);
  if (!result.ok) throw new Error(`Factory templates are invalid: ${JSON.stringify(result.issues, null, 2)}`);
  templates = result.templates;
  return templates;
}

export function factoryTemplate(kind: TemplateKind): DocumentTemplate {
  const found = factoryTemplates().find((t) => t.kind === kind);
  if (!found) throw new Error(`No factory template of kind ${kind}`);
  return found;
}

export const MISSION = {
  nameRu: 'Посольство Кыргызской Республики в Российской Федерации',
  nameKy: 'Кыргыз Республикасынын Россия Федерациясындагы Элчилиги',
  address: '119017, г. Москва, ул. Большая Ордынка, д. 64',
  phones: '+7 (495) 237-48-82, +7 (495) 237-44-81',
  outgoingPrefix: 'КР-М',
};

export const CASEWORKER = {
  fullName: 'Асанова Гүлнара Бакытовна',
  position: 'Атташе консульского отдела',
  phone: '+7 (495) 237-48-83',
};

export const SIGNATORY = {
  position: 'Консул Посольства Кыргызской Республики в Российской Федерации',
  fullName: 'Токтогулов Бакыт Асанович',
};

export const PERSON: Person = {
  id: 'person-1',
  nameKy: { surname: 'Үсөнов', givenName: 'Маңызбек', patronymic: 'Жумабекович' },
  nameRu: { surname: 'Усенов', givenName: 'Манызбек', patronymic: 'Жумабекович' },
  nameLat: { surname: 'USONOV', givenName: 'MANGYZBEK', patronymic: '' },
  patronymicForm: 'patronymic',
  otherSpellings: ['Усенов Манызбек', 'USENOV MANYZBEK', 'Усёнов Маназбек'],
  sex: 'male',
  birthDate: { year: 1990, month: 3, day: 12 },
  placeOfBirth: 'с. Ак-Суу, Иссык-Кульская область',
  citizenship: 'KG',
  pin: '21203199000123',
  phones: ['+7 (916) 123-45-67'],
  email: '',
  ruPostalAddress: '109028, г. Москва, ул. Солянка, д. 1, кв. 5',
  kgAddress: 'Иссык-Кульская область, с. Ак-Суу, ул. Ленина, 12',
  preferredLanguage: 'ky',
  consentDate: '2025-02-03',
};

export const DOCUMENTS: IdentityDocument[] = [
  {
    id: 'doc-passport',
    type: 'passport_2023',
    series: 'AC',
    number: '1234567',
    issueDate: '2023-03-15',
    issuer: 'МКК 211011',
    expiryDate: '2033-03-15',
    status: 'current',
    usedForEntry: true,
  },
  {
    id: 'doc-id',
    type: 'id_card_2017',
    series: 'ID',
    number: '0456789',
    issueDate: '2017-06-01',
    issuer: 'МКК 211021',
    expiryDate: '2027-06-01',
    status: 'replaced',
    usedForEntry: true,
  },
];

const STAYS: StayEntry[] = [
  {
    id: 'stay-1',
    entryDate: '2023-04-10',
    checkpoint: 'Москва (Домодедово)',
    documentId: 'doc-passport',
    migrationCard: '4619 1234567',
    purpose: 'work',
    exitDate: undefined,
    exitRecorded: false,
  },
];

const REGISTRATIONS: Registration[] = [
  { id: 'reg-1', address: '109028, г. Москва, ул. Солянка, д. 1, кв. 5', host: 'ООО «СтройМонтаж»', from: '2023-04-12', to: '2024-04-11', how: 'mvd' },
];

const EMPLOYMENTS: Employment[] = [
  {
    id: 'emp-1',
    employer: 'ООО «СтройМонтаж»',
    employerInn: '7701234567',
    contractType: 'labour',
    contractNumber: '15/23',
    start: '2023-04-12',
    end: '2025-04-11',
    earlyTerminationDate: undefined,
    employerNotifiedDate: '2023-04-14',
  },
];

export const ATTACHMENTS = [
  { title: 'Заявление гражданина', sheets: 2, copies: 1, original: true },
  { title: 'Копия паспорта гражданина Кыргызской Республики AC 1234567', sheets: 1, copies: 1 },
];

function addressee(id: string): Addressee {
  const found = factoryBundle().addressees.find((a) => a.id === id);
  if (!found) throw new Error(`No addressee ${id}`);
  return found;
}

const GIVEN = ['Маңызбек', 'Айбек', 'Нурсултан', 'Бакыт', 'Эрмек', 'Төлөгөн', 'Үмүт', 'Жаңыл', 'Гүлзат', 'Сүйүн', 'Чыңгыз', 'Өмүрбек'];
const SURNAMES = ['Үсөнов', 'Токтогулов', 'Жээнбеков', 'Сыдыков', 'Өмүров', 'Касымов', 'Түлөбаев', 'Абдыкадыров', 'Мамытов', 'Бөкөнбаев'];

/** Kyrgyz letters rendered the way Russian records write them (ң → н, ө → о/е, ү → у). */
function russianSpelling(ky: string): string {
  return ky.replace(/ң/g, 'н').replace(/Ң/g, 'Н').replace(/ү/g, 'у').replace(/Ү/g, 'У').replace(/ө/g, 'е').replace(/Ө/g, 'О');
}

export function batchCitizens(count: number): BatchCitizenInput[] {
  return Array.from({ length: count }, (_, i) => {
    const surnameKy = SURNAMES[i % SURNAMES.length]!;
    const givenKy = GIVEN[(i * 7) % GIVEN.length]!;
    const patronymicKy = `${GIVEN[(i * 5 + 3) % GIVEN.length]!.replace(/ь$/, '')}ович`;
    return {
      person: {
        nameKy: { surname: surnameKy, givenName: givenKy, patronymic: patronymicKy },
        nameRu: { surname: russianSpelling(surnameKy), givenName: russianSpelling(givenKy), patronymic: russianSpelling(patronymicKy) },
        nameLat: { surname: '', givenName: '', patronymic: '' },
        birthDate: { year: 1975 + (i % 25), month: (i % 12) + 1, day: (i % 27) + 1 },
        pin: `2${String((i % 27) + 1).padStart(2, '0')}${String((i % 12) + 1).padStart(2, '0')}${1975 + (i % 25)}${String(10000 + i).slice(-5)}`,
      },
      document: { type: i % 3 === 0 ? 'id_card_2017' : 'passport_2020', series: i % 3 === 0 ? 'ID' : 'AC', number: String(2000000 + i * 137) },
    };
  });
}

/** The inputs every template shares; each kind adds or replaces what differs. */
export function baseInputs(): DocumentInputs {
  const bundle = factoryBundle();
  return {
    date: '2025-02-05',
    mission: MISSION,
    caseworker: CASEWORKER,
    signatory: SIGNATORY,
    person: PERSON,
    documents: DOCUMENTS,
    stays: STAYS,
    registrations: REGISTRATIONS,
    employments: EMPLOYMENTS,
    caseRecord: { number: 'М-2025-0042', region: 'г. Москва', learnedAt: '2025-01-20', learnedHow: 'bank', learnedNote: '', impacts: ['bank_block'] },
    addressee: addressee('uvm-77'),
    outgoing: { number: 'КР-М/2025-0147', date: '2025-02-05' },
    attachments: ATTACHMENTS,
    cause: causeOf(bundle.causes.find((c) => c.id === 'R-7')),
    // The checklist of R-7 as the case holds it: both documents on file, the listing check recorded.
    evidence: ['id_current', 'id_previous', 'register_check'],
    registerCheck: { date: '2025-01-21', document: 'ID 0456789' },
    legalRefs: bundle.legalRefs,
    spellingSources: { 'Усенов Манызбек': 'миграционная карта', 'USENOV MANYZBEK': 'авиабилет', 'Усёнов Маназбек': 'уведомление банка' },
    answerDue: '2025-03-10',
    // The mission's letter of 05.02.2025 runs the 30-day follow-up interval.
    expectedAnswer: { title: 'Ходатайство', titleKy: 'Өтүнүч кат', number: 'КР-М/2025-0147', date: '2025-02-05', due: '2025-03-07', appeal: false },
    sent: [
      {
        title: 'Ходатайство',
        titleKy: 'Өтүнүч кат',
        addressee: 'Управление по вопросам миграции ГУ МВД России по г. Москве',
        number: 'КР-М/2025-0147',
        date: '2025-02-05',
      },
      {
        title: 'Вербальная нота',
        titleKy: 'Вербалдык нота',
        addressee: 'МИД России (Консульский департамент)',
        number: 'КР-М/2025-0148',
        date: '2025-02-05',
      },
    ],
  };
}

export function fixtureInputs(kind: TemplateKind): DocumentInputs {
  const base = baseInputs();
  const previous = {
    number: 'КР-М/2025-0147',
    date: '2025-02-05',
    addressee: 'Управление по вопросам миграции ГУ МВД России по г. Москве',
    incomingNumber: '3/25-11873',
    incomingDate: '2025-02-10',
  };
  switch (kind) {
    case 'citizen_application_mission':
    case 'receipt':
    case 'citizen_memo':
      return { ...base, addressee: null, outgoing: null };
    case 'citizen_application_mvd':
      return { ...base, outgoing: null, attachments: [{ title: 'Копия паспорта гражданина Кыргызской Республики AC 1234567', sheets: 1, copies: 1 }] };
    case 'verbal_note_mfa':
      return { ...base, addressee: addressee('mfa-consular-department'), outgoing: { number: 'КР-М/2025-0148', date: '2025-02-05' } };
    case 'name_spelling_certificate':
      return { ...base, addressee: null, outgoing: { number: 'КР-М/2025-0149', date: '2025-02-05' } };
    case 'reminder':
      return { ...base, date: '2025-03-20', outgoing: { number: 'КР-М/2025-0201', date: '2025-03-20' }, previous, attachments: [{ title: 'Копия письма от 05.02.2025 № КР-М/2025-0147', sheets: 3, copies: 1 }] };
    case 'complaint_superior':
      return {
        ...base,
        date: '2025-04-15',
        addressee: addressee('mvd-citizenship-registration-service'),
        outgoing: { number: 'КР-М/2025-0263', date: '2025-04-15' },
        previous,
        attachments: [
          { title: 'Копия письма от 05.02.2025 № КР-М/2025-0147', sheets: 3, copies: 1 },
          { title: 'Копия напоминания от 20.03.2025 № КР-М/2025-0201', sheets: 1, copies: 1 },
        ],
      };
    case 'batch_list_letter':
      return { ...base, outgoing: { number: 'КР-М/2025-0150', date: '2025-02-05' }, citizens: batchCitizens(60), attachments: [] };
    case 'citizen_answer':
      return {
        ...base,
        date: '2025-03-03',
        addressee: null,
        outgoing: { number: 'КР-М/2025-0180', date: '2025-03-03' },
        attachments: [],
        appeal: {
          receivedOn: '2025-02-10',
          channel: 'email',
          request: 'сообщить, на каком этапе рассмотрение его заявления об исключении из реестра.',
          answeredOn: '2025-03-03',
          answerText: 'Ходатайство Посольства направлено в МВД России 05.02.2025; ответ ожидается.',
        },
      };
    default:
      return base;
  }
}

export function fixtureModel(kind: TemplateKind): DocumentModel {
  return buildDocumentModel(fixtureInputs(kind));
}

/** Document inputs as the page sends them over IPC: plain JSON. */
export function payloadInputs(inputs: DocumentInputs): unknown {
  return JSON.parse(JSON.stringify(inputs));
}

function causeOf(cause: ErrorCause | undefined): DocumentInputs['cause'] {
  return cause ? causeForLetter(cause) : null;
}
