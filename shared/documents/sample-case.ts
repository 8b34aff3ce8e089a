import type { IdentityDocument, Person } from '../case/schema';
import type { Addressee, ReferenceBundle } from '../reference/schema';
import type { CaseworkerProfile, MissionSettings } from '../settings/schema';
import type { BatchCitizenInput, DocumentInputs } from './model';
import { causeForLetter } from './arguments';
import type { TemplateKind } from './template-schema';

/**
 * The built-in sample case the template editor previews with: a fictional citizen whose names carry ң, ө, ү,
 * a replaced ID card and a current passport, spellings met in Russian records, attachments, an earlier letter
 * and its registration, so that every block of every factory template has something to print. The mission
 * and caseworker are the user's own when given (the preview then looks like their letters).
 */

export const SAMPLE_MISSION: MissionSettings = {
  nameRu: 'Посольство Кыргызской Республики в Российской Федерации',
  nameKy: 'Кыргыз Республикасынын Россия Федерациясындагы Элчилиги',
  address: '119017, г. Москва, ул. Большая Ордынка, д. 64',
  phones: '+7 (495) 000-00-00',
  outgoingPrefix: 'КР-М',
};

export const SAMPLE_CASEWORKER: CaseworkerProfile = {
  fullName: 'Сатыбалдиева Айгүл Өмүрбековна',
  position: 'Атташе консульского отдела',
  phone: '+7 (495) 000-00-01',
};

const PERSON: Person = {
  id: 'sample-person',
  nameKy: { surname: 'Төлөгөнов', givenName: 'Чыңгыз', patronymic: 'Үмүтбекович' },
  nameRu: { surname: 'Толегенов', givenName: 'Чынгыз', patronymic: 'Умутбекович' },
  nameLat: { surname: 'TOLOGONOV', givenName: 'CHYNGYZ', patronymic: '' },
  patronymicForm: 'patronymic',
  otherSpellings: ['Тологонов Чингиз', 'TOLEGENOV CHINGIZ'],
  sex: 'male',
  birthDate: { year: 1992, month: 7, day: 4 },
  placeOfBirth: 'г. Нарын, Нарынская область',
  citizenship: 'KG',
  pin: '20407199200456',
  phones: ['+7 (900) 000-00-02'],
  email: '',
  ruPostalAddress: '190000, г. Санкт-Петербург, ул. Примерная, д. 7, кв. 3',
  kgAddress: 'Нарынская область, г. Нарын, ул. Ленина, 1',
  preferredLanguage: 'ky',
  consentDate: '2026-01-12',
};

const DOCUMENTS: IdentityDocument[] = [
  { id: 'sample-passport', type: 'passport_2023', series: 'AC', number: '7654321', issueDate: '2023-09-01', issuer: 'МКК 211041', expiryDate: '2033-09-01', status: 'current', usedForEntry: true },
  { id: 'sample-id', type: 'id_card_2017', series: 'ID', number: '0123987', issueDate: '2018-02-15', issuer: 'МКК 211041', expiryDate: '2028-02-15', status: 'replaced', usedForEntry: true },
];

const GIVEN = ['Чыңгыз', 'Айбек', 'Төлөгөн', 'Үмүт', 'Жаңыл', 'Гүлзат', 'Сүйүн', 'Өмүрбек'];
const SURNAMES = ['Төлөгөнов', 'Жээнбеков', 'Өмүров', 'Касымов', 'Түлөбаев', 'Бөкөнбаев'];
const russian = (ky: string) => ky.replace(/ң/g, 'н').replace(/ү/g, 'у').replace(/Ү/g, 'У').replace(/ө/g, 'е').replace(/Ө/g, 'О');

function citizens(count: number): BatchCitizenInput[] {
  return Array.from({ length: count }, (_, i) => {
    const surname = SURNAMES[i % SURNAMES.length]!;
    const given = GIVEN[(i * 3) % GIVEN.length]!;
    return {
      person: {
        nameKy: { surname, givenName: given, patronymic: '' },
        nameRu: { surname: russian(surname), givenName: russian(given), patronymic: '' },
        nameLat: { surname: '', givenName: '', patronymic: '' },
        birthDate: { year: 1980 + (i % 20), month: (i % 12) + 1, day: (i % 27) + 1 },
        pin: `2${String((i % 27) + 1).padStart(2, '0')}${String((i % 12) + 1).padStart(2, '0')}${1980 + (i % 20)}${String(20000 + i).slice(-5)}`,
      },
      document: { type: 'passport_2020', series: 'AC', number: String(3000000 + i * 211) },
    };
  });
}

function addressee(bundle: Pick<ReferenceBundle, 'addressees'>, kinds: readonly string[]): Addressee | null {
  for (const kind of kinds) {
    const found = bundle.addressees.find((a) => a.kind === kind);
    if (found) return found;
  }
  return bundle.addressees[0] ?? null;
}

