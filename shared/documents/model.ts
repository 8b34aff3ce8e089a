import type {
  Employment,
  IdentityDocument,
  Impact,
  LearnedHow,
  PartialDate,
  Person,
  PersonName,
  Registration,
  StayEntry,
} from '../case/schema';
import { formatPartialDate, isValidPartialDate } from '../case/dates';
import { spellingVariants } from '../names';
import type { Addressee, LegalRef, LetterArgument, LocalizedText } from '../reference/schema';
import { argumentFacts, selectArguments, type PrintedArgument, type SkippedArgument } from './arguments';
import type { CaseworkerProfile, MissionSettings } from '../settings/schema';
import {
  citeRu,
  dateRu,
  dateWordsRu,
  documentStatusRu,
  DOCUMENT_TYPE_RU,
  IMPACT_RU,
  LEARNED_HOW_RU,
  missionNameForms,
  nameForms,
  nameFormsOfFull,
  PURPOSE_RU,
  personWords,
  type PersonWords,
} from './russian';
import type { ExpectedAnswerInput } from './expected-answer';
import type { AppealChannel } from '../appeals/appeal';
import { scriptOf, spellingReason } from './spellings';
import { blockTexts, placeholders, type DocumentTemplate, type TemplateCondition } from './template-schema';

/**
 * The merge model: everything a template may print, already formatted in Russian (dates dd.mm.yyyy, «Фамилия
 * И.О.», document lines). Every field always exists — an unknown value is '' (or null for an optional group),
 * so a placeholder that names no field is a template error, never a silent blank. Built by a pure function
 * from the case, the settings and the reference data; the caller picks the addressee, numbers and attachments.
 */

// ---------------------------------------------------------------- inputs

export interface AttachmentInput {
  title: string;
  sheets: number;
  copies: number;
  /** Original rather than a copy (the receipt says which). */
  original?: boolean;
  /** The real page count of the attached file, when the attachment is one of the case's files. */
  pages?: number;
}

export interface SentInput {
  title: string;
  /** Title for the Kyrgyz part of the memo; the Russian title when absent. */
  titleKy?: string;
  addressee: string;
  number: string;
  /** ISO date. */
  date: string;
}

export interface BatchCitizenInput {
  person: Pick<Person, 'nameRu' | 'nameKy' | 'nameLat' | 'birthDate' | 'pin'>;
  /** The current identity document, if known. */
  document?: Pick<IdentityDocument, 'type' | 'series' | 'number'> | null;
}

export interface DocumentInputs {
  /** ISO date the document bears. */
  date: string;
  mission: MissionSettings;
  /** Where the document is drawn up («Москва»); by default the city in the mission's address. */
  place?: string;
  caseworker: CaseworkerProfile;
  /** Who signs (consul, head of the consular section); the caseworker when absent. */
  signatory?: { position: string; fullName: string } | null;
  person: Person;
  documents: readonly IdentityDocument[];
  stays?: readonly StayEntry[];
  registrations?: readonly Registration[];
  employments?: readonly Employment[];
  caseRecord: {
    number: string;
    region: string;
    learnedAt?: string;
    learnedHow?: LearnedHow | null;
    learnedNote?: string;
    impacts?: readonly Impact[];
  };
  addressee?: Addressee | null;
  /** This document's number and ISO date in the mission's outgoing register. */
  outgoing?: { number: string; date: string } | null;
  /** The addressee's letter this one answers. */
  theirs?: { number: string; date: string } | null;
  /** Our earlier letter a reminder or complaint refers to, with the addressee's incoming registration if known. */
  previous?: { number: string; date: string; addressee?: string; incomingNumber?: string; incomingDate?: string } | null;
  /** The answer received to `previous`, if any. */
  answer?: { number?: string; date?: string; summary?: string } | null;
  attachments?: readonly AttachmentInput[];
  /**
   * The suspected error cause (reference table `causes`): its title and its letter arguments. Its explanation
   * is for the caseworker and is deliberately not an input, so no template can print it.
   */
  cause?: { id?: string; title: LocalizedText; arguments?: readonly LetterArgument[] } | null;
  /** Evidence item ids present in the case's checklist for that cause: an argument prints only on its evidence. */
  evidence?: readonly string[];
  /** The caseworker's own statement of the circumstances, one paragraph. */
  statement?: string;
  /** The register check that showed the listing: ISO date and the document checked. */
  registerCheck?: { date: string; document: string } | null;
  /** The whole legal-references table; only verified entries reach the model. */
  legalRefs?: readonly LegalRef[];
  citizens?: readonly BatchCitizenInput[];
  /** What was sent for the citizen (the memo lists it). */
  sent?: readonly SentInput[];
  /** ISO date an answer is due (kept for edited templates; the memo reads `expectedAnswer`). */
  answerDue?: string | null;
  /**
   * The citizen's own request to the mission this document answers (shared/appeals), with the answer once the
   * caseworker has recorded it. The answer letter prints only these facts; what is missing is asked in the review.
   */
  appeal?: { receivedOn: string; channel: AppealChannel; request: string; answeredOn?: string; answerText?: string } | null;
  /** The answer term of the request actually sent that the memo announces (./expected-answer); null when none runs. */
  expectedAnswer?: ExpectedAnswerInput | null;
  /** Where a recorded other spelling was met («миграционная карта», «банк»), by spelling. */
  spellingSources?: Readonly<Record<string, string>>;
  /** How many automatic variants a letter lists (default 10). */
  maxVariants?: number;
}

