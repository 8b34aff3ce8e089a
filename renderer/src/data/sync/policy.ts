import type { MergePolicy } from '../../../../shared/sync/merge';
import type { SyncedTable } from './stamps';

/**
 * How each synced table's fields merge. Derived fields (search words, duplicate keys, list summary, deadlines) are
 * computed from the others, so two PCs always disagree on them after different edits: they follow the server and are
 * never shown as a conflict.
 */
export const MERGE_POLICIES: Record<SyncedTable, MergePolicy> = {
  persons: { latestWins: ['updatedAt'], derived: ['pinKey', 'docKeys', 'dupKeys'] },
  cases: {
    latestWins: ['updatedAt'],
    derived: ['words', 'sortName', 'nextDeadline', 'nextDeadlineClock', 'nextCheck', 'actions', 'summary'],
  },
  requests: { latestWins: ['updatedAt'] },
  checks: { latestWins: ['updatedAt'] },
  documents: { latestWins: ['updatedAt'] },
  // A register row is written once and changes only when voided; `date` is the registration day.
  outgoing: {},
  // Append-only: a row is never edited, so never merged; the server refuses an edit outright.
  audit: {},
};
