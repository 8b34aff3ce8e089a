/** The key of the row that asks for, and tracks, the in-place encryption of a database from before v14. */
export const ENCRYPTION_MARKER = 'encryption';

/**
 * Progress of the in-place encryption: the table being sealed and the last primary key sealed in it, written in
 * the same transaction as each batch, so a run cut short resumes right after the last batch that committed.
 */
export interface AtRestMarkerRow {
  key: typeof ENCRYPTION_MARKER;
  state: 'pending' | 'running' | 'done';
  table: string | null;
  /** The last primary key sealed in `table`; null before its first batch. */
  after: unknown;
  /** Rows looked at so far, over every table. */
  done: number;
  startedAt: string | null;
  finishedAt?: string;
}
