/**
 * Human names of form paths for the error and warning summaries ("Документ 2 › Номер"). Paths are those
 * of the schema issues and of validateIntake findings: `person.nameRu.surname`, `documents.1.number`,
 * `employments.0` (a finding about the whole contract), `person.birthDate.month`.
 */

export interface LabelPart {
  key: string;
  params?: Record<string, number>;
}

const LISTS = ['documents', 'stays', 'registrations', 'employments'] as const;
const NAME_GROUPS = ['nameKy', 'nameRu', 'nameLat'];
const STRING_LISTS: Record<string, string> = { phones: 'intake.person.phone', otherSpellings: 'intake.person.otherSpelling' };

export function fieldLabel(path: string): LabelPart[] {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return [];
  if ((LISTS as readonly string[]).includes(head)) {
    const index = Number(rest[0]);
    if (!Number.isInteger(index)) return [{ key: `intake.sections.${head}` }];
    const item: LabelPart = { key: `intake.${head}.item`, params: { n: index + 1 } };
    return rest[1] === undefined ? [item] : [item, { key: `intake.${head}.${rest[1]}` }];
  }
  if (head === 'person') {
    const [field, sub] = rest;
    if (field === undefined) return [{ key: 'intake.sections.person' }];
    if (NAME_GROUPS.includes(field)) return sub === undefined ? [{ key: `intake.person.${field}` }] : [{ key: `intake.person.${field}` }, { key: `intake.person.${sub}` }];
    if (field in STRING_LISTS) {
      const index = Number(sub);
      return Number.isInteger(index) ? [{ key: STRING_LISTS[field]!, params: { n: index + 1 } }] : [{ key: `intake.person.${field}` }];
    }
    if (field === 'representative') {
      return sub === undefined ? [{ key: 'intake.person.representative' }] : [{ key: 'intake.person.representative' }, { key: `intake.person.representativeFields.${sub}` }];
    }
    // A date of birth is one field to the user, whichever of its boxes the problem is in.
    return [{ key: `intake.person.${field}` }];
  }
  if (head === 'amina') return rest[0] === undefined ? [{ key: 'intake.sections.amina' }] : [{ key: 'intake.sections.amina' }, { key: `intake.amina.${rest[0]}` }];
  if (head === 'case') return rest[0] === undefined ? [{ key: 'intake.sections.case' }] : [{ key: `intake.case.${rest[0]}` }];
  return [];
}
