import { normalizePin, parsePin } from '../case/pin';
import { DOCUMENT_TYPES, type DocumentType, type IntakeDraft, type Language, type LearnedHow, type PersonName } from '../case/schema';
import { isPatronymicParticle } from '../names';
import { importDateIso, parseImportDate, type ImportDate } from './dates';
import type { ImportField, ImportMapping } from './fields';

/**
 * One row of an imported list → an intake draft, the same shape the intake form submits, so the import
 * is checked by the same schema and the same cross-field rules. Pure and total: bad cells become findings.
 */

/** Values for what a list usually does not say; the caseworker sets them once for the whole file. */
export interface ImportDefaults {
  missionId: string;
  caseworker: string;
  /** Used when the row has no region. '' = the row must say it. */
  region: string;
  /** ISO date used when the row has no «learned at» date. */
  learnedAt: string;
  learnedHow: LearnedHow;
  language: Language;
}

export interface RowFinding {
  code: string;
  /** The import field the finding is about, to name its column. */
  field?: ImportField;
  /** Path into the intake form, for schema and validation findings. */
  path?: string;
  params?: Record<string, string | number>;
}

export interface ConvertedRow {
  draft: IntakeDraft;
  errors: RowFinding[];
  warnings: RowFinding[];
  /** Identifiers as the file gives them, for duplicate checks even when a document could not be kept. */
  lookup: { pin: string; documents: { series: string; number: string }[] };
}

const MAX_CELL = 2000;

/** The row's cell for each mapped field (first column wins; mappings normally have one column per field). */
export function cellsOf(row: readonly string[], mapping: ImportMapping): Partial<Record<ImportField, string>> {
  const cells: Partial<Record<ImportField, string>> = {};
  mapping.forEach((field, i) => {
    if (field === '' || cells[field] !== undefined) return;
    const value = typeof row[i] === 'string' ? row[i]!.replace(/\s+/g, ' ').trim() : '';
    cells[field] = value.slice(0, MAX_CELL);
  });
  return cells;
}

/** «Асанов Бакыт Нурланович» → surname, given name, the rest as patronymic (uulu/kyzy forms keep their particle). */
export function splitFullName(full: string): PersonName {
  const tokens = full.split(' ').filter(Boolean);
  return { surname: tokens[0] ?? '', givenName: tokens[1] ?? '', patronymic: tokens.slice(2).join(' ') };
}

const LOOKALIKES: Record<string, string> = { А: 'A', В: 'B', С: 'C', Д: 'D', Е: 'E', И: 'I', К: 'K', М: 'M', Н: 'N', О: 'O', Р: 'P', Т: 'T', Х: 'X' };

