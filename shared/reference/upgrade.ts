import type { ErrorCause, LetterArgument, ReferenceBundle } from './schema';

/**
 * Reference data saved by an earlier version of the app lacks what later versions added to the factory data.
 * Letter arguments are the case in point: a cause stored before they existed has no `arguments` key at all, so
 * letters would print no cause paragraph until the factory data were reapplied (which would also undo every
 * edit). This brings only the missing parts in, from the factory copy, and leaves every stored value as it was.
 *
 * Idempotent by construction: the marker is the missing key, not an empty list. Once upgraded every cause has
 * the key, so a cause whose arguments a caseworker deliberately removed (`[]`) is never refilled. The same holds
 * for the tables added later: the reference dates (the register's start) and the clocks documents start.
 */

/** A bundle as stored: rows written before a field existed lack it. */
type StoredCause = Omit<ErrorCause, 'arguments'> & { arguments?: ErrorCause['arguments'] };
type StoredBundle = Omit<ReferenceBundle, 'dates' | 'documentClocks' | 'terms'> & {
  dates?: ReferenceBundle['dates'];
  documentClocks?: ReferenceBundle['documentClocks'];
  terms?: ReferenceBundle['terms'];
};

export function causesMissingArguments(bundle: ReferenceBundle): string[] {
  return (bundle.causes as readonly StoredCause[]).filter((c) => c.arguments === undefined).map((c) => c.id);
}

/**
 * The factory arguments a stored cause can take: those whose evidence is on the stored cause's own checklist and
 * whose legal reference exists in the stored data (a caseworker may have edited either; an argument that no
 * longer fits is left out rather than making the data invalid).
 */
function fitting(stored: StoredCause, factory: readonly LetterArgument[], legalRefs: ReadonlySet<string>): LetterArgument[] {
  const checklist = new Set(stored.checklist);
  return factory.filter((a) => a.evidence.every((id) => checklist.has(id)) && (a.legalRef === null || legalRefs.has(a.legalRef)));
}

export interface ReferenceUpgrade {
  bundle: ReferenceBundle;
  /** Causes that received factory arguments, with how many. */
  argumentsAdded: Array<{ cause: string; count: number }>;
  /** Reference dates added (their ids). */
  datesAdded: string[];
}

/** True when data stored by an earlier release lacks something this one adds (./upgrade). */
export function needsReferenceUpgrade(bundle: ReferenceBundle): boolean {
  const stored = bundle as StoredBundle;
  return causesMissingArguments(bundle).length > 0 || stored.dates === undefined || stored.documentClocks === undefined || stored.terms === undefined;
}

/** The stored bundle with the factory's letter arguments and dates added where the key is missing; null when nothing is. */
export function upgradeStoredReference(stored: ReferenceBundle, factory: ReferenceBundle): ReferenceUpgrade | null {
  if (!needsReferenceUpgrade(stored)) return null;
  const factoryArgs = new Map(factory.causes.map((c) => [c.id, c.arguments ?? []]));
  const legalRefs = new Set(stored.legalRefs.map((r) => r.id));
  const argumentsAdded: ReferenceUpgrade['argumentsAdded'] = [];
  const causes = (stored.causes as readonly StoredCause[]).map((cause): ErrorCause => {
    if (cause.arguments !== undefined) return cause as ErrorCause;
    const args = fitting(cause, factoryArgs.get(cause.id) ?? [], legalRefs);
    if (args.length > 0) argumentsAdded.push({ cause: cause.id, count: args.length });
    return { ...cause, arguments: args.map((a) => ({ ...a })) };
  });
  const storedDates = (stored as StoredBundle).dates;
  // A factory date citing a provision the stored data no longer has keeps its date, without the citation.
  const dates = storedDates ?? factory.dates.map((d) => ({ ...d, legalRef: d.legalRef !== null && legalRefs.has(d.legalRef) ? d.legalRef : null }));
  const datesAdded = storedDates ? [] : dates.map((d) => d.id);
  const storedClocks = (stored as StoredBundle).documentClocks;
  const documentClocks = storedClocks ?? factory.documentClocks.map((c) => ({ ...c, legalRef: c.legalRef !== null && legalRefs.has(c.legalRef) ? c.legalRef : null }));
  // Terms (the registration grace days, the answer term) arrive with the factory values the code used before.
  const storedTerms = (stored as StoredBundle).terms;
  const terms = storedTerms ?? factory.terms.map((term) => ({ ...term, legalRef: term.legalRef !== null && legalRefs.has(term.legalRef) ? term.legalRef : null }));
  return { bundle: { ...stored, causes, dates, documentClocks, terms }, argumentsAdded, datesAdded };
}
