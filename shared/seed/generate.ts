import { addDays, addYears, daysInMonth, formatDate, fromDayNumber, isoFromParts, toDayNumber } from '../case/dates';
import {
  type AminaStatus,
  type CaseStatus,
  type DocumentType,
  type Employment,
  type IdentityDocument,
  type Impact,
  type IntakeForm,
  type LearnedHow,
  type Outcome,
  type PartialDate,
  type PersonName,
  type Registration,
  type StatusChange,
  type StayEntry,
  type StayPurpose,
} from '../case/schema';
import { RUSSIAN_REGIONS } from '../reference/regions';
import {
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  SURNAME_ROOTS,
  latinSpelling,
  particleFor,
  patronymicFrom,
  russianSpelling,
  surnameFrom,
  titleCase,
  type LatinStyle,
  type RussianStyle,
  type SexCode,
} from './names';
import { mixSeed, mulberry32, type Random } from './random';

/**
 * Realistic synthetic cases for load tests, demos and the search benchmark. Pure and deterministic: case
 * `i` of seed `s` is always the same (each case draws from its own PRNG seeded with (s, i)), so any slice
 * can be generated on its own and chunks never depend on each other. Every case is a valid intake
 * (`checkIntake` accepts it); the only findings are the warnings real data has and a few planted on
 * purpose: ~3 % ПИН inconsistent with sex or birth date, registration gaps, the odd expired document.
 */

export interface SeedOptions {
  /** The day the data is "as of": nothing is dated later. A fixed default keeps a seed reproducible. */
  today?: string;
  missionId?: string;
  /** Caseworkers the cases are spread over (Russian spelling, as on letters). */
  caseworkers?: readonly string[];
  /** Cases are created from this day up to `today`, evenly, in index order. */
  firstIntake?: string;
}

/** One synthetic case: the intake form plus what happened to it since. */
export interface SeedCase {
  caseId: string;
  form: IntakeForm;
  /** ISO date-time; increases with the index, so case numbers come out in intake order. */
  createdAt: string;
  /** Oldest first; starts with «intake» at `createdAt`. */
  statusHistory: StatusChange[];
  outcome?: Outcome;
}

export const DEFAULT_SEED_TODAY = '2026-11-01';
/** The register started on 5 February 2025; people learned of it from then on. */
const REGISTER_START = '2025-02-05';
const DEFAULT_FIRST_INTAKE = '2025-02-10';

export const DEFAULT_CASEWORKERS: readonly string[] = [
  'Токтогулов Нурлан Асанович',
  'Абдыкеримова Айгуль Маратовна',
  'Сатыбалдиев Эрлан Кубанычбекович',
  'Осмонова Жылдыз Бакытовна',
  'Исаков Марат Тологонович',
  'Жумабаева Мээрим Эрмековна',
];

// ------------------------------------------------------------------ reference lists

const REGION_WEIGHTS: readonly (readonly [string, number])[] = (() => {
  const heavy: Record<string, number> = {
    'г. Москва': 38,
    'Московская область': 20,
    'г. Санкт-Петербург': 6,
    'Ленинградская область': 1.5,
    'Свердловская область': 2.5,
    'Новосибирская область': 2.5,
    'Республика Татарстан': 1.5,
    'Краснодарский край': 1.5,
    'Иркутская область': 1.5,
    'Красноярский край': 1.2,
    'Тюменская область': 1,
    'Ханты-Мансийский автономный округ — Югра': 1,
    'Калужская область': 0.8,
  };
  return RUSSIAN_REGIONS.map((region) => [region, heavy[region] ?? 0.22] as const);
})();