/** «AN 1234567», «АН№1234567», «ID-1234567» → series and number; anything else is all number. */
export function splitDocument(text: string): { series: string; number: string } {
  const m = /^([A-Za-zА-Яа-я]{1,4})\s*[-№#]?\s*([0-9][0-9 ]*)$/u.exec(text.trim());
  if (!m) return { series: '', number: text.trim() };
  const series = [...m[1]!.toUpperCase()].map((ch) => LOOKALIKES[ch] ?? ch).join('');
  return { series, number: m[2]!.replace(/ /g, '') };
}

export function parseDocumentType(text: string): DocumentType | null {
  const t = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (t === '') return null;
  if ((DOCUMENT_TYPES as readonly string[]).includes(t)) return t as DocumentType;
  const year = /(2004|2006|2017|2020|2023|2024)/.exec(t)?.[1];
  const idCard = /id|ид|карт/.test(t);
  const passport = /паспорт|passport/.test(t);
  if (idCard && year && (DOCUMENT_TYPES as readonly string[]).includes(`id_card_${year}`)) return `id_card_${year}` as DocumentType;
  if (passport && year && (DOCUMENT_TYPES as readonly string[]).includes(`passport_${year}`)) return `passport_${year}` as DocumentType;
  if (/возвращ|return/.test(t)) return 'return_certificate';
  return 'other';
}

export function parseSex(text: string): 'male' | 'female' | null {
  const t = text.trim().toLowerCase().replace(/\.$/, '');
  if (/^(м|муж|мужской|мужчина|male|m|эр|эркек)$/.test(t)) return 'male';
  if (/^(ж|жен|женский|женщина|female|f|w|аял|кыз)$/.test(t)) return 'female';
  return null;
}

/** Sex from a Russian-style patronymic or the uulu/kyzy particle; null when it does not say. */
export function sexFromPatronymic(patronymic: string): 'male' | 'female' | null {
  const t = patronymic.trim().toLowerCase();
  if (t === '') return null;
  if (/(уулу|uulu|uly|улы)$/.test(t) || /(ович|евич|ич|ovich|evich)$/.test(t)) return 'male';
  if (/(кызы|kyzy|kizi|кизи)$/.test(t) || /(овна|евна|ична|инична|ovna|evna)$/.test(t)) return 'female';
  return null;
}

function patronymicFormOf(patronymic: string): 'patronymic' | 'uulu_kyzy' | 'none' {
  const tokens = patronymic.split(' ').filter(Boolean);
  if (tokens.length === 0) return 'none';
  return tokens.some((t) => isPatronymicParticle(t)) ? 'uulu_kyzy' : 'patronymic';
}

const PHONE = /^\+?[0-9][0-9 ()-]*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function nameFrom(cells: Partial<Record<ImportField, string>>, full: ImportField, parts: [ImportField, ImportField, ImportField]): PersonName {
  const split = splitFullName(cells[full] ?? '');
  return {
    surname: cells[parts[0]] || split.surname,
    givenName: cells[parts[1]] || split.givenName,
    patronymic: cells[parts[2]] || split.patronymic,
  };
}

/**
 * Builds the draft. `newId` makes the person's and the document's ids; `referenceYear` sets the century of
 * two-digit years. Findings here are about cells (a date nobody can read, a sex the row does not say);
 * the schema and `validateIntake` find the rest (see dry-run).
 */
export function convertRow(row: readonly string[], mapping: ImportMapping, defaults: ImportDefaults, newId: () => string, referenceYear: number): ConvertedRow {
  const cells = cellsOf(row, mapping);
  const errors: RowFinding[] = [];
  const warnings: RowFinding[] = [];

  const date = (field: ImportField): ImportDate | null => {
    const value = cells[field] ?? '';
    const parsed = parseImportDate(value, referenceYear);
    if (parsed.ok) return parsed.value;
    if (parsed.reason !== 'empty') errors.push({ code: parsed.reason === 'impossible' ? 'date_impossible' : 'date_unparsed', field, params: { value: value.slice(0, 40) } });
    return null;
  };
  const fullDay = (field: ImportField): string => {
    const value = date(field);
    if (!value) return '';
    const iso = importDateIso(value);
    if (!iso) errors.push({ code: 'date_partial', field, params: { value: (cells[field] ?? '').slice(0, 40) } });
    return iso ?? '';
  };

  const nameRu = nameFrom(cells, 'fullNameRu', ['surnameRu', 'givenNameRu', 'patronymicRu']);
  const nameKy = nameFrom(cells, 'fullNameKy', ['surnameKy', 'givenNameKy', 'patronymicKy']);
  const nameLat = nameFrom(cells, 'fullNameLat', ['surnameLat', 'givenNameLat', 'patronymicLat']);

  const birth = date('birthDate');
  const pin = normalizePin(cells.pin ?? '');
  const parsedPin = parsePin(pin);

  let sex: 'male' | 'female' | null = null;
  if (cells.sex) {
    sex = parseSex(cells.sex);
    if (!sex) errors.push({ code: 'sex_unknown', field: 'sex', params: { value: cells.sex.slice(0, 40) } });
  } else {
    sex = (parsedPin.ok ? parsedPin.value.sex : null) ?? sexFromPatronymic(nameRu.patronymic) ?? sexFromPatronymic(nameKy.patronymic) ?? sexFromPatronymic(nameLat.patronymic);
    if (!sex) errors.push({ code: 'sex_missing', field: 'sex' });
  }

  const phones: string[] = [];
  for (const phone of (cells.phone ?? '').split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
    if (PHONE.test(phone) && phone.length <= 50 && phones.length < 10) phones.push(phone);
    else warnings.push({ code: 'phone_skipped', field: 'phone', params: { value: phone.slice(0, 40) } });
  }
  let email = cells.email ?? '';
  if (email !== '' && !EMAIL.test(email)) {
    warnings.push({ code: 'email_skipped', field: 'email', params: { value: email.slice(0, 40) } });
    email = '';
  }

  const docText = cells.document ?? '';
  const fromText = docText ? splitDocument(docText) : { series: '', number: '' };
  const series = (cells.docSeries ?? '') || fromText.series;
  const number = ((cells.docNumber ?? '') || fromText.number).replace(/\s/g, '');
  const lookupDocs = number ? [{ series, number }] : [];
  const documents: IntakeDraft['documents'] = [];
  const issueDate = fullDay('docIssueDate');
  const expiryDate = fullDay('docExpiryDate');
  if (number) {
    if (issueDate && expiryDate) {
      documents.push({
        id: newId(),
        type: parseDocumentType(cells.docType ?? '') ?? 'other',
        series,
        number,
        issueDate,
        issuer: cells.docIssuer ?? '',
        expiryDate,
        status: 'current',
        usedForEntry: false,
      });
    } else {
      // The intake model needs both dates of a document; the number still serves duplicate checks.
      warnings.push({ code: 'document_not_kept', field: 'document', params: { value: `${series} ${number}`.trim().slice(0, 40) } });
    }
  }

  const learnedAt = cells.learnedAt ? fullDay('learnedAt') : defaults.learnedAt;
  const patronymicSource = nameRu.patronymic || nameKy.patronymic || nameLat.patronymic;

  const draft: IntakeDraft = {
    person: {
      id: newId(),
      nameKy,
      nameRu,
      nameLat,
      patronymicForm: patronymicFormOf(patronymicSource),
      otherSpellings: [],
      sex,
      birthDate: birth,
      placeOfBirth: cells.placeOfBirth ?? '',
      citizenship: 'KG',
      pin,
      phones,
      email,
      ruPostalAddress: cells.ruAddress ?? '',
      kgAddress: cells.kgAddress ?? '',
      preferredLanguage: defaults.language,
      consentDate: '',
    },
    documents,
    stays: [],
    registrations: [],
    employments: [],
    amina: { registered: false, cardNumber: '', registeredDate: '', deregisteredDate: '' },
    case: {
      missionId: defaults.missionId,
      caseworker: defaults.caseworker,
      region: cells.region || defaults.region,
      learnedAt,
      learnedHow: defaults.learnedHow,
      learnedNote: cells.note ?? '',
      impacts: [],
    },
  };
  return { draft, errors, warnings, lookup: { pin, documents: lookupDocs } };
}

/** The import field a form path comes from, so a schema or validation finding can name its column. */
export function fieldOfPath(path: string): ImportField | undefined {
  const p = path.split('.');
  if (p[0] === 'person') {
    const scripts: Record<string, 'Ru' | 'Ky' | 'Lat'> = { nameRu: 'Ru', nameKy: 'Ky', nameLat: 'Lat' };
    const script = scripts[p[1] ?? ''];
    if (script && (p[2] === 'surname' || p[2] === 'givenName' || p[2] === 'patronymic')) return `${p[2]}${script}` as ImportField;
    const direct: Record<string, ImportField> = {
      birthDate: 'birthDate',
      sex: 'sex',
      pin: 'pin',
      phones: 'phone',
      email: 'email',
      placeOfBirth: 'placeOfBirth',
      ruPostalAddress: 'ruAddress',
      kgAddress: 'kgAddress',
    };
    return direct[p[1] ?? ''];
  }
  if (p[0] === 'documents') {
    const docs: Record<string, ImportField> = { series: 'docSeries', number: 'docNumber', issueDate: 'docIssueDate', expiryDate: 'docExpiryDate', issuer: 'docIssuer', type: 'docType' };
    return docs[p[2] ?? ''] ?? 'document';
  }
  if (p[0] === 'case') {
    const fields: Record<string, ImportField> = { region: 'region', learnedAt: 'learnedAt', learnedNote: 'note' };
    return fields[p[1] ?? ''];
  }
  return undefined;
}
