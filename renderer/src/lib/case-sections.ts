/** Panels of the case page a link can open at: `#/cases/<id>?section=checks`. */
export const CASE_SECTIONS = ['deadlines', 'requests', 'appeals', 'checks', 'diagnosis', 'documents'] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];

export function isCaseSection(value: unknown): value is CaseSection {
  return typeof value === 'string' && (CASE_SECTIONS as readonly string[]).includes(value);
}

/** The section named by a route's query (`section=…`), or null when it names none we have. */
export function sectionFromQuery(query: string | undefined): CaseSection | null {
  if (!query) return null;
  const value = new URLSearchParams(query).get('section');
  return isCaseSection(value) ? value : null;
}

/** Each section's heading id (the panel's `aria-labelledby`). */
export const sectionHeadingId = (section: CaseSection) => `${section}-title`;
