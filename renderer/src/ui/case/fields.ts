import {
  CONTRACT_TYPES,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  IMPACTS,
  LANGUAGES,
  LEARNED_HOW,
  PATRONYMIC_FORMS,
  REGISTRATION_CHANNELS,
  SEXES,
  STAY_PURPOSES,
} from '../../../../shared/case/schema';

/**
 * What each editable field of a case is: one list drives the inline editors, the add-item forms and the
 * history's field names, so a label is written once and the audit trail reads the same as the page.
 */

export type FieldKind =
  | 'text'
  /** Multi-line free text; Ctrl+Enter saves. */
  | 'textarea'
  /** A required ISO date. */
  | 'date'
  /** An ISO date that may be empty. */
  | 'optionalDate'
  /** A contract end: empty means open-ended (stored as null). */
  | 'openEndDate'
  /** A date of birth: full, month + year or year only. */
  | 'partialDate'
  /** A closed choice; `options` are translated as `${optionsKey}.${value}`. */
  | 'select'
  /** Several choices of a closed list (impacts). */
  | 'multi'
  | 'checkbox'
  /** A list of short texts, one per line (phones, other spellings). */
  | 'lines'
  /** ISO 3166 alpha-2 code, required. */
  | 'country'
  /** ISO 3166 alpha-2 code, may be empty. */
  | 'optionalCountry'
  /** One of the person's identity documents, or none. */
  | 'documentRef';

export interface FieldDescriptor {
  /** Path below the section's base (`nameRu.surname`, `number`, `region`). */
  key: string;
  /** i18n key of the label. */
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  optionsKey?: string;
  required?: boolean;
  maxLength?: number;
  /** id of a <datalist> with suggestions. */
  suggestions?: 'regions';
}

export type ItemList = 'documents' | 'stays' | 'registrations' | 'employments';

const f = (key: string, kind: FieldKind, extra: Omit<FieldDescriptor, 'key' | 'kind' | 'label'> = {}): FieldDescriptor => ({
  key,
  kind,
  label: `casePage.field.${key.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase())}`,
  ...extra,
});

const choice = (key: string, options: readonly string[], optionsKey: string): FieldDescriptor => f(key, 'select', { options, optionsKey, required: true });

export const NAME_FIELDS: readonly FieldDescriptor[] = (['Ru', 'Ky', 'Lat'] as const).flatMap((script) =>
  (['surname', 'givenName', 'patronymic'] as const).map((part) =>
    f(`name${script}.${part}`, 'text', { maxLength: 100, required: script === 'Ru' && part !== 'patronymic' }),
  ),
);

/** Person fields; `person.` is the base both for edits and for audit paths. */
export const PERSON_FIELDS: readonly FieldDescriptor[] = [
  choice('patronymicForm', PATRONYMIC_FORMS, 'cases.patronymicForm'),
  f('otherSpellings', 'lines', { maxLength: 200 }),
  choice('sex', SEXES, 'cases.sex'),
  f('birthDate', 'partialDate', { required: true }),
  f('placeOfBirth', 'text', { maxLength: 200 }),
  f('citizenship', 'country', { required: true, maxLength: 2 }),
  f('secondCitizenship', 'optionalCountry', { maxLength: 2 }),
  f('pin', 'text', { maxLength: 20 }),
  f('phones', 'lines', { maxLength: 50 }),
  f('email', 'text', { maxLength: 254 }),
  f('ruPostalAddress', 'text', { maxLength: 500 }),
  f('kgAddress', 'text', { maxLength: 500 }),
  choice('preferredLanguage', LANGUAGES, 'cases.language'),
  f('consentDate', 'optionalDate'),
];

export const REPRESENTATIVE_FIELDS: readonly FieldDescriptor[] = [
  f('representative.name', 'text', { required: true, maxLength: 200 }),
  f('representative.document', 'text', { maxLength: 300 }),
  f('representative.powerOfAttorney', 'text', { maxLength: 500 }),
];

export const EMPTY_REPRESENTATIVE = { name: '', document: '', powerOfAttorney: '' } as const;

const ITEM_FIELDS_UNLABELLED: Record<ItemList, readonly FieldDescriptor[]> = {
  documents: [
    choice('type', DOCUMENT_TYPES, 'cases.documentType'),
    f('series', 'text', { maxLength: 10 }),
    f('number', 'text', { required: true, maxLength: 30 }),
    f('issueDate', 'date', { required: true }),
    f('issuer', 'text', { maxLength: 200 }),
    f('expiryDate', 'date', { required: true }),
    choice('status', DOCUMENT_STATUSES, 'cases.documentStatus'),
    f('usedForEntry', 'checkbox'),
  ],
  stays: [
    f('entryDate', 'date', { required: true }),
    f('checkpoint', 'text', { maxLength: 200 }),
    f('documentId', 'documentRef'),
    f('migrationCard', 'text', { maxLength: 50 }),
    choice('purpose', STAY_PURPOSES, 'cases.purpose'),
    f('exitDate', 'optionalDate'),
    f('exitRecorded', 'checkbox'),
  ],
  registrations: [
    f('address', 'text', { required: true, maxLength: 500 }),
    f('host', 'text', { maxLength: 300 }),
    f('from', 'date', { required: true }),
    f('to', 'date', { required: true }),
    choice('how', REGISTRATION_CHANNELS, 'cases.registrationChannel'),
  ],
  employments: [
    f('employer', 'text', { required: true, maxLength: 300 }),
    f('employerInn', 'text', { maxLength: 20 }),
    choice('contractType', CONTRACT_TYPES, 'cases.contractType'),
    f('contractNumber', 'text', { maxLength: 100 }),
    f('start', 'date', { required: true }),
    f('end', 'openEndDate'),
    f('earlyTerminationDate', 'optionalDate'),
    f('employerNotifiedDate', 'optionalDate'),
  ],
};