// ---------------------------------------------------------------- the model

export interface NameModel {
  surname: string;
  givenName: string;
  patronymic: string;
  full: string;
  /** «Фамилия И.О.» */
  short: string;
}

export interface DocumentLine {
  typeRu: string;
  typeShort: string;
  series: string;
  number: string;
  seriesNumber: string;
  issueDate: string;
  issuer: string;
  expiryDate: string;
  statusRu: string;
  /** «ID-карта AN 1234567» */
  short: string;
  /** Type, number, issue, issuer, validity in one line. */
  line: string;
}

export interface SpellingRow {
  index: number;
  source: string;
  script: string;
  spelling: string;
  reason: string;
  /**
   * Checked against a named document: the person's own names as the case records them, or another spelling
   * whose source document the caseworker named and whose difference is explained. Only these are certified.
   */
  confirmed: boolean;
}

export interface DocumentModel {
  document: { date: string; dateWords: string; place: string; year: string };
  mission: { nameRu: string; nameKy: string; nameGen: string; short: string; shortGen: string; address: string; phones: string };
  caseworker: { fullName: string; position: string; phone: string; shortName: string; signName: string };
  signatory: { position: string; fullName: string; signName: string };
  executor: { name: string; phone: string };
  person: {
    nameRu: NameModel;
    nameKy: NameModel;
    nameLat: NameModel;
    fullNameRu: string;
    fullNameKy: string;
    fullNameLat: string;
    shortNameRu: string;
    birthDate: string;
    placeOfBirth: string;
    pin: string;
    citizenship: string;
    phones: string;
    email: string;
    postalAddress: string;
    kgAddress: string;
    consentDate: string;
    /** The Kyrgyz letters absent from Russian that the Kyrgyz name really has («ң, ө, ү»); '' when none. */
    kyrgyzLetters: string;
    /** A letter's salutation to the person: «Уважаемый Алмаз Бекович», or with the given name alone; '' without a name. */
    dearRu: string;
    g: PersonWords;
  };
  documents: { current: DocumentLine | null; previous: DocumentLine[]; all: DocumentLine[]; /** «паспорт AC 1234567 (заменён); …» */ previousText: string };
  stays: Array<{ entryDate: string; checkpoint: string; migrationCard: string; purposeRu: string; exitDate: string; line: string }>;
  registrations: Array<{ address: string; host: string; from: string; to: string; line: string }>;
  employments: Array<{ employer: string; inn: string; contractRu: string; number: string; start: string; end: string; line: string }>;
  /** Entries, registrations and contracts in that order, one line each (the facts of a letter). */
  facts: Array<{ line: string }>;
  case: { number: string; region: string; learnedAt: string; learnedHowRu: string; learnedNote: string; impactsRu: string };
  /** The cause's paragraphs this case supports (see ./arguments); none when the case proves nothing of it. */
  cause: { title: string; arguments: Array<PrintedArgument & { /** The same in a verbal note's third person. */ note: string }> } | null;
  statement: string;
  check: { date: string; document: string } | null;
  addressee: { name: string; block: string; noteBlock: string; salutation: string; address: string } | null;
  outgoing: { number: string; date: string };
  theirs: { number: string; date: string } | null;
  previous: { number: string; date: string; addressee: string; incomingNumber: string; incomingDate: string } | null;
  answer: { number: string; date: string; ref: string; summary: string } | null;
  attachments: Array<{ index: number; title: string; sheets: number; copies: number; originalRu: string; mark: string }>;
  attachmentTotals: { count: number; sheets: number };
  /** `rows` are the confirmed spellings (a certificate certifies these), `unconfirmed` the others, listed apart. */
  spelling: { rows: SpellingRow[]; unconfirmed: SpellingRow[]; variants: Array<{ index: number; spelling: string; reason: string }>; variantsText: string };
  citizens: Array<{ index: number; fullNameRu: string; fullNameKy: string; fullNameLat: string; names: string; birthDate: string; document: string; pin: string }>;
  citizensCount: number;
  sent: Array<{ index: number; title: string; titleKy: string; addressee: string; number: string; date: string; line: string; lineKy: string }>;
  answerDue: string;
  /** The citizen's request to the mission and the mission's answer, as the case records them; '' where not recorded. */
  appeal: { received: string; channelRu: string; request: string; answered: string; answerText: string } | null;
  /** The answer expected to a letter sent, still ahead of the document's date; `appeal` when 59-ФЗ art. 12 governs it. */
  expected: { due: string; letter: string; letterKy: string; appeal: boolean } | null;
  /** The same when its term has already passed: never presented as expected. */
  expectedLapsed: { due: string; letter: string; letterKy: string } | null;
  /** Verified legal references by id; an unverified or unknown id resolves to null. */
  legal: Record<string, { act: string; article: string; cite: string; summary: string } | null>;
}

