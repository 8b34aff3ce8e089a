import { z } from 'zod';

/**
 * The wire contract between an Aryz PC and the mission's sync server. It follows RxDB's replication protocol
 * (pull with a checkpoint, push with the state the PC assumed, a live stream that tells the PC to pull again):
 * the PC runs RxDB's `replicateRxStorageInstance`, the server answers these endpoints on PostgreSQL.
 * Documents travel exactly as the PC stores them (personal fields already encrypted); the server never reads them.
 */
/**
 * `mission` holds one row, `key`: the mission's data key wrapped by the mission's recovery key, written by the
 * first PC that joins and never changed (append-only), so a later PC can adopt the key without the server seeing it.
 */
export const SYNC_COLLECTIONS = ['persons', 'cases', 'documents', 'outgoing', 'requests', 'checks', 'audit', 'mission'] as const;
export type SyncCollection = (typeof SYNC_COLLECTIONS)[number];
export const syncCollectionSchema = z.enum(SYNC_COLLECTIONS);

/** Collections whose rows are only ever added: the server refuses an edit or a deletion of a row it holds. */
export const APPEND_ONLY_COLLECTIONS: readonly SyncCollection[] = ['audit', 'mission'];

export const MAX_SYNC_BATCH = 500;

/** A document state: the stored row plus the protocol's deletion flag (RxDB's `WithDeleted`). */
export const syncDocSchema = z.looseObject({ id: z.string().min(1).max(200), _deleted: z.boolean() });
export type SyncDoc = z.infer<typeof syncDocSchema>;

/** The server's checkpoint: the last change sequence number the PC has seen in a collection. */
export const syncCheckpointSchema = z.object({ seq: z.number().int().nonnegative() });
export type SyncCheckpoint = z.infer<typeof syncCheckpointSchema>;

export const pullRequestSchema = z.object({
  checkpoint: syncCheckpointSchema.nullable(),
  batchSize: z.number().int().min(1).max(MAX_SYNC_BATCH),
});
export const pullResponseSchema = z.object({ documents: z.array(syncDocSchema), checkpoint: syncCheckpointSchema.nullable() });
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const pushRowSchema = z.object({ newDocumentState: syncDocSchema, assumedMasterState: syncDocSchema.optional() });
export type PushRow = z.infer<typeof pushRowSchema>;
export const pushRequestSchema = z.object({ rows: z.array(pushRowSchema).min(1).max(MAX_SYNC_BATCH) });
/** The server's current state of every row whose assumed state was not the real one; the rest were written. */
export const pushResponseSchema = z.object({ conflicts: z.array(syncDocSchema) });

export const enrollRequestSchema = z.object({ pcId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/), name: z.string().min(1).max(200) });
export const enrollResponseSchema = z.object({ pcId: z.string(), secret: z.string(), approved: z.boolean() });

export const registerNextRequestSchema = z.object({ year: z.number().int().min(2000).max(2100) });
export const registerNextResponseSchema = z.object({ year: z.number().int(), seq: z.number().int().positive() });
export type RegisterNumber = z.infer<typeof registerNextResponseSchema>;

export const SYNC_ERROR_CODES = [
  'UNAUTHORIZED',
  'CREDENTIAL_EXPIRED',
  'PC_NOT_APPROVED',
  'APPEND_ONLY',
  'INVALID_PAYLOAD',
  'NOT_FOUND',
  'INTERNAL',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];
export const syncErrorSchema = z.object({ error: z.enum(SYNC_ERROR_CODES) });

/** Refusals a retry cannot cure: the PC must be approved, re-enrolled, or stop sending that write. */
export const PERMANENT_SYNC_ERRORS: readonly SyncErrorCode[] = ['UNAUTHORIZED', 'CREDENTIAL_EXPIRED', 'PC_NOT_APPROVED', 'APPEND_ONLY', 'INVALID_PAYLOAD'];

export const SYNC_HEADERS = { pc: 'x-aryz-pc', secret: 'x-aryz-secret' } as const;

/** What a PC needs from the server; the main process implements it over pinned TLS, tests call it directly. */
export interface SyncTransport {
  pull(collection: SyncCollection, checkpoint: SyncCheckpoint | null, batchSize: number): Promise<PullResponse>;
  push(collection: SyncCollection, rows: PushRow[]): Promise<SyncDoc[]>;
  /** Calls `onChange` whenever the server's collection changed; answers the function that stops listening. */
  watch(onChange: (collection: SyncCollection) => void): () => void;
  nextRegisterNumber(year: number): Promise<RegisterNumber>;
}

/** A refusal from the server, by code, so a PC can say why in the user's language. */
export class SyncRefusal extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly status: number,
  ) {
    super(`sync server refused: ${code}`);
    this.name = 'SyncRefusal';
  }
}
