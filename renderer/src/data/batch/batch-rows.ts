import type { DocumentTemplate } from '../../../../shared/documents/template-schema';

/**
 * A batch of documents as the renderer keeps it in IndexedDB (Dexie version 10), so that a batch survives a
 * crash of the page or the app: the job with a snapshot of its template, and one row per case with its
 * state. An item's document and outgoing number are written onto the item in the same transaction that
 * registers them, so a resumed job re-renders numbered items and never numbers an item twice.
 */

export type BatchJobState = 'running' | 'done' | 'canceled';

/** `auto`: the regional MVD body serving each case's region. */
export type BatchAddresseeChoice = { mode: 'none' } | { mode: 'auto' } | { mode: 'fixed'; id: string };

export interface BatchJobRow {
  id: string;
  state: BatchJobState;
  /** The template as it was when the batch started: a resume renders the same version. */
  template: DocumentTemplate;
  templateTitle: string;
  numbered: boolean;
  addressee: BatchAddresseeChoice;
  /** ISO date every document bears. */
  date: string;
  merge: boolean;
  total: number;
  /** What the case list showed when the batch was made (search text and filters), for the summary. */
  filterText: string;
  who: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** The merged PDF, when asked for and made: main's merge job (valid while main runs) and the stored file. */
  merged: { mainJobId: string; relPath: string; pages: number; bytes: number } | null;
}

/**
 * pending → (numbered →) done, or failed. `numbered`: the document is registered (with its outgoing number
 * when the template takes one) but its PDF is not recorded yet. `skipped`: left out by a cancel before it
 * got a number.
 */
export type BatchItemState = 'pending' | 'numbered' | 'done' | 'failed' | 'skipped';

export interface BatchItemRow {
  /** `<jobId>:<index, zero-padded>`. */
  id: string;
  jobId: string;
  index: number;
  caseId: string;
  caseNumber: string;
  personName: string;
  state: BatchItemState;
  documentId: string | null;
  outgoingNumber: string;
  /** As the documents register records it: relative to `<dataDir>/cases`. */
  file: { relPath: string; sha256: string; bytes: number; pages: number } | null;
  error: { code: string; message: string } | null;
  updatedAt: string;
}