// ---------------------------------------------------------------- building

/** How the request came, as the answer's opening says it («поступившее … почтой»). */
const APPEAL_CHANNEL_RU: Readonly<Record<AppealChannel, string>> = {
  in_person: 'на личном приёме',
  post: 'почтой',
  email: 'по электронной почте',
  messenger: 'через мессенджер',
};

const clean = (text: string | null | undefined) => (text ?? '').trim().replace(/\s+/gu, ' ');
const joinWords = (...parts: Array<string | undefined>) => parts.map(clean).filter(Boolean).join(' ');

function nameModel(name: PersonName): NameModel {
  const surname = clean(name.surname);
  const givenName = clean(name.givenName);
  const patronymic = clean(name.patronymic);
  return { surname, givenName, patronymic, full: joinWords(surname, givenName, patronymic), short: nameForms(surname, givenName, patronymic).short };
}

function seriesNumber(series: string, number: string): string {
  return joinWords(series, number);
}

function documentLine(doc: IdentityDocument): DocumentLine {
  const type = DOCUMENT_TYPE_RU[doc.type];
  const sn = seriesNumber(doc.series, doc.number);
  const issueDate = dateRu(doc.issueDate);
  const expiryDate = dateRu(doc.expiryDate);
  const issuer = clean(doc.issuer);
  const issued = [issueDate && `выдан ${issueDate}`, issuer].filter(Boolean).join(' ');
  const line = [`${type.long} ${sn}`, issued, expiryDate && `действителен до ${expiryDate}`].filter(Boolean).join(', ');
  return {
    typeRu: type.long,
    typeShort: type.short,
    series: clean(doc.series),
    number: clean(doc.number),
    seriesNumber: sn,
    issueDate,
    issuer,
    expiryDate,
    statusRu: documentStatusRu(doc.type, doc.status),
    short: `${type.short} ${sn}`,
    line,
  };
}

function stayModel(stay: StayEntry): DocumentModel['stays'][number] {
  const entryDate = dateRu(stay.entryDate);
  const exitDate = dateRu(stay.exitDate);
  const checkpoint = clean(stay.checkpoint);
  const migrationCard = clean(stay.migrationCard);
  const purposeRu = PURPOSE_RU[stay.purpose];
  const line = [
    `въезд в Российскую Федерацию ${entryDate}${checkpoint ? ` через пункт пропуска ${checkpoint}` : ''}`,
    migrationCard && `миграционная карта ${migrationCard}`,
    `цель визита — ${purposeRu}`,
    exitDate && `выезд ${exitDate}`,
  ]
    .filter(Boolean)
    .join(', ');
  return { entryDate, checkpoint, migrationCard, purposeRu, exitDate, line };
}

