import type { ReferenceBundle } from './schema';

/**
 * Cross-table checks of a reference bundle, beyond what each row's schema can see: ids unique per table, every
 * id a row mentions exists, a federal subject belongs to one consular district and one regional MVD body, and
 * a diagnosis rule feeds one cause only. A senior caseworker edits this data by hand, so each problem names
 * the path of the offending value.
 */

/** `unknown_placeholder` comes from a row's own schema (a letter argument's `{{field}}`), reported the same way. */
export const INTEGRITY_CODES = ['duplicate_id', 'unknown_reference', 'duplicate_region', 'duplicate_rule', 'duplicate_entry', 'unknown_placeholder'] as const;
export type IntegrityCode = (typeof INTEGRITY_CODES)[number];

export interface IntegrityProblem {
  path: (string | number)[];
  code: IntegrityCode;
  /** The duplicated or unknown value. */
  value?: string;
}

type BundleTables = Omit<ReferenceBundle, 'version' | 'updatedAt'>;

export function checkReferenceIntegrity(bundle: BundleTables): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];

  const uniqueIds = (rows: readonly { id: string }[], path: (string | number)[], seen = new Set<string>()): Set<string> => {
    rows.forEach((row, i) => {
      if (seen.has(row.id)) problems.push({ path: [...path, i, 'id'], code: 'duplicate_id', value: row.id });
      seen.add(row.id);
    });
    return seen;
  };
  const inclusion = uniqueIds(bundle.grounds.inclusion, ['grounds', 'inclusion']);
  // One id space for both kinds of ground, so an id alone says which ground a case claims.
  const exclusion = new Set(bundle.grounds.exclusion.map((g) => g.id));
  uniqueIds(bundle.grounds.exclusion, ['grounds', 'exclusion'], new Set(inclusion));
  const evidence = uniqueIds(bundle.evidence, ['evidence']);
  uniqueIds(bundle.causes, ['causes']);
  uniqueIds(bundle.addressees, ['addressees']);
  uniqueIds(bundle.missions, ['missions']);
  const legal = uniqueIds(bundle.legalRefs, ['legalRefs']);

  const dates = new Set<string>();
  (bundle.dates ?? []).forEach((entry, i) => {
    if (dates.has(entry.id)) problems.push({ path: ['dates', i, 'id'], code: 'duplicate_id', value: entry.id });
    dates.add(entry.id);
    if (entry.legalRef !== null && !legal.has(entry.legalRef)) problems.push({ path: ['dates', i, 'legalRef'], code: 'unknown_reference', value: entry.legalRef });
  });

  const kinds = new Set<string>();
  (bundle.documentClocks ?? []).forEach((entry, i) => {
    if (kinds.has(entry.id)) problems.push({ path: ['documentClocks', i, 'id'], code: 'duplicate_id', value: entry.id });
    kinds.add(entry.id);
    if (entry.legalRef !== null && !legal.has(entry.legalRef)) problems.push({ path: ['documentClocks', i, 'legalRef'], code: 'unknown_reference', value: entry.legalRef });
  });

  const terms = new Set<string>();
  (bundle.terms ?? []).forEach((entry, i) => {
    if (terms.has(entry.id)) problems.push({ path: ['terms', i, 'id'], code: 'duplicate_id', value: entry.id });
    terms.add(entry.id);
    if (entry.legalRef !== null && !legal.has(entry.legalRef)) problems.push({ path: ['terms', i, 'legalRef'], code: 'unknown_reference', value: entry.legalRef });
  });

  const years = new Set<number>();
  bundle.calendar.forEach((entry, i) => {
    if (years.has(entry.year)) problems.push({ path: ['calendar', i, 'year'], code: 'duplicate_id', value: String(entry.year) });
    years.add(entry.year);
    if (entry.legalRef !== null && !legal.has(entry.legalRef)) {
      problems.push({ path: ['calendar', i, 'legalRef'], code: 'unknown_reference', value: entry.legalRef });
    }
    duplicates(entry.holidays, ['calendar', i, 'holidays'], problems);
    duplicates(
      entry.transfers.map((t) => t.to),
      ['calendar', i, 'transfers'],
      problems,
    );
  });

  const known = (ids: readonly string[], pool: Set<string>, path: (string | number)[]) => {
    ids.forEach((id, j) => {
      if (!pool.has(id)) problems.push({ path: [...path, j], code: 'unknown_reference', value: id });
    });
  };
  bundle.grounds.inclusion.forEach((g, i) => known(g.legalRefs, legal, ['grounds', 'inclusion', i, 'legalRefs']));
  bundle.grounds.exclusion.forEach((g, i) => known(g.legalRefs, legal, ['grounds', 'exclusion', i, 'legalRefs']));

  const rules = new Set<string>();
  bundle.causes.forEach((cause, i) => {
    known(cause.inclusionGrounds, inclusion, ['causes', i, 'inclusionGrounds']);
    known(cause.checklist, evidence, ['causes', i, 'checklist']);
    known(cause.legalRefs, legal, ['causes', i, 'legalRefs']);
    if (!exclusion.has(cause.exclusionGround)) {
      problems.push({ path: ['causes', i, 'exclusionGround'], code: 'unknown_reference', value: cause.exclusionGround });
    }
    duplicates(cause.checklist, ['causes', i, 'checklist'], problems);
    duplicates(cause.documents, ['causes', i, 'documents'], problems);
    const args = cause.arguments ?? [];
    duplicates(args.map((a) => a.id), ['causes', i, 'arguments'], problems);
    args.forEach((arg, j) => {
      // An argument prints only on the cause's own evidence, so its items must be on the cause's checklist.
      known(arg.evidence, new Set(cause.checklist), ['causes', i, 'arguments', j, 'evidence']);
      if (arg.legalRef !== null) known([arg.legalRef], legal, ['causes', i, 'arguments', j, 'legalRef']);
    });
    if (cause.rule !== null) {
      if (rules.has(cause.rule)) problems.push({ path: ['causes', i, 'rule'], code: 'duplicate_rule', value: cause.rule });
      rules.add(cause.rule);
    }
  });

  const districtOf = new Set<string>();
  bundle.missions.forEach((mission, i) => {
    mission.district.forEach((entry, j) => {
      if (districtOf.has(entry.region)) problems.push({ path: ['missions', i, 'district', j, 'region'], code: 'duplicate_region', value: entry.region });
      districtOf.add(entry.region);
    });
  });

  const regionalBody = new Set<string>();
  bundle.addressees.forEach((addressee, i) => {
    if (addressee.kind !== 'mvd_regional') return;
    addressee.regions.forEach((region, j) => {
      if (regionalBody.has(region)) problems.push({ path: ['addressees', i, 'regions', j], code: 'duplicate_region', value: region });
      regionalBody.add(region);
    });
  });

  return problems;
}

function duplicates(values: readonly string[], path: (string | number)[], problems: IntegrityProblem[]): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) problems.push({ path: [...path, i], code: 'duplicate_entry', value });
    seen.add(value);
  });
}