export const ITEM_LISTS: readonly ItemList[] = ['documents', 'stays', 'registrations', 'employments'];

const labelled = (group: string, list: readonly FieldDescriptor[]) => list.map((d) => ({ ...d, label: `casePage.field.${group}.${d.key}` }));

export const ITEM_FIELDS: Record<ItemList, readonly FieldDescriptor[]> = {
  documents: labelled('documents', ITEM_FIELDS_UNLABELLED.documents),
  stays: labelled('stays', ITEM_FIELDS_UNLABELLED.stays),
  registrations: labelled('registrations', ITEM_FIELDS_UNLABELLED.registrations),
  employments: labelled('employments', ITEM_FIELDS_UNLABELLED.employments),
};

export const AMINA_FIELDS: readonly FieldDescriptor[] = labelled('amina', [
  f('registered', 'checkbox'),
  f('cardNumber', 'text', { maxLength: 50 }),
  f('registeredDate', 'optionalDate'),
  f('deregisteredDate', 'optionalDate'),
  f('deregistrationReason', 'textarea', { maxLength: 2000 }),
]);

export const CASE_FIELDS: readonly FieldDescriptor[] = [
  f('region', 'text', { required: true, maxLength: 200, suggestions: 'regions' }),
  f('caseworker', 'text', { required: true, maxLength: 200 }),
  f('learnedAt', 'date', { required: true }),
  choice('learnedHow', LEARNED_HOW, 'cases.learnedHow'),
  f('learnedNote', 'textarea', { maxLength: 2000 }),
  f('impacts', 'multi', { options: IMPACTS, optionsKey: 'cases.impact' }),
];

/**
 * Edit paths (what `updateField` takes) and form paths (what findings, issues and audit entries name)
 * differ only for the person's lists and «Амина»: `person.documents.0.number` is `documents.0.number`.
 */
export const editPath = {
  person: (key: string) => `person.${key}`,
  item: (list: ItemList, index: number, key: string) => `person.${list}.${index}.${key}`,
  amina: (key: string) => `person.amina.${key}`,
  case: (key: string) => `case.${key}`,
};

export const formPath = {
  person: (key: string) => `person.${key}`,
  item: (list: ItemList, index: number, key: string) => `${list}.${index}.${key}`,
  amina: (key: string) => `amina.${key}`,
  case: (key: string) => `case.${key}`,
};

/** What a form path (as in audit entries and findings) names, so the history and messages can label it. */
export type PathTarget =
  | { scope: 'field'; descriptor: FieldDescriptor; rest: string[] }
  | { scope: 'item'; list: ItemList; index: number; descriptor: FieldDescriptor | null; rest: string[] }
  | { scope: 'unknown' };

function longestMatch(descriptors: readonly FieldDescriptor[], parts: string[]): { descriptor: FieldDescriptor; rest: string[] } | null {
  let best: { descriptor: FieldDescriptor; rest: string[] } | null = null;
  for (const descriptor of descriptors) {
    const keyParts = descriptor.key.split('.');
    if (keyParts.length > parts.length || keyParts.some((part, i) => parts[i] !== part)) continue;
    if (!best || keyParts.length > best.descriptor.key.split('.').length) best = { descriptor, rest: parts.slice(keyParts.length) };
  }
  return best;
}

export function resolvePath(path: string): PathTarget {
  const [head, ...parts] = path.split('.');
  if (head === 'person') {
    const match = longestMatch([...NAME_FIELDS, ...PERSON_FIELDS, ...REPRESENTATIVE_FIELDS], parts);
    return match ? { scope: 'field', ...match } : { scope: 'unknown' };
  }
  if (head === 'case' || head === 'amina') {
    const match = longestMatch(head === 'case' ? CASE_FIELDS : AMINA_FIELDS, parts);
    return match ? { scope: 'field', ...match } : { scope: 'unknown' };
  }
  if ((ITEM_LISTS as readonly string[]).includes(head ?? '') && parts.length > 0 && /^\d+$/.test(parts[0]!)) {
    const list = head as ItemList;
    const index = Number(parts[0]);
    const match = longestMatch(ITEM_FIELDS[list], parts.slice(1));
    return match ? { scope: 'item', list, index, ...match } : { scope: 'item', list, index, descriptor: null, rest: parts.slice(1) };
  }
  return { scope: 'unknown' };
}

/** Findings and issues belong to an edited field when one path contains the other (a gap names the whole contract). */
export function pathsRelated(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** The value at a dotted key (`nameRu.surname`) of a record. */
export function valueAt(record: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node == null ? undefined : (node as Record<string, unknown>)[part]), record);
}
