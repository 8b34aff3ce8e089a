import type { FieldConflict } from '../../../../shared/sync/merge';

/** What the replication engine needs about one synced row, kept beside it (Dexie v14 `syncState`). */
export interface SyncStateRow {
  table: string;
  key: string;
  /** RxDB revision `<height>-<writer>`. */
  rev: string;
  /** Local write time in ms, strictly increasing on this PC: the engine's checkpoint walks it. */
  lwt: number;
  /** The row was deleted; the stamp stays as the tombstone the server must learn about. */
  deleted: boolean;
}

/** One document of the engine's own bookkeeping (assumed server states, checkpoints), stored whole. */
export interface SyncMetaRow {
  scope: string;
  id: string;
  doc: Record<string, unknown>;
}

/** A field edited differently on two PCs: the row holds the server's value until the caseworker chooses. */
export interface SyncConflictRow {
  id: string;
  table: string;
  key: string;
  at: string;
  fields: FieldConflict[];
  resolved: boolean;
}
