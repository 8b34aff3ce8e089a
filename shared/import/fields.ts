/**
 * What a column of an imported list can mean, and the guess from its header (Russian, Kyrgyz or English).
 * A mapping says, for each column index, which field it fills ('' = ignored).
 */

export const IMPORT_FIELDS = [
  'fullNameRu',
  'surnameRu',
  'givenNameRu',
  'patronymicRu',
  'fullNameKy',
  'surnameKy',
  'givenNameKy',
  'patronymicKy',
  'fullNameLat',
  'surnameLat',
  'givenNameLat',
  'patronymicLat',
  'birthDate',
  'sex',
  'pin',
  'document',
  'docSeries',
  'docNumber',
  'docType',
  'docIssueDate',
  'docExpiryDate',
  'docIssuer',
  'phone',
  'email',
  'region',
  'ruAddress',
  'kgAddress',
  'placeOfBirth',
  'learnedAt',
  'note',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];
/** One entry per column: the field it fills, or '' when the column is not imported. */
export type ImportMapping = (ImportField | '')[];

export const DATE_FIELDS: readonly ImportField[] = ['birthDate', 'docIssueDate', 'docExpiryDate', 'learnedAt'];

/** Lowercase, ё→е, no punctuation or repeated spaces: «Дата  рожд.» → «дата рожд». */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[_.,:;()"'«»№#*/\\-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Header patterns, most specific first: a column is given the first field whose pattern matches, and a
 * field already taken by an earlier column is not given twice (the second «Телефон» stays ignored).
 */
const PATTERNS: readonly [ImportField, RegExp][] = [
  ['fullNameLat', /^(фио|ф и о|full name|name) (лат|латиниц|latin|en)|^(full name|name)$|аты жөнү (лат|латын)/],
  ['fullNameKy', /^(фио|ф и о) (кырг|кыр|кг|ky)|^аты жөнү$|^аты жону$/],
  ['fullNameRu', /^(фио|ф и о|ф и о гражданина|фамилия имя отчество|фамилия имя и отчество)( (рус|на русском|ru))?$|^фамилия имя отчество|^полное имя/],
  ['surnameLat', /^(фамилия|surname|last name|family name) (лат|латиниц|latin|en)|^(surname|last name|family name)$/],
  ['givenNameLat', /^(имя|given name|first name|name) (лат|латиниц|latin|en)|^(given name|first name|given names)$/],
  ['patronymicLat', /^(отчество|patronymic|middle name) (лат|латиниц|latin|en)|^(patronymic|middle name)$/],
  ['surnameKy', /^(фамилия) (кырг|кыр|кг|ky|на кырг)|^фамилиясы$|^фамилия кыргызча/],
  ['givenNameKy', /^(имя) (кырг|кыр|кг|ky|на кырг)|^аты$/],
  ['patronymicKy', /^(отчество) (кырг|кыр|кг|ky|на кырг)|^атасынын аты$/],
  ['surnameRu', /^фамилия( (рус|на русском|ru))?$/],
  ['givenNameRu', /^имя( (рус|на русском|ru))?$/],
  ['patronymicRu', /^отчество( (рус|на русском|ru))?$/],
  ['birthDate', /(дата|д) (рожд|рож)|^др$|^д р$|туулган (күнү|куну|датасы)|birth|^dob$/],
  ['sex', /^(пол|жынысы|sex|gender)$/],
  ['pin', /^(пин|инн кр|персональный идентификационный номер|персональный номер|жеке номер|жин|pin|personal number)/],
  ['docIssueDate', /(дата|д) выдачи|берилген (күнү|куну|датасы)|issue date|date of issue|issued on/],
  ['docExpiryDate', /(срок|дата) (действия|окончания)|действителен до|годен до|жарактуу|expiry|expiration|valid until|date of expiry/],
  ['docIssuer', /кем выдан|орган выдач|ким берген|issuer|issuing authority|authority/],
  ['docType', /^(вид|тип) (документа|удостоверения)|^документтин түрү|^document type$/],
  ['docSeries', /^серия( паспорта| документа)?$|^сериясы$|^series$/],
  ['docNumber', /^(номер|№) (паспорта|документа)$|^номер$|^номери$|^(passport|document) (no|number)$/],
  ['document', /^(паспорт|документ|удостоверение личности|паспорт серия номер|серия и номер( паспорта| документа)?|серия номер|паспорт кр|паспорт№|passport|document|id card)$/],
  ['phone', /(^| )(телефон|тел|моб|phone|mobile|байланыш)/],
  ['email', /e ?mail|эл почта|электронн/],
  ['region', /регион|субъект|область|край|region|аймак/],
  ['ruAddress', /адрес (в рф|в россии|проживания|пребывания)|^адрес$|почтовый адрес|russian address|address in russia/],
  ['kgAddress', /адрес (в кр|в кыргызстане|на родине|постоянн)|kg address|address in kyrgyz/],
  ['placeOfBirth', /место рожд|туулган жери|place of birth|birthplace/],
  ['learnedAt', /(когда|дата) (узнал|обнаружил|выявлен|включен|внесен)|дата обращения|learned/],
  ['note', /примечан|комментар|эскертүү|note|comment|remarks/],
];

export function guessField(header: string): ImportField | '' {
  const h = normalizeHeader(header);
  if (h === '') return '';
  for (const [field, pattern] of PATTERNS) if (pattern.test(h)) return field;
  return '';
}

/** A guess for every column; each field is given to one column at most (the first that matches it). */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = guessField(header);
    if (field === '' || taken.has(field)) return '';
    taken.add(field);
    return field;
  });
}

/** Saved mappings are found again by the file's header row, compared normalised. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(normalizeHeader).join('|').slice(0, 2000);
}

/** A saved mapping fits a file only if it has one entry per column and names known fields. */
export function fitsHeaders(mapping: readonly unknown[], headers: readonly string[]): mapping is ImportMapping {
  return mapping.length === headers.length && mapping.every((f) => f === '' || (IMPORT_FIELDS as readonly unknown[]).includes(f));
}

/** Fields mapped to more than one column: a mapping with any cannot be used. */
export function repeatedFields(mapping: ImportMapping): ImportField[] {
  const seen = new Set<ImportField>();
  const repeated = new Set<ImportField>();
  for (const f of mapping) {
    if (f === '') continue;
    if (seen.has(f)) repeated.add(f);
    seen.add(f);
  }
  return [...repeated];
}