const MOSCOW_REGION_TOWNS = ['Балашиха', 'Подольск', 'Химки', 'Мытищи', 'Люберцы', 'Королёв', 'Красногорск', 'Одинцово', 'Домодедово', 'Видное'];
const STREETS = [
  'ул. Ленина', 'ул. Садовая', 'ул. Мира', 'ул. Гагарина', 'ул. Советская', 'Профсоюзная ул.', 'ул. Заводская',
  'ул. Центральная', 'ул. Молодёжная', 'ул. Школьная', 'ул. Лесная', 'ул. Строителей', 'Набережная ул.', 'ул. Победы',
];
const KG_PLACES = [
  'г. Бишкек', 'г. Ош', 'Ошская обл., Кара-Суйский р-н', 'Ошская обл., Ноокатский р-н', 'Ошская обл., Узгенский р-н',
  'Жалал-Абадская обл., г. Жалал-Абад', 'Жалал-Абадская обл., Аксыйский р-н', 'Баткенская обл., г. Баткен',
  'Баткенская обл., г. Кызыл-Кия', 'Нарынская обл., г. Нарын', 'Иссык-Кульская обл., г. Каракол',
  'Таласская обл., г. Талас', 'Чуйская обл., г. Токмок', 'Чуйская обл., Сокулукский р-н',
];
const KG_STREETS = ['ул. Курманжан Датка', 'ул. Манаса', 'ул. Токтогула', 'ул. Ибраимова', 'ул. Масалиева', 'ул. Ленина', 'ул. Исанова'];
const AIRPORTS_MOSCOW = ['Домодедово', 'Шереметьево', 'Внуково', 'Жуковский'];
const OTHER_CHECKPOINTS = ['Пулково', 'Кольцово', 'Толмачёво', 'Курумоч', 'Казань', 'Уфа', 'Рощино', 'Емельяново', 'МАПП Маштаково', 'МАПП Орск', 'МАПП Сагарчин', 'МАПП Петухово'];
const COMPANY_HEADS = ['Строй', 'Транс', 'Логистик', 'Агро', 'Клин', 'Текс', 'Маркет', 'Сервис', 'Пром', 'Торг', 'Фуд', 'Авто', 'Монолит', 'Север'];
const COMPANY_TAILS = ['Инвест', 'Сервис', 'Плюс', 'Групп', 'Альянс', 'Проект', 'Центр', 'Лайн', 'Трейд', 'Мастер'];
const RU_SURNAMES = ['Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Попов', 'Соколов', 'Волков', 'Морозов', 'Новиков', 'Фёдоров'];
const RU_INITIALS = ['А. В.', 'С. П.', 'Т. Н.', 'Е. А.', 'О. И.', 'Н. Г.', 'В. М.'];

const LEARNED: readonly (readonly [LearnedHow, number])[] = [['bank', 45], ['check', 20], ['employer', 15], ['police', 10], ['other', 10]];
const LEARNED_NOTES: Record<LearnedHow, readonly string[]> = {
  bank: ['Банк заблокировал карту', 'Сбербанк отказал в переводе', 'Банк сообщил о включении в реестр контролируемых лиц'],
  check: ['Проверил себя на сайте МВД', 'Проверка на Госуслугах', 'Проверка по номеру паспорта'],
  employer: ['Работодатель отказал в продлении договора', 'Уволили после проверки', 'Отдел кадров сообщил о реестре'],
  police: ['Задержан при проверке документов', 'Сотрудник полиции сообщил при проверке'],
  other: ['Узнал от знакомых', 'Не смог купить билет', 'Отказ в регистрации брака'],
};
const IMPACT_OF: Record<LearnedHow, Impact> = { bank: 'bank_block', employer: 'dismissal', police: 'detention', check: 'other', other: 'other' };

const STATUS_TARGETS: readonly (readonly [CaseStatus, number])[] = [
  ['intake', 12], ['checking', 14], ['collecting_evidence', 14], ['requests_sent', 14], ['awaiting_answer', 18],
  ['excluded', 12], ['refused', 5], ['left_russia', 6], ['closed', 5],
];
const STATUS_NOTES: Partial<Record<CaseStatus, readonly string[]>> = {
  checking: ['Проверка по реестру', 'Сверка документов', ''],
  collecting_evidence: ['Запрошены копии договора и регистрации', 'Ждём уведомление работодателя', ''],
  requests_sent: ['Запрос направлен в МВД через МИД России', 'Обращение в УВМ по месту пребывания'],
  awaiting_answer: ['Ожидаем ответ', ''],
  excluded: ['Исключён из реестра, проверено на сайте МВД', 'Получен ответ: данные исключены'],
  refused: ['Получен отказ: основания для включения подтверждены'],
  left_russia: ['Выехал из России', 'Выехал, въезд не запрещён'],
  closed: ['Закрыто по заявлению', 'Статус урегулирован, дело закрыто'],
};
const WORKFLOW: readonly CaseStatus[] = ['intake', 'checking', 'collecting_evidence', 'requests_sent', 'awaiting_answer'];

