import type { CaseRow, PersonRow } from '../../data/schema';
import { CASE_FIELDS, editPath, formPath, NAME_FIELDS, PERSON_FIELDS, type FieldDescriptor } from '../../ui/case/fields';

/**
 * Where the caseworker fixes each field the review shows: a case or person field edited in place (saved back
 * to the case through the repository, audited), the settings, the reference data, or the choices above the
 * review (addressee, date, attachments, earlier letter).
 */

export interface CaseEdit {
  descriptor: FieldDescriptor;
  /** What updateField takes. */
  editPath: string;
  /** What findings and the audit name. */
  formPath: string;
  value: unknown;
}

export type FieldFix =
  | { kind: 'case'; edits: CaseEdit[] }
  | { kind: 'settings' }
  | { kind: 'reference' }
  | { kind: 'above' }
  | { kind: 'casePage'; section: string | null }
  | { kind: 'none' };

const personField = (key: string) => PERSON_FIELDS.find((d) => d.key === key)!;
const caseField = (key: string) => CASE_FIELDS.find((d) => d.key === key)!;
const nameFields = (script: 'Ru' | 'Ky' | 'Lat') => NAME_FIELDS.filter((d) => d.key.startsWith(`name${script}.`));

function getAt(record: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), record);
}

const PERSON_MAP: Record<string, string> = {
  postalAddress: 'ruPostalAddress',
  kgAddress: 'kgAddress',
  email: 'email',
  placeOfBirth: 'placeOfBirth',
  pin: 'pin',
  birthDate: 'birthDate',
  phones: 'phones',
  consentDate: 'consentDate',
};

const CASE_MAP: Record<string, string> = {
  region: 'region',
  learnedAt: 'learnedAt',
  learnedNote: 'learnedNote',
  learnedHowRu: 'learnedHow',
  impactsRu: 'impacts',
};

/** How to fix the field at a model path (`attachments[].title` counts as attachments). */
export function fixFor(path: string, record: CaseRow, person: PersonRow): FieldFix {
  const [head = '', second = ''] = path.replace(/\[\]/g, '').split('.');
  if (head === 'person') {
    const nameScript = /^(?:fullName|shortName|name)(Ru|Ky|Lat)$/.exec(second)?.[1] as 'Ru' | 'Ky' | 'Lat' | undefined;
    if (nameScript) {
      return { kind: 'case', edits: nameFields(nameScript).map((d) => ({ descriptor: d, editPath: editPath.person(d.key), formPath: formPath.person(d.key), value: getAt(person, d.key) })) };
    }
    const key = PERSON_MAP[second];
    if (key) return { kind: 'case', edits: [{ descriptor: personField(key), editPath: editPath.person(key), formPath: formPath.person(key), value: getAt(person, key) }] };
    // The grammatical forms follow the person's sex, edited with the person's data.
    return second === 'g' ? { kind: 'casePage', section: null } : { kind: 'none' };
  }
  if (head === 'case') {
    const key = CASE_MAP[second];
    if (key) return { kind: 'case', edits: [{ descriptor: caseField(key), editPath: editPath.case(key), formPath: formPath.case(key), value: getAt(record, key) }] };
    return { kind: 'none' };
  }
  if (['mission', 'caseworker', 'executor', 'signatory'].includes(head)) return { kind: 'settings' };
  if (head === 'legal') return { kind: 'reference' };
  if (['addressee', 'outgoing', 'document', 'attachments', 'attachmentTotals', 'previous'].includes(head)) return { kind: 'above' };
  if (['documents', 'facts', 'stays', 'registrations', 'employments', 'spelling'].includes(head)) return { kind: 'casePage', section: null };
  if (head === 'cause') return { kind: 'casePage', section: 'diagnosis' };
  if (head === 'check') return { kind: 'casePage', section: 'checks' };
  if (head === 'answerDue') return { kind: 'casePage', section: 'deadlines' };
  if (head === 'sent' || head === 'answer' || head === 'theirs') return { kind: 'casePage', section: 'requests' };
  return { kind: 'none' };
}

/** The message key of a field's label, from the most specific known prefix (`person.fullNameRu` → `person_fullNameRu`). */
export function fieldLabelKey(path: string, known: (key: string) => boolean): string | null {
  const parts = path.replace(/\[\]/g, '').split('.');
  for (let n = Math.min(parts.length, 2); n >= 1; n--) {
    const key = parts.slice(0, n).join('_');
    if (known(`documents.field.${key}`)) return `documents.field.${key}`;
  }
  return null;
}
