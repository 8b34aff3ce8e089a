/**
 * A case's statuses in workflow order. Kept apart from the case schema so that screens which only list or
 * filter by status do not load the schema library with it.
 */
export const CASE_STATUSES = [
  'intake',
  'checking',
  'collecting_evidence',
  'requests_sent',
  'awaiting_answer',
  'excluded',
  'refused',
  'left_russia',
  'closed',
] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];