function registrationModel(r: Registration): DocumentModel['registrations'][number] {
  const from = dateRu(r.from);
  const to = dateRu(r.to);
  const address = clean(r.address);
  const host = clean(r.host);
  const line = `миграционный учёт по месту пребывания с ${from} по ${to} по адресу: ${address}${host ? ` (принимающая сторона — ${host})` : ''}`;
  return { address, host, from, to, line };
}

function employmentModel(e: Employment): DocumentModel['employments'][number] {
  const contractRu = e.contractType === 'labour' ? 'трудовой договор' : 'гражданско-правовой договор';
  const number = clean(e.contractNumber);
  const start = dateRu(e.start);
  const end = e.end ? dateRu(e.end) : '';
  const employer = clean(e.employer);
  const inn = clean(e.employerInn);
  const early = dateRu(e.earlyTerminationDate);
  const notified = dateRu(e.employerNotifiedDate);
  const line = [
    `${contractRu}${number ? ` № ${number}` : ''} от ${start} с работодателем ${employer}${inn ? ` (ИНН ${inn})` : ''}`,
    end ? `срок действия — по ${end}` : 'срок действия не ограничен',
    early && `расторгнут ${early}`,
    notified && `уведомление о заключении договора направлено работодателем в МВД ${notified}`,
  ]
    .filter(Boolean)
    .join(', ');
  return { employer, inn, contractRu, number, start, end, line };
}

function birthDateText(value: PartialDate | null | undefined): string {
  return value && isValidPartialDate(value) ? formatPartialDate(value) : '';
}

/** The city of «119017, г. Москва, ул. …» → «Москва». */
export function cityOfAddress(address: string): string {
  const m = /(?:^|[\s,])г\.\s*([^,]+)/u.exec(address);
  return m ? clean(m[1]) : '';
}

function spellingModel(inputs: DocumentInputs, person: DocumentModel['person'], docs: DocumentModel['documents']): DocumentModel['spelling'] {
  const ky = person.fullNameKy;
  const reference = (script: 'russian' | 'latin') =>
    script === 'latin'
      ? { text: person.fullNameLat, patronymic: person.nameLat.patronymic, patronymicKy: person.nameKy.patronymic }
      : { text: person.fullNameRu, patronymic: person.nameRu.patronymic, patronymicKy: person.nameKy.patronymic };
  const kgDocs = docs.all.map((d) => d.short).join('; ');
  const rows: Array<Omit<SpellingRow, 'index'>> = [];
  const seen = new Set<string>();
  const add = (spelling: string, source: string, script: string, reason: string, named: boolean) => {
    const key = spelling.normalize('NFC').toUpperCase();
    if (spelling === '' || seen.has(key)) return;
    seen.add(key);
    rows.push({ spelling, source, script, reason, confirmed: named && !reason.includes(UNCONFIRMED_MARK) });
  };
  if (ky !== '') add(ky, kgDocs ? `документы Кыргызской Республики (${kgDocs})` : 'документы Кыргызской Республики', 'кыргызская кириллица', spellingReason(ky, ky, reference('russian')), kgDocs !== '');
  add(
    person.fullNameRu,
    'документы и учёты российских органов (миграционная карта, миграционный учёт, трудовой договор)',
    'русская кириллица',
    ky ? spellingReason(ky, person.fullNameRu, reference('russian')) : 'основное написание в российских документах',
    true,
  );
  add(
    person.fullNameLat,
    kgDocs ? `паспорт, страница данных и машиночитаемая зона (${docs.current?.short ?? kgDocs})` : 'паспорт, машиночитаемая зона',
    'латиница',
    ky ? spellingReason(ky, person.fullNameLat, reference('latin')) : 'написание в паспорте',
    docs.current !== null,
  );
  for (const raw of inputs.person.otherSpellings) {
    const spelling = clean(raw);
    const script = scriptOf(spelling);
    const named = clean(inputs.spellingSources?.[raw] ?? inputs.spellingSources?.[spelling]);
    const source = named || 'иные документы и базы данных (по материалам дела)';
    const scriptRu = script === 'latin' ? 'латиница' : script === 'kyrgyz' ? 'кыргызская кириллица' : 'русская кириллица';
    add(spelling, source, scriptRu, spellingReason(ky, spelling, reference(script === 'latin' ? 'latin' : 'russian')), named !== '');
  }

  const base = ky || person.fullNameRu;
  const variants: DocumentModel['spelling']['variants'] = [];
  if (base !== '') {
    for (const spelling of spellingVariants(base, 64)) {
      if (variants.length >= (inputs.maxVariants ?? 10)) break;
      const key = spelling.toUpperCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const script = scriptOf(spelling) === 'latin' ? 'latin' : 'russian';
      variants.push({ index: variants.length + 1, spelling, reason: spellingReason(base, spelling, reference(script)) });
    }
  }
  const confirmed = rows.filter((r) => r.confirmed);
  const unconfirmed = rows.filter((r) => !r.confirmed);
  return {
    rows: confirmed.map((row, i) => ({ index: i + 1, ...row })),
    unconfirmed: unconfirmed.map((row, i) => ({ index: i + 1, ...row })),
    variants,
    variantsText: variants.map((v) => v.spelling).join('; '),
  };
}