// ------------------------------------------------------------------ helpers

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => toDayNumber(iso);
const randomDate = (r: Random, from: string, to: string) => fromDayNumber(r.int(dayOf(from), Math.max(dayOf(from), dayOf(to))));
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);
const digits = (r: Random, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Bijection on [0, modulus) for a multiplier coprime to the modulus: unique numbers without bookkeeping. */
const permute = (slot: number, multiplier: number, offset: number, modulus: number) => (((slot % modulus) * multiplier + offset) % modulus + modulus) % modulus;

const DOC_NUMBER_SPACE = 9_000_000; // 1000000..9999999
const DOC_MULTIPLIER = 7919; // prime, coprime to 2, 3 and 5
const PIN_SERIAL_SPACE = 100_000;

/** Person ids of one seed start with this, so a seed's cases can be recognised in a database. */
export const seedIdPrefix = (seed: number) => `s${seed >>> 0}-`;
export const seedPersonId = (seed: number, index: number) => `${seedIdPrefix(seed)}${index}`;

function companyName(r: Random): { name: string; inn: string } {
  if (r.chance(0.12)) return { name: `ИП ${r.pick(RU_SURNAMES)} ${r.pick(RU_INITIALS)}`, inn: digits(r, 12) };
  const form = r.weighted([['ООО', 8], ['АО', 1], ['ПАО', 0.3]] as const);
  return { name: `${form} «${r.pick(COMPANY_HEADS)}${r.pick(COMPANY_TAILS)}»`, inn: digits(r, 10) };
}

function russianAddress(r: Random, region: string): string {
  const rest = `${r.pick(STREETS)}, д. ${r.int(1, 180)}${r.chance(0.7) ? `, кв. ${r.int(1, 320)}` : ''}`;
  if (region === 'г. Москва' || region === 'г. Санкт-Петербург') return `${region}, ${rest}`;
  if (region === 'Московская область') return `${region}, г. ${r.pick(MOSCOW_REGION_TOWNS)}, ${rest}`;
  return `${region}, ${rest}`;
}

// ------------------------------------------------------------------ the person

interface NameSet {
  ky: PersonName;
  ru: PersonName;
  lat: PersonName;
  form: IntakeForm['person']['patronymicForm'];
  other: string[];
}

function latinStyle(r: Random): LatinStyle {
  return {
    zh: r.weighted([['ZH', 70], ['J', 20], ['DZH', 10]] as const),
    y: r.chance(0.6) ? 'Y' : 'I',
    ng: r.chance(0.7) ? 'NG' : 'N',
    ou: r.chance(0.85) ? 'plain' : 'e',
    j: r.chance(0.55) ? 'I' : 'Y',
    kh: r.chance(0.8) ? 'KH' : 'H',
    ye: r.chance(0.3),
    iot: r.chance(0.85) ? 'Y' : 'I',
  };
}

function russianStyle(r: Random): RussianStyle {
  return { dzh: r.chance(0.15), oAsE: r.chance(0.7), yAsI: r.chance(0.08) };
}

function names(r: Random, sex: SexCode): NameSet {
  const given = r.pick(sex === 'male' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
  const father = r.chance(0.5) ? r.pick(MALE_GIVEN_NAMES) : r.pick(SURNAME_ROOTS);
  const form = r.weighted([['patronymic', 72], ['uulu_kyzy', 20], ['none', 8]] as const);
  const ruStyle = russianStyle(r);
  const latStyle = latinStyle(r);
  const ru = (s: string) => russianSpelling(s, ruStyle);
  const lat = (s: string) => latinSpelling(s, latStyle);

  let ky: PersonName;
  let latName: PersonName;
  if (form === 'uulu_kyzy') {
    // «Асанбек уулу Нурлан»: the father's name stands where a surname would, the particle after it.
    const particle = particleFor(sex);
    ky = { surname: father, givenName: given, patronymic: particle };
    latName = { surname: `${lat(father)} ${lat(particle)}`, givenName: lat(given), patronymic: '' };
  } else {
    const surname = surnameFrom(r.pick(SURNAME_ROOTS), sex);
    const patronymic = form === 'patronymic' ? patronymicFrom(father, sex) : '';
    ky = { surname, givenName: given, patronymic };
    // Passports often leave the patronymic out of the Latin line.
    latName = { surname: lat(surname), givenName: lat(given), patronymic: patronymic && r.chance(0.4) ? lat(patronymic) : '' };
  }
  const ruName: PersonName = { surname: ru(ky.surname), givenName: ru(ky.givenName), patronymic: ru(ky.patronymic) };

  const other: string[] = [];
  if (r.chance(0.35)) {
    // What other papers had: the other Russian choice for ж/ө, another passport's Latin, a hand-typed form.
    const altRu = { ...ruStyle, dzh: !ruStyle.dzh, oAsE: !ruStyle.oAsE };
    const altLat: LatinStyle = { ...latStyle, zh: latStyle.zh === 'ZH' ? 'J' : 'ZH', y: latStyle.y === 'Y' ? 'I' : 'Y', ou: r.chance(0.5) ? 'umlaut' : 'e' };
    const full = (n: PersonName, f: (s: string) => string) => [n.surname, n.givenName].map(f).join(' ');
    const candidates = [
      full(ky, (s) => russianSpelling(s, altRu)),
      full(ky, (s) => latinSpelling(s, altLat)),
      titleCase(full(ky, (s) => latinSpelling(s, altLat))),
    ];
    const seen = new Set([full(ruName, (s) => s), full(latName, (s) => s)]);
    for (const c of candidates) {
      if (other.length >= r.int(1, 2)) break;
      if (!seen.has(c) && r.chance(0.7)) {
        seen.add(c);
        other.push(c);
      }
    }
  }
  return { ky, ru: ruName, lat: latName, form, other };
}

function birthDate(r: Random): { partial: PartialDate; full: string } {
  // Bell-shaped, leaning young: most people who work in Russia were born in the 1980s–2000s.
  const u = Math.pow((r.next() + r.next() + r.next()) / 3, 0.7);
  const year = Math.min(2006, 1960 + Math.floor(u * 47));
  const month = r.int(1, 12);
  const day = r.int(1, daysInMonth(year, month));
  const full = isoFromParts(year, month, day);
  // A few documents give only month and year.
  return { partial: r.chance(0.02) ? { year, month } : { year, month, day }, full };
}

/** ПИН: sex digit (1 female, 2 male) + DDMMYYYY + 5 digits; a few deliberately disagree with the form. */
function pinFor(r: Random, seed: number, index: number, sex: SexCode, full: string): string {
  let sexDigit = sex === 'female' ? '1' : '2';
  let [y, m, d] = full.split('-').map(Number) as [number, number, number];
  const inconsistent = r.chance(0.03);
  if (inconsistent) {
    if (r.chance(0.5)) sexDigit = sexDigit === '1' ? '2' : '1';
    else if (d <= 12 && d !== m) [d, m] = [m, d];
    else y += r.chance(0.5) ? 1 : -1;
    d = Math.min(d, daysInMonth(y, m));
  }
  const serial = permute(index, DOC_MULTIPLIER, mixSeed(seed, 0x5e41a1) % PIN_SERIAL_SPACE, PIN_SERIAL_SPACE);
  return `${sexDigit}${pad(d, 2)}${pad(m, 2)}${pad(y, 4)}${pad(serial, 5)}`;
}

function documentKind(r: Random, issue: string): { type: DocumentType; series: string } {
  const year = Number(issue.slice(0, 4));
  if (year < 2017) return r.chance(0.7) ? { type: 'passport_2006', series: 'AN' } : { type: 'passport_2006', series: 'AC' };
  if (year < 2021) return r.chance(0.5) ? { type: 'id_card_2017', series: 'ID' } : { type: 'passport_2006', series: 'AC' };
  if (year < 2024) return r.weighted([[{ type: 'passport_2020', series: 'AC' }, 4], [{ type: 'id_card_2017', series: 'ID' }, 4], [{ type: 'passport_2020', series: 'PE' }, 2]] as const);
  return r.weighted([[{ type: 'id_card_2024', series: 'ID' }, 5], [{ type: 'passport_2023', series: 'PE' }, 3], [{ type: 'passport_2023', series: 'AC' }, 2]] as const);
}

/**
 * Identity documents, oldest first, covering every entry date: the current one valid today (a few are
 * planted expired), older ones replaced (or lost), each valid ten years from issue.
 */
function documents(r: Random, ctx: { personId: string; seed: number; index: number; today: string; minIssue: string; earliestEntry: string }): IdentityDocument[] {
  const wanted = r.weighted([[1, 50], [2, 35], [3, 15]] as const);
  const expired = r.chance(0.01);
  const currentFrom = maxDate(ctx.minIssue, addDays(addYears(ctx.today, expired ? -12 : -10), expired ? 0 : 30));
  const currentTo = expired ? addYears(ctx.today, -10) : addDays(ctx.today, -10);
  const issues = [randomDate(r, currentFrom, maxDate(currentFrom, currentTo))];
  // Older documents: replaced 3–9 years before the next one, never before the age of 16.
  while (issues.length < 3) {
    const next = issues[0]!;
    const needed = issues.length < wanted || ctx.earliestEntry < next;
    if (!needed) break;
    const candidate = addDays(next, -r.int(3 * 365, 9 * 365));
    if (candidate < ctx.minIssue) break;
    issues.unshift(candidate);
  }
  // The oldest must cover the first entry: move it back if needed (still ten years' validity).
  if (ctx.earliestEntry < issues[0]!) {
    const latest = addDays(ctx.earliestEntry, -r.int(20, 400));
    issues[0] = maxDate(ctx.minIssue, minDate(latest, issues[0]!));
  }
  return issues.map((issueDate, k) => {
    const { type, series } = documentKind(r, issueDate);
    const slot = ctx.index * 3 + k;
    const number = 1_000_000 + permute(slot, DOC_MULTIPLIER, mixSeed(ctx.seed, 0xd0c) % DOC_NUMBER_SPACE, DOC_NUMBER_SPACE);
    const current = k === issues.length - 1;
    const newer = series === 'ID' || series === 'PE' || Number(issueDate.slice(0, 4)) >= 2017;
    return {
      id: `${ctx.personId}-d${k}`,
      type,
      series,
      number: String(number),
      issueDate,
      issuer: `${newer ? 'SRS' : 'MKK'} ${r.int(211000, 211099)}`,
      expiryDate: addDays(addYears(issueDate, 10), -1),
      status: current ? 'current' : r.chance(0.1) ? 'lost' : 'replaced',
      usedForEntry: false,
    };
  });
}

interface StayPlan {
  entry: string;
  exit?: string;
}

/** Entries to Russia, oldest first; the last one is the stay during which the person was listed. */
function stayPlan(r: Random, learnedAt: string, earliestAllowed: string, leftAt: string | undefined): StayPlan[] {
  const count = r.weighted([[1, 45], [2, 35], [3, 20]] as const);
  const lastFrom = maxDate(earliestAllowed, addDays(learnedAt, -900));
  const last: StayPlan = { entry: randomDate(r, lastFrom, maxDate(lastFrom, addDays(learnedAt, -30))) };
  if (leftAt) last.exit = leftAt;
  const plan = [last];
  while (plan.length < count) {
    const exit = addDays(plan[0]!.entry, -r.int(20, 200));
    const entry = addDays(exit, -r.int(60, 420));
    if (entry < earliestAllowed) break;
    plan.unshift({ entry, exit });
  }
  return plan;
}

interface History {
  stays: StayEntry[];
  registrations: Registration[];
  employments: Employment[];
}

function histories(r: Random, ctx: { personId: string; region: string; today: string; docs: IdentityDocument[]; plan: StayPlan[]; address: string }): History {
  const stays: StayEntry[] = [];
  const registrations: Registration[] = [];
  const employments: Employment[] = [];
  const moscow = ctx.region === 'г. Москва' || ctx.region === 'Московская область';
  const regChannel = (from: string) =>
    moscow && from >= '2025-09-01' && r.chance(0.7) ? 'amina' : r.weighted([['mvd', 45], ['mfc', 30], ['gosuslugi', 15], ['other', 5]] as const);
  const addRegistration = (from: string, to: string, host: string) => {
    if (registrations.length >= 3) return false;
    registrations.push({ id: `${ctx.personId}-r${registrations.length}`, address: ctx.address && r.chance(0.6) ? ctx.address : russianAddress(r, ctx.region), host, from, to, how: regChannel(from) });
    return true;
  };

  ctx.plan.forEach((plan, k) => {
    const isLast = k === ctx.plan.length - 1;
    const doc = [...ctx.docs].reverse().find((d) => d.issueDate <= plan.entry && d.expiryDate >= plan.entry);
    if (doc) doc.usedForEntry = true;
    const purpose: StayPurpose = isLast ? r.weighted([['work', 90], ['private', 6], ['study', 2], ['transit', 2]] as const) : r.weighted([['work', 80], ['private', 12], ['study', 3], ['transit', 3], ['other', 2]] as const);
    stays.push({
      id: `${ctx.personId}-s${k}`,
      entryDate: plan.entry,
      checkpoint: moscow && r.chance(0.8) ? r.pick(AIRPORTS_MOSCOW) : r.pick([...AIRPORTS_MOSCOW, ...OTHER_CHECKPOINTS]),
      documentId: doc && r.chance(0.95) ? doc.id : '',
      migrationCard: `${r.int(4600, 4699)} ${digits(r, 7)}`,
      purpose,
      exitDate: plan.exit,
      // Exits through Kazakhstan are often not recorded (domain brief R-6).
      exitRecorded: plan.exit ? r.chance(0.85) : false,
    });

    const stayEnd = plan.exit ?? ctx.today;
    // The current stay always has work behind it, whatever the card says (a wrong purpose is cause R-6).
    const wantsJob = isLast || purpose === 'work' || (purpose === 'private' && r.chance(0.3));
    if (!wantsJob || employments.length >= 3) {
      if (r.chance(0.5)) addRegistration(addDays(plan.entry, r.int(1, 7)), addDays(plan.entry, 89), `${r.pick(RU_SURNAMES)}${r.chance(0.5) ? 'а' : ''} ${r.pick(RU_INITIALS)}`);
      return;
    }
    let start = addDays(plan.entry, r.int(2, 30));
    const jobs = isLast && r.chance(0.3) ? 2 : 1;
    for (let j = 0; j < jobs && employments.length < 3 && start < stayEnd; j++) {
      const company = companyName(r);
      // Open-ended contracts only in the current stay: one that ended with an exit was terminated.
      const openEnded = !plan.exit && r.chance(0.15);
      let end: string | null = openEnded ? null : addDays(start, r.int(180, 365) - 1);
      if (end && plan.exit && end > plan.exit) end = maxDate(start, plan.exit);
      const early = r.chance(0.08) ? addDays(start, r.int(30, 200)) : undefined;
      const earlyTerminationDate = early && early <= ctx.today && (!end || early < end) ? early : undefined;
      const notified = addDays(start, r.int(0, 3));
      employments.push({
        id: `${ctx.personId}-e${employments.length}`,
        employer: company.name,
        // A few ИНН typed wrong, as on real paper forms.
        employerInn: r.chance(0.01) ? company.inn.slice(1) : company.inn,
        contractType: r.chance(0.75) ? 'labour' : 'civil',
        contractNumber: r.chance(0.8) ? `${r.int(1, 450)}/${start.slice(2, 4)}` : '',
        start,
        end,
        earlyTerminationDate,
        // Employers that never notified the MVD are a classic cause of listing (R-2).
        employerNotifiedDate: r.chance(0.88) && notified <= ctx.today ? notified : undefined,
      });
      // Registration for the contract term; some hosts let it lapse or it was withdrawn (R-1, R-4).
      const runsTo = minDate(earlyTerminationDate ?? end ?? ctx.today, ctx.today);
      const from = maxDate(plan.entry, addDays(start, -r.int(0, 3)));
      const host = r.chance(0.55) ? company.name : `${r.pick(RU_SURNAMES)}${r.chance(0.5) ? 'а' : ''} ${r.pick(RU_INITIALS)}`;
      if (r.chance(0.06) && dayOf(runsTo) - dayOf(from) > 60) {
        addRegistration(from, addDays(from, r.int(20, dayOf(runsTo) - dayOf(from) - 20)), host);
      } else if (end) {
        addRegistration(from, end, host);
      } else {
        // Open-ended contract: registered a year at a time, renewed while it lasts (when the host remembered).
        let regFrom = from;
        while (regFrom <= runsTo) {
          const regTo = addDays(addYears(regFrom, 1), -1);
          if (!addRegistration(regFrom, regTo, host)) break;
          if (r.chance(0.15)) break;
          regFrom = addDays(regTo, 1);
        }
      }
      start = addDays(earlyTerminationDate ?? end ?? ctx.today, r.int(5, 40));
    }
  });
  return { stays, registrations, employments };
}

function aminaStatus(r: Random, region: string, lastEntry: string, leftAt: string | undefined, today: string): AminaStatus {
  const none: AminaStatus = { registered: false, cardNumber: '' };
  const moscow = region === 'г. Москва' || region === 'Московская область';
  if (!moscow || today < '2025-09-10' || (leftAt && leftAt < '2025-09-01') || !r.chance(0.75)) return none;
  const registeredDate = randomDate(r, maxDate('2025-09-01', addDays(lastEntry, 3)), minDate(today, '2025-12-15'));
  if (registeredDate > today) return none;
  const status: AminaStatus = { registered: true, cardNumber: `${r.int(1000, 9999)} ${digits(r, 6)}`, registeredDate };
  const deregistered = addDays(registeredDate, r.int(10, 120));
  if (r.chance(0.25) && deregistered <= today) {
    // Missing geolocation for more than 3 working days deregisters the person (domain brief R-5).
    status.deregisteredDate = deregistered;
    status.deregistrationReason = 'Нет сведений о геолокации более 3 рабочих дней';
  }
  return status;
}

function statusHistory(r: Random, createdAt: string, todayEnd: number): { history: StatusChange[]; outcome?: Outcome } {
  const target = r.weighted(STATUS_TARGETS);
  let path: CaseStatus[];
  if (target === 'excluded' || target === 'refused') path = [...WORKFLOW, target];
  else if (target === 'left_russia' || target === 'closed') path = [...WORKFLOW.slice(0, r.int(1, WORKFLOW.length)), target];
  else path = WORKFLOW.slice(0, WORKFLOW.indexOf(target) + 1);
  const history: StatusChange[] = [{ status: 'intake', at: createdAt, note: '' }];
  let at = Date.parse(createdAt);
  for (const status of path.slice(1)) {
    at += r.int(1, 25) * DAY_MS + r.int(-3, 3) * 3_600_000;
    if (at > todayEnd) break;
    history.push({ status, at: new Date(at).toISOString(), note: r.pick(STATUS_NOTES[status] ?? ['']) });
  }
  const final = history[history.length - 1]!.status;
  const outcome: Outcome | undefined =
    final === 'excluded' ? 'excluded' : final === 'refused' ? 'not_excluded_lawful' : final === 'left_russia' ? 'left_russia' : final === 'closed' ? r.pick(['regularised', 'no_answer', 'other'] as const) : undefined;
  return outcome ? { history, outcome } : { history };
}

// ------------------------------------------------------------------ public API

interface Resolved {
  today: string;
  missionId: string;
  caseworkers: readonly string[];
  firstIntake: string;
}

function resolve(options: SeedOptions): Resolved {
  return {
    today: options.today ?? DEFAULT_SEED_TODAY,
    missionId: options.missionId ?? 'mSEED',
    caseworkers: options.caseworkers?.length ? options.caseworkers : DEFAULT_CASEWORKERS,
    firstIntake: options.firstIntake ?? DEFAULT_FIRST_INTAKE,
  };
}

/** Case `index` of `count` for `seed`: depends only on these three and the options. */
export function generateCase(index: number, count: number, seed: number, options: SeedOptions = {}): SeedCase {
  const o = resolve(options);
  const r = mulberry32(mixSeed(seed, index));
  const personId = seedPersonId(seed, index);

  // Intake moments spread evenly over the period in index order, during office hours (Moscow 09–18).
  const firstDay = dayOf(o.firstIntake);
  const span = dayOf(o.today) - firstDay + 1;
  const position = ((index + r.next() * 0.999) / Math.max(count, 1)) * span;
  const day = Math.min(firstDay + Math.floor(position), dayOf(o.today));
  const createdMs = day * DAY_MS + 6 * 3_600_000 + Math.floor((position % 1) * 9 * 3_600_000);
  const createdAt = new Date(createdMs).toISOString();
  const createdDay = fromDayNumber(day);
  const todayEnd = dayOf(o.today) * DAY_MS + 15 * 3_600_000;

  const sex: SexCode = r.chance(0.62) ? 'male' : 'female';
  const name = names(r, sex);
  const birth = birthDate(r);
  const pin = pinFor(r, seed, index, sex, birth.full);
  const region = r.weighted(REGION_WEIGHTS);
  const learnedAt = maxDate(REGISTER_START, addDays(createdDay, -r.int(0, 75)));
  const { history, outcome } = statusHistory(r, createdAt, todayEnd);
  const leftAt = history.find((h) => h.status === 'left_russia')?.at.slice(0, 10);

  const birthEarliest = isoFromParts(birth.partial.year, birth.partial.month ?? 1, birth.partial.day ?? 1);
  const minIssue = addYears(birthEarliest, 16);
  const plan = stayPlan(r, learnedAt, addDays(minIssue, 60), leftAt && leftAt > learnedAt ? leftAt : undefined);
  const docs = documents(r, { personId, seed, index, today: o.today, minIssue, earliestEntry: plan[0]!.entry });
  const address = r.chance(0.8) ? russianAddress(r, region) : '';
  const { stays, registrations, employments } = histories(r, { personId, region, today: o.today, docs, plan, address });
  const learnedHow = r.weighted(LEARNED);
  const impacts = new Set<Impact>([IMPACT_OF[learnedHow]]);
  if (r.chance(0.25)) impacts.add(r.pick(['bank_block', 'dismissal', 'entry_refused'] as const));

  const latinGiven = latinSpelling(name.ky.givenName, { zh: 'J', y: 'Y', ng: 'N', ou: 'plain', j: 'I', kh: 'H', ye: false, iot: 'Y' }).toLowerCase();
  const form: IntakeForm = {
    person: {
      id: personId,
      nameKy: name.ky,
      nameRu: name.ru,
      nameLat: name.lat,
      patronymicForm: name.form,
      otherSpellings: name.other,
      sex,
      birthDate: birth.partial,
      placeOfBirth: r.chance(0.9) ? r.pick(KG_PLACES) : '',
      citizenship: 'KG',
      pin,
      phones: [
        ...(r.chance(0.92) ? [`+7 9${r.int(0, 9)}${r.int(0, 9)} ${digits(r, 3)}-${digits(r, 2)}-${digits(r, 2)}`] : []),
        ...(r.chance(0.2) ? [`+996 ${r.pick(['55', '70', '77', '50', '22'])}${r.int(0, 9)} ${digits(r, 3)} ${digits(r, 3)}`] : []),
      ],
      email: r.chance(0.25) ? `${latinGiven}.${r.int(1, 9999)}@example.com` : '',
      ruPostalAddress: address,
      kgAddress: r.chance(0.7) ? `${r.pick(KG_PLACES)}, ${r.pick(KG_STREETS)}, ${r.int(1, 120)}` : '',
      preferredLanguage: r.chance(0.6) ? 'ky' : 'ru',
      consentDate: r.chance(0.9) ? createdDay : undefined,
      ...(r.chance(0.03)
        ? {
            representative: {
              name: `${r.pick(RU_SURNAMES)} ${r.pick(['Сергей', 'Андрей', 'Ольга', 'Наталья'])} ${r.pick(['Иванович', 'Петрович', 'Игоревна', 'Сергеевна'])}`,
              document: `паспорт РФ ${r.int(10, 99)} ${r.int(10, 99)} ${digits(r, 6)}`,
              powerOfAttorney: `доверенность № 77 АД ${digits(r, 7)} от ${formatDate(addDays(createdDay, -r.int(1, 20)))}`,
            },
          }
        : {}),
    },
    documents: docs,
    stays,
    registrations,
    employments,
    amina: aminaStatus(r, region, plan[plan.length - 1]!.entry, leftAt, o.today),
    case: {
      missionId: o.missionId,
      caseworker: r.pick(o.caseworkers),
      region,
      learnedAt,
      learnedHow,
      learnedNote: r.chance(0.8) ? r.pick(LEARNED_NOTES[learnedHow]) : '',
      impacts: [...impacts],
    },
  };
  return outcome
    ? { caseId: `${personId}-c`, form, createdAt, statusHistory: history, outcome }
    : { caseId: `${personId}-c`, form, createdAt, statusHistory: history };
}

/** Cases `start` .. `start + size - 1` of `count`. */
export function generateCaseRange(start: number, size: number, count: number, seed: number, options: SeedOptions = {}): SeedCase[] {
  const end = Math.min(count, start + size);
  const out: SeedCase[] = [];
  for (let i = start; i < end; i++) out.push(generateCase(i, count, seed, options));
  return out;
}

/** All `count` cases in chunks, so 100,000 of them never sit in memory at once. */
export function* generateCaseChunks(count: number, seed: number, chunkSize: number, options: SeedOptions = {}): Generator<SeedCase[]> {
  for (let start = 0; start < count; start += chunkSize) yield generateCaseRange(start, chunkSize, count, seed, options);
}

export function generateCases(count: number, seed: number, options: SeedOptions = {}): SeedCase[] {
  return generateCaseRange(0, count, count, seed, options);
}

/** Just the intake forms, as a caseworker would have typed them. */
export function generateIntakes(count: number, seed: number, options: SeedOptions = {}): IntakeForm[] {
  return generateCases(count, seed, options).map((c) => c.form);
}