export interface SampleOptions {
  mission?: MissionSettings | null;
  caseworker?: CaseworkerProfile | null;
}

/** The sample case's inputs for a template kind (the kind decides the addressee, numbers and attachments). */
export function sampleInputs(kind: TemplateKind, reference: Pick<ReferenceBundle, 'addressees' | 'causes' | 'legalRefs'>, options: SampleOptions = {}): DocumentInputs {
  const mission = options.mission ?? SAMPLE_MISSION;
  const prefix = mission.outgoingPrefix || SAMPLE_MISSION.outgoingPrefix;
  const mvd = addressee(reference, ['mvd_regional']);
  const previous = { number: `${prefix}/2026-0011`, date: '2026-01-15', addressee: mvd?.nameRu ?? '', incomingNumber: '3/26-00417', incomingDate: '2026-01-20' };
  const base: DocumentInputs = {
    date: '2026-01-15',
    mission,
    caseworker: options.caseworker ?? SAMPLE_CASEWORKER,
    signatory: { position: 'Консул', fullName: 'Абдылдаев Нурбек Жолдошевич' },
    person: PERSON,
    documents: DOCUMENTS,
    stays: [{ id: 'sample-stay', entryDate: '2024-03-02', checkpoint: 'Санкт-Петербург (Пулково)', documentId: 'sample-passport', migrationCard: '4020 7654321', purpose: 'work', exitDate: undefined, exitRecorded: false }],
    registrations: [{ id: 'sample-reg', address: PERSON.ruPostalAddress, host: 'ООО «Пример»', from: '2024-03-04', to: '2025-03-03', how: 'mvd' }],
    employments: [],
    caseRecord: { number: 'М-2026-0007', region: 'г. Санкт-Петербург', learnedAt: '2026-01-08', learnedHow: 'bank', learnedNote: '', impacts: ['bank_block'] },
    addressee: mvd,
    outgoing: { number: `${prefix}/2026-0011`, date: '2026-01-15' },
    attachments: [
      { title: 'Заявление гражданина', sheets: 2, copies: 1, original: true },
      { title: 'Копия паспорта гражданина Кыргызской Республики AC 7654321', sheets: 1, copies: 1 },
    ],
    cause: reference.causes[0] ? causeForLetter(reference.causes[0]) : null,
    registerCheck: { date: '2026-01-09', document: 'ID 0123987' },
    legalRefs: reference.legalRefs,
    spellingSources: { 'Тологонов Чингиз': 'миграционная карта', 'TOLEGENOV CHINGIZ': 'авиабилет' },
    answerDue: '2026-02-16',
    expectedAnswer: { title: 'Ходатайство', titleKy: 'Өтүнүч кат', number: `${prefix}/2026-0011`, date: '2026-01-15', due: '2026-02-16', appeal: false },
    sent: [{ title: 'Ходатайство', titleKy: 'Өтүнүч кат', addressee: mvd?.nameRu ?? '', number: `${prefix}/2026-0011`, date: '2026-01-15' }],
  };
  switch (kind) {
    case 'citizen_application_mission':
    case 'receipt':
    case 'citizen_memo':
      return { ...base, addressee: null, outgoing: null };
    case 'citizen_application_mvd':
      return { ...base, outgoing: null, attachments: [base.attachments![1]!] };
    case 'verbal_note_mfa':
      return { ...base, addressee: addressee(reference, ['mfa']), outgoing: { number: `${prefix}/2026-0012`, date: '2026-01-15' } };
    case 'name_spelling_certificate':
      return { ...base, addressee: null };
    case 'reminder':
      return { ...base, date: '2026-02-20', outgoing: { number: `${prefix}/2026-0040`, date: '2026-02-20' }, previous };
    case 'complaint_superior':
      return { ...base, date: '2026-03-10', addressee: addressee(reference, ['mvd_federal']), outgoing: { number: `${prefix}/2026-0055`, date: '2026-03-10' }, previous };
    case 'batch_list_letter':
      return { ...base, citizens: citizens(30), attachments: [] };
    case 'citizen_answer':
      return {
        ...base,
        date: '2026-02-02',
        addressee: null,
        outgoing: { number: `${prefix}/2026-0031`, date: '2026-02-02' },
        attachments: [],
        appeal: {
          receivedOn: '2026-01-12',
          channel: 'post',
          request: 'выяснить, почему сведения о заявителе включены в реестр контролируемых лиц, и оказать содействие в их исключении.',
          answeredOn: '2026-02-02',
          answerText: 'Сообщаем, что по Вашему обращению Посольство направило ходатайство в Управление по вопросам миграции ГУ МВД России по г. Санкт-Петербургу и Ленинградской области. О результатах рассмотрения Вам будет сообщено дополнительно.',
        },
      };
    default:
      return base;
  }
}