/** A reason that says the spelling still needs checking (shared/documents/spellings.ts). */
const UNCONFIRMED_MARK = 'требует проверки';

function kyrgyzLettersOf(name: string): string {
  const lower = name.toLowerCase();
  return ['ң', 'ө', 'ү'].filter((letter) => lower.includes(letter)).join(', ');
}

/** A request in the mission's first person («Просим проверить …») in a note's third person («Посольство просит …»). */
function thirdPerson(text: string, missionShort: string): string {
  return text.replace(/^Просим( также)? /u, `${missionShort} просит$1 `);
}

function legalModel(refs: readonly LegalRef[]): DocumentModel['legal'] {
  const out: DocumentModel['legal'] = {};
  for (const ref of refs) {
    out[ref.id] = ref.verification === 'verified' ? { act: ref.act, article: ref.article, cite: citeRu(ref.act, ref.article), summary: ref.summaryRu } : null;
  }
  return out;
}

function firstPhone(phones: string): string {
  return clean(phones.split(/[,;]/u)[0]);
}

function expectedModel(inputs: DocumentInputs): Pick<DocumentModel, 'expected' | 'expectedLapsed'> {
  const e = inputs.expectedAnswer;
  if (!e) return { expected: null, expectedLapsed: null };
  const ref = [dateRu(e.date) && `от ${dateRu(e.date)}`, clean(e.number) && `№ ${clean(e.number)}`].filter(Boolean).join(' ');
  const letter = `${clean(e.title)}${ref ? ` ${ref}` : ''}`;
  const letterKy = `${clean(e.titleKy) || clean(e.title)}${e.date ? ` (${[dateRu(e.date), clean(e.number) && `№ ${clean(e.number)}`].filter(Boolean).join(', ')})` : ''}`;
  const due = dateRu(e.due);
  return e.due >= inputs.date ? { expected: { due, letter, letterKy, appeal: e.appeal }, expectedLapsed: null } : { expected: null, expectedLapsed: { due, letter, letterKy } };
}

/** The cause's letter arguments this case supports, and those left out with the reason. */
export function causeArguments(inputs: DocumentInputs): { printed: PrintedArgument[]; skipped: SkippedArgument[] } {
  if (!inputs.cause) return { printed: [], skipped: [] };
  const facts = argumentFacts({
    date: inputs.date,
    documents: inputs.documents,
    stays: inputs.stays ?? [],
    registrations: inputs.registrations ?? [],
    employments: inputs.employments ?? [],
    otherSpellings: inputs.person.otherSpellings,
    registerCheck: inputs.registerCheck ?? null,
  });
  return selectArguments(inputs.cause.arguments ?? [], new Set(inputs.evidence ?? []), inputs.legalRefs ?? [], facts);
}

