import { formatDate, isValidIsoDate } from '../case/dates';
import type { DocumentStatus, DocumentType, Impact, LearnedHow, Sex, StayPurpose } from '../case/schema';
import { isPatronymicParticle } from '../names';
import type { SentKind } from '../deadlines/facts';

/**
 * The bits of Russian official style the merge model needs: dates in words, «Фамилия И.О.» and «И.О. Фамилия»,
 * the genitive of a mission's and an act's name, and the words that agree with the person's sex. Templates are
 * written so that a person's name always stands in the nominative (after a colon, as a subject, in parentheses):
 * Kyrgyz names are not declined by machine, a wrong ending on an official letter is worse than none.
 */

const MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** dd.mm.yyyy, or '' for an empty or invalid value (a missing date is a missing requisite, never «NaN»). */
export function dateRu(iso: string | null | undefined): string {
  return isValidIsoDate(iso) ? formatDate(iso) : '';
}

/** «5 февраля 2025 года», as a note writes its date. */
export function dateWordsRu(iso: string | null | undefined): string {
  if (!isValidIsoDate(iso)) return '';
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS_GENITIVE[month - 1]} ${year} года`;
}

function words(text: string): string[] {
  return text.trim().split(/\s+/u).filter(Boolean);
}

function initial(word: string): string {
  const first = [...word.replace(/^[^\p{L}]+/u, '')][0];
  return first ? `${first.toUpperCase()}.` : '';
}

/** Initials of the given name and patronymic; a patronymic in «уулу/кызы» form gives the father's initial. */
function initialsOfParts(given: string, patronymic: string): string {
  const tokens = [...words(given), ...words(patronymic)].filter((w) => !isPatronymicParticle(w));
  return tokens.map(initial).join('');
}

export interface NameForms {
  /** «Фамилия И.О.» (lists, the applicant's own signature). */
  short: string;
  /** «И.О. Фамилия» (signature blocks, ГОСТ Р 7.0.97). */
  sign: string;
}

export function nameForms(surname: string, given: string, patronymic: string): NameForms {
  const s = surname.trim();
  const initials = initialsOfParts(given, patronymic);
  if (s === '') return { short: initials, sign: initials };
  return { short: initials ? `${s} ${initials}` : s, sign: initials ? `${initials} ${s}` : s };
}

/** Name forms of a full name written «Фамилия Имя Отчество» in one string (settings hold names that way). */
export function nameFormsOfFull(fullName: string): NameForms {
  const [surname = '', ...rest] = words(fullName);
  return nameForms(surname, rest.join(' '), '');
}

// ---------------------------------------------------------------- genitive of names of bodies and acts

const GENITIVE_WORDS: Record<string, string> = {
  посольство: 'посольства',
  генеральное: 'генерального',
  почётное: 'почётного',
  почетное: 'почетного',
  консульство: 'консульства',
  консульский: 'консульского',
  отдел: 'отдела',
  представительство: 'представительства',
  канцелярия: 'канцелярии',
};

function keepCase(model: string, word: string): string {
  return model[0] === model[0]!.toUpperCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/**
 * A Kyrgyz mission's name split at «Кыргызской Республики»: the head noun phrase («Посольство», «Генеральное
 * консульство») and its genitive. Unknown head words leave the genitive equal to the nominative (`known` false).
 */
export function missionNameForms(nameRu: string): { short: string; shortGen: string; nameGen: string; known: boolean } {
  const name = nameRu.trim().replace(/\s+/gu, ' ');
  const at = name.indexOf(' Кыргызской Республики');
  const head = at > 0 ? name.slice(0, at) : name;
  const tail = at > 0 ? name.slice(at) : '';
  let known = head !== '';
  const headGen = words(head)
    .map((w) => {
      const gen = GENITIVE_WORDS[w.toLowerCase()];
      if (gen === undefined) known = false;
      return gen === undefined ? w : keepCase(w, gen);
    })
    .join(' ');
  return { short: head, shortGen: known ? headGen : head, nameGen: known ? `${headGen}${tail}` : name, known };
}

const ACT_GENITIVE: Array<[string, string]> = [
  ['Федеральный закон', 'Федерального закона'],
  ['Федеральный конституционный закон', 'Федерального конституционного закона'],
  ['Постановление', 'Постановления'],
  ['Указ', 'Указа'],
  ['Приказ', 'Приказа'],
  ['Распоряжение', 'Распоряжения'],
  ['Кодекс', 'Кодекса'],
  ['Трудовой кодекс', 'Трудового кодекса'],
  ['Гражданский кодекс', 'Гражданского кодекса'],
  ['Налоговый кодекс', 'Налогового кодекса'],
  ['Договор', 'Договора'],
  ['Соглашение', 'Соглашения'],
  ['Венская конвенция', 'Венской конвенции'],
  ['Конвенция', 'Конвенции'],
];

/** The act's name in the genitive («Федерального закона от …»), or null when its first words are not known. */
export function actGenitive(act: string): string | null {
  const name = act.trim();
  // Longest prefix first: «Трудовой кодекс» before «Кодекс» would not match anyway, but «Федеральный конституционный закон» must win.
  const match = [...ACT_GENITIVE].sort((a, b) => b[0].length - a[0].length).find(([nominative]) => name === nominative || name.startsWith(`${nominative} `));
  return match ? match[1] + name.slice(match[0].length) : null;
}

/** «ст. 12 Федерального закона от 02.05.2006 № 59-ФЗ «…»»; falls back to «<act>, ст. 12» when the act is not known. */
export function citeRu(act: string, article: string): string {
  const gen = actGenitive(act);
  const art = article.trim();
  if (gen === null) return art ? `${act.trim()}, ${art}` : act.trim();
  return art ? `${art} ${gen}` : gen;
}

// ---------------------------------------------------------------- words agreeing with the person's sex

export interface PersonWords {
  citizen: string;
  citizenGen: string;
  citizenDat: string;
  citizenPrep: string;
  he: string;
  aboutHim: string;
  applied: string;
  learned: string;
  /** The salutation's adjective: «Уважаемый» / «Уважаемая». */
  dear: string;
}

const MALE: PersonWords = {
  citizen: 'гражданин',
  citizenGen: 'гражданина',
  citizenDat: 'гражданину',
  citizenPrep: 'гражданине',
  he: 'он',
  aboutHim: 'о нём',
  applied: 'обратился',
  learned: 'узнал',
  dear: 'Уважаемый',
};
const FEMALE: PersonWords = {
  citizen: 'гражданка',
  citizenGen: 'гражданки',
  citizenDat: 'гражданке',
  citizenPrep: 'гражданке',
  he: 'она',
  aboutHim: 'о ней',
  applied: 'обратилась',
  learned: 'узнала',
  dear: 'Уважаемая',
};

export function personWords(sex: Sex): PersonWords {
  return sex === 'female' ? FEMALE : MALE;
}

// ---------------------------------------------------------------- vocabularies

export const DOCUMENT_TYPE_RU: Record<DocumentType, { long: string; short: string }> = {
  id_card_2017: { long: 'паспорт гражданина Кыргызской Республики (ID-карта) образца 2017 года', short: 'ID-карта' },
  id_card_2024: { long: 'паспорт гражданина Кыргызской Республики (ID-карта) образца 2024 года', short: 'ID-карта' },
  // The 2004 sample is the internal passport (domain brief §5.4); the общегражданский (travel) passport starts in 2006.
  passport_2004: { long: 'паспорт гражданина Кыргызской Республики образца 2004 года', short: 'паспорт' },
  passport_2006: { long: 'общегражданский паспорт гражданина Кыргызской Республики образца 2006 года', short: 'паспорт' },
  passport_2020: { long: 'общегражданский паспорт гражданина Кыргызской Республики образца 2020 года', short: 'паспорт' },
  passport_2023: { long: 'общегражданский паспорт гражданина Кыргызской Республики образца 2023 года', short: 'паспорт' },
  return_certificate: { long: 'свидетельство на возвращение в Кыргызскую Республику', short: 'свидетельство на возвращение' },
  other: { long: 'документ, удостоверяющий личность', short: 'документ' },
};

export const DOCUMENT_STATUS_RU: Record<DocumentStatus, string> = {
  current: 'действующий',
  replaced: 'заменён',
  lost: 'утрачен',
};

/** The status agreeing with the document's short name: «ID-карта (заменена)», «паспорт (заменён)». */
const DOCUMENT_STATUS_FEMININE_RU: Record<DocumentStatus, string> = {
  current: 'действующая',
  replaced: 'заменена',
  lost: 'утрачена',
};

export function documentStatusRu(type: DocumentType, status: DocumentStatus): string {
  return type === 'id_card_2017' || type === 'id_card_2024' ? DOCUMENT_STATUS_FEMININE_RU[status] : DOCUMENT_STATUS_RU[status];
}

export const PURPOSE_RU: Record<StayPurpose, string> = {
  work: 'работа',
  private: 'частная',
  study: 'учёба',
  transit: 'транзит',
  other: 'иная',
};

/** How the person learned of the listing, as an adverbial phrase: «… стало известно <phrase>». */
export const LEARNED_HOW_RU: Record<LearnedHow, string> = {
  bank: 'из сообщения банка',
  police: 'от сотрудников полиции',
  employer: 'от работодателя',
  check: 'в результате проверки на официальном сайте МВД России',
  other: 'из иных источников',
};

export const IMPACT_RU: Record<Impact, string> = {
  bank_block: 'блокировка банковского счёта',
  dismissal: 'увольнение с работы',
  detention: 'задержание',
  entry_refused: 'отказ во въезде',
  other: 'иные ограничения',
};

/** An outgoing item's kind in Russian, for a letter the register does not hold (recorded by hand). */
export const SENT_KIND_RU: Record<SentKind, string> = {
  citizen_application: 'Заявление гражданина',
  citizen_complaint: 'Жалоба гражданина',
  mission_letter: 'Письмо представительства',
  verbal_note: 'Вербальная нота',
  cover_letter: 'Сопроводительное письмо',
  reminder: 'Напоминание',
  complaint_superior: 'Жалоба в вышестоящий орган',
  complaint_prosecutor: 'Жалоба в прокуратуру',
  court_claim: 'Административное исковое заявление',
};