/** The merge model for one document. Pure: the same inputs give the same model. */
export function buildDocumentModel(inputs: DocumentInputs): DocumentModel {
  const { mission, caseworker, person: p } = inputs;
  const nameRu = nameModel(p.nameRu);
  const nameKy = nameModel(p.nameKy);
  const nameLat = nameModel(p.nameLat);
  const missionForms = missionNameForms(mission.nameRu);
  const caseworkerForms = nameFormsOfFull(caseworker.fullName);
  const signatoryInput = inputs.signatory ?? { position: caseworker.position, fullName: caseworker.fullName };

  const all = inputs.documents.map(documentLine);
  const currentIndex = inputs.documents.findIndex((d) => d.status === 'current');
  const documents: DocumentModel['documents'] = {
    current: currentIndex >= 0 ? all[currentIndex]! : null,
    previous: all.filter((_, i) => inputs.documents[i]!.status !== 'current'),
    all,
    previousText: '',
  };
  documents.previousText = documents.previous.map((d) => `${d.short}${d.issueDate ? ` от ${d.issueDate}` : ''} (${d.statusRu})`).join('; ');

  const person: DocumentModel['person'] = {
    nameRu,
    nameKy,
    nameLat,
    fullNameRu: nameRu.full,
    fullNameKy: nameKy.full,
    fullNameLat: nameLat.full,
    shortNameRu: nameRu.short,
    birthDate: birthDateText(p.birthDate),
    placeOfBirth: clean(p.placeOfBirth),
    pin: clean(p.pin),
    citizenship: 'Кыргызская Республика',
    phones: p.phones.map(clean).filter(Boolean).join(', '),
    email: clean(p.email),
    postalAddress: clean(p.ruPostalAddress),
    kgAddress: clean(p.kgAddress),
    consentDate: dateRu(p.consentDate),
    kyrgyzLetters: kyrgyzLettersOf(nameKy.full),
    dearRu: nameRu.givenName ? joinWords(personWords(p.sex).dear, nameRu.givenName, nameRu.patronymic) : '',
    g: personWords(p.sex),
  };

  const addressee = inputs.addressee
    ? {
        name: clean(inputs.addressee.nameRu),
        block: clean(inputs.addressee.addresseeRu),
        noteBlock: clean(inputs.addressee.noteAddresseeRu),
        salutation: clean(inputs.addressee.salutation),
        address: clean(inputs.addressee.address),
      }
    : null;

  const attachments = (inputs.attachments ?? []).map((a, i) => {
    const title = clean(a.title);
    return {
      index: i + 1,
      title,
      sheets: a.sheets,
      copies: a.copies,
      originalRu: a.original ? 'подлинник' : 'копия',
      mark: `${title} на ${a.sheets} л. в ${a.copies} экз.`,
    };
  });

  const answer = inputs.answer
    ? (() => {
        const number = clean(inputs.answer.number);
        const date = dateRu(inputs.answer.date);
        return { number, date, ref: [date && `от ${date}`, number && `№ ${number}`].filter(Boolean).join(' '), summary: clean(inputs.answer.summary) };
      })()
    : null;

  const citizens = (inputs.citizens ?? []).map((c, i) => {
    const ru = nameModel(c.person.nameRu).full;
    const kyName = nameModel(c.person.nameKy).full;
    const doc = c.document ? `${c.document.type ? DOCUMENT_TYPE_RU[c.document.type].short : ''} ${seriesNumber(c.document.series, c.document.number)}`.trim() : '';
    return {
      index: i + 1,
      fullNameRu: ru,
      fullNameKy: kyName,
      fullNameLat: nameModel(c.person.nameLat).full,
      names: kyName && kyName !== ru ? `${ru} (${kyName})` : ru,
      birthDate: birthDateText(c.person.birthDate),
      document: doc,
      pin: clean(c.person.pin),
    };
  });

  const sent = (inputs.sent ?? []).map((s, i) => {
    const date = dateRu(s.date);
    const number = clean(s.number);
    const title = clean(s.title);
    const titleKy = clean(s.titleKy) || title;
    const addresseeName = clean(s.addressee);
    const ref = [date && `от ${date}`, number && `№ ${number}`].filter(Boolean).join(' ');
    return {
      index: i + 1,
      title,
      titleKy,
      addressee: addresseeName,
      number,
      date,
      line: `${title} ${ref} — ${addresseeName}`,
      lineKy: `${date}${number ? `, № ${number}` : ''}: ${titleKy} — ${addresseeName}`,
    };
  });

  const model: DocumentModel = {
    document: { date: dateRu(inputs.date), dateWords: dateWordsRu(inputs.date), place: clean(inputs.place) || cityOfAddress(mission.address), year: inputs.date.slice(0, 4) },
    mission: {
      nameRu: clean(mission.nameRu),
      nameKy: clean(mission.nameKy),
      nameGen: missionForms.nameGen,
      short: missionForms.short,
      shortGen: missionForms.shortGen,
      address: clean(mission.address),
      phones: clean(mission.phones),
    },
    caseworker: {
      fullName: clean(caseworker.fullName),
      position: clean(caseworker.position),
      phone: clean(caseworker.phone),
      shortName: caseworkerForms.short,
      signName: caseworkerForms.sign,
    },
    signatory: { position: clean(signatoryInput.position), fullName: clean(signatoryInput.fullName), signName: nameFormsOfFull(signatoryInput.fullName).sign },
    executor: { name: clean(caseworker.fullName), phone: clean(caseworker.phone) || firstPhone(mission.phones) },
    person,
    documents,
    stays: (inputs.stays ?? []).map(stayModel),
    registrations: (inputs.registrations ?? []).map(registrationModel),
    employments: (inputs.employments ?? []).map(employmentModel),
    facts: [],
    case: {
      number: clean(inputs.caseRecord.number),
      region: clean(inputs.caseRecord.region),
      learnedAt: dateRu(inputs.caseRecord.learnedAt),
      learnedHowRu: inputs.caseRecord.learnedHow ? LEARNED_HOW_RU[inputs.caseRecord.learnedHow] : '',
      learnedNote: clean(inputs.caseRecord.learnedNote),
      impactsRu: (inputs.caseRecord.impacts ?? []).map((i) => IMPACT_RU[i]).join(', '),
    },
    cause: inputs.cause
      ? { title: clean(inputs.cause.title.ru), arguments: causeArguments(inputs).printed.map((a) => ({ ...a, note: thirdPerson(a.text, missionForms.short) })) }
      : null,
    statement: clean(inputs.statement),
    check: inputs.registerCheck ? { date: dateRu(inputs.registerCheck.date), document: clean(inputs.registerCheck.document) } : null,
    addressee,
    outgoing: { number: clean(inputs.outgoing?.number), date: dateRu(inputs.outgoing?.date) },
    theirs: inputs.theirs && clean(inputs.theirs.number) !== '' ? { number: clean(inputs.theirs.number), date: dateRu(inputs.theirs.date) } : null,
    previous: inputs.previous
      ? {
          number: clean(inputs.previous.number),
          date: dateRu(inputs.previous.date),
          addressee: clean(inputs.previous.addressee),
          incomingNumber: clean(inputs.previous.incomingNumber),
          incomingDate: dateRu(inputs.previous.incomingDate),
        }
      : null,
    answer,
    attachments,
    attachmentTotals: { count: attachments.length, sheets: attachments.reduce((sum, a) => sum + a.sheets * a.copies, 0) },
    spelling: { rows: [], unconfirmed: [], variants: [], variantsText: '' },
    citizens,
    citizensCount: citizens.length,
    sent,
    answerDue: dateRu(inputs.answerDue),
    appeal: inputs.appeal
      ? {
          received: dateRu(inputs.appeal.receivedOn),
          channelRu: APPEAL_CHANNEL_RU[inputs.appeal.channel],
          request: clean(inputs.appeal.request),
          answered: dateRu(inputs.appeal.answeredOn),
          // Paragraphs of the answer are kept apart: the template prints them as the caseworker wrote them.
          answerText: (inputs.appeal.answerText ?? '').trim(),
        }
      : null,
    ...expectedModel(inputs),
    legal: legalModel(inputs.legalRefs ?? []),
  };
  model.facts = [...model.stays, ...model.registrations, ...model.employments].map((f) => ({ line: f.line }));
  model.spelling = spellingModel(inputs, person, documents);
  return model;
}

// ---------------------------------------------------------------- reading the model

/** Marks a path that names no field of the model (a template typo), as opposed to an empty field. */
export const UNKNOWN = Symbol('unknown field');

/**
 * The value at a dotted path (`person.nameRu.surname`, `attachments.0.title`). Passing through null gives null
 * (an absent optional group is empty, not unknown); a name no object has gives UNKNOWN. Under `legal` any id
 * is known: an unverified or unlisted provision is simply not citable (null).
 */
export function resolveField(model: unknown, path: string): unknown {
  const segments = path.split('.');
  let value: unknown = model;
  for (const [i, segment] of segments.entries()) {
    if (value === null) return null;
    if (typeof value !== 'object' || value === undefined) return UNKNOWN;
    if (Array.isArray(value)) {
      if (!/^\d+$/.test(segment)) return UNKNOWN;
      value = value[Number(segment)];
      if (value === undefined) return null;
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(value, segment)) {
      return i === 1 && segments[0] === 'legal' ? null : UNKNOWN;
    }
    value = (value as Record<string, unknown>)[segment];
  }
  return value === undefined ? UNKNOWN : value;
}

/** A value counts as given when it is a non-blank string, a non-empty array, a number, true or an object. */
export function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === UNKNOWN || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export interface Scope {
  item?: unknown;
  index?: number;
}

/** Resolves a path in a template's scope: `item.…` and `index` inside a repeated row, the model otherwise. */
export function resolveInScope(model: DocumentModel, path: string, scope: Scope = {}): unknown {
  if (path === 'index') return scope.index === undefined ? UNKNOWN : scope.index;
  if (path === 'item') return scope.item === undefined ? UNKNOWN : scope.item;
  if (path.startsWith('item.')) return scope.item === undefined ? UNKNOWN : resolveField(scope.item, path.slice(5));
  return resolveField(model, path);
}

/** True when every part of the condition holds (`!path` holds when the field is absent or empty). */
export function conditionHolds(model: DocumentModel, condition: TemplateCondition | undefined, scope: Scope = {}, onUnknown?: (path: string) => void): boolean {
  if (condition === undefined) return true;
  return (Array.isArray(condition) ? condition : [condition]).every((part) => {
    const negated = part.startsWith('!');
    const path = negated ? part.slice(1) : part;
    const value = resolveInScope(model, path, scope);
    if (value === UNKNOWN) onUnknown?.(path);
    return negated ? !isPresent(value) : isPresent(value);
  });
}

/** Printed form of a field value. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined || value === UNKNOWN) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(fieldText).filter(Boolean).join('; ');
  return '';
}

export interface TemplateField {
  /** Model path; fields of a repeated row are `<collection>[].<field>`. */
  path: string;
  /** The collection a row field belongs to. */
  each?: string;
}

function conditionList(condition: TemplateCondition | undefined): string[] {
  if (condition === undefined) return [];
  return (Array.isArray(condition) ? condition : [condition]).map((c) => c.replace(/^!/, ''));
}

/** Every model field a template reads (placeholders, conditions, collections, requisites), each once, in order. */
export function templateFields(template: DocumentTemplate): TemplateField[] {
  const out: TemplateField[] = [];
  const seen = new Set<string>();
  const add = (path: string, each?: string) => {
    const key = each ? `${each}[].${path}` : path;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(each ? { path: key, each } : { path });
  };
  for (const r of template.requisites) add(r.path);
  for (const block of template.blocks) {
    const each = block.type === 'list' || block.type === 'table' ? block.each : undefined;
    for (const path of conditionList(block.if)) add(path);
    if (each) add(each);
    if (block.type === 'addressee' || block.type === 'applicant') for (const line of block.lines) if (typeof line !== 'string') conditionList(line.if).forEach((p) => add(p));
    if (block.type === 'fields') for (const row of block.rows) conditionList(row.if).forEach((p) => add(p));
    if (block.type === 'outgoing') {
      add('outgoing.number');
      if (block.date) add('outgoing.date');
      if (block.theirs) add('theirs');
    }
    if (block.type === 'letterhead') ['mission.nameRu', 'mission.nameKy', 'mission.address', 'mission.phones'].forEach((p) => add(p));
    if (block.type === 'attachments') add('attachments');
    for (const { text, repeated } of blockTexts(block)) {
      for (const path of placeholders(text)) {
        if (repeated && path === 'index') continue;
        if (repeated && each && path.startsWith('item.')) add(path.slice(5), each);
        else add(path);
      }
    }
  }
  return out;
}

export interface ReviewField {
  path: string;
  /** The printed value; for a collection, how many rows it has; for a row field, every row's value. */
  value: string | string[];
  /** The requisite's label when the field is mandatory. */
  requisite: string | null;
  missing: boolean;
}

/** Every field the template uses with its value, for the caseworker to review before generating. */
export function reviewFields(template: DocumentTemplate, model: DocumentModel): ReviewField[] {
  const labels = new Map(template.requisites.map((r) => [r.path, r.label]));
  return templateFields(template).map(({ path, each }) => {
    const requisite = labels.get(path) ?? null;
    if (each) {
      const rows = resolveField(model, each);
      const field = path.slice(each.length + 3);
      const values = Array.isArray(rows) ? rows.map((row) => fieldText(resolveField(row, field))) : [];
      return { path, value: values, requisite, missing: values.length === 0 || values.some((v) => v.trim() === '') };
    }
    const value = resolveField(model, path);
    const missing = !isPresent(value);
    if (Array.isArray(value)) return { path, value: `${value.length}`, requisite, missing };
    return { path, value: fieldText(value), requisite, missing };
  });
}
