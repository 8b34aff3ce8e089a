import { z } from 'zod';
import { MAX_SYNC_BATCH, SYNC_ERROR_CODES, pullResponseSchema, registerNextRequestSchema, registerNextResponseSchema, syncCheckpointSchema, syncCollectionSchema, syncDocSchema } from '../../sync/protocol';

/**
 * Mission sync as the page sees it. Main holds the server's address, its pinned certificate and this PC's
 * credential (sealed with the data key in main's data dir) and makes every TLS connection; the page runs the
 * replication engine and asks main to carry its pulls and pushes. Failures are answers, not IPC errors, so the
 * engine can retry and the header can say why.
 */

/** `host:port` on the mission's LAN, as the IT officer reads it from the server's `serve` line. */
export const syncAddressSchema = z
  .string()
  .trim()
  .max(100)
  .regex(/^[A-Za-z0-9.-]{1,63}:\d{1,5}$|^\[[0-9A-Fa-f:]{2,45}\]:\d{1,5}$/);

/** SHA-256 as the server's `init` prints it (`AB:CD:…`); case, spaces and colons do not matter when typed. */
export const syncFingerprintSchema = z
  .string()
  .max(200)
  .transform((text) => text.replace(/[\s:]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-F]{64}$/));

export const SYNC_JOIN_REFUSALS = ['not_lan', 'unreachable', 'fingerprint_mismatch', 'server_refused', 'already_joined'] as const;
export const SYNC_KEY_REFUSALS = ['wrong_recovery_key', 'wrong_password', 'other_accounts', 'not_waiting_for_key'] as const;
/** Why a call to the server did not go through: the server's own refusal codes, or no answer at all. */
export const SYNC_CALL_FAILURES = [...SYNC_ERROR_CODES, 'OFFLINE', 'NOT_JOINED'] as const;

const syncState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('off') }),
  z.object({
    state: z.enum(['pending', 'needs_key', 'joined']),
    address: z.string(),
    fingerprint: z.string(),
    pcId: z.string(),
    pcName: z.string(),
    /** When this PC asked to join, ISO. */
    since: z.string(),
    /** This PC's data key is the one the mission uses (the first PC's, or adopted with the recovery key). */
    missionKey: z.boolean(),
  }),
]);
export type SyncSettingsState = z.infer<typeof syncState>;

const callFailed = z.object({ status: z.literal('failed'), reason: z.enum(SYNC_CALL_FAILURES) }).strict();
const dataKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

export const SYNC_CHANNELS = {
  /** Whether this PC belongs to a mission server and how far joining went. */
  'sync:status': { request: z.object({}).strict(), response: syncState },
  /**
   * Asks the server to let this PC in: main connects, checks the certificate against the fingerprint the officer
   * typed (any other is refused), enrols a new PC id and keeps the credential. The officer then approves it there.
   */
  'sync:join': {
    request: z.object({ address: syncAddressSchema, fingerprint: syncFingerprintSchema }).strict(),
    response: z.union([syncState, z.object({ status: z.literal('refused'), reason: z.enum(SYNC_JOIN_REFUSALS) }).strict()]),
  },
  /**
   * After approval: the first PC of a mission hands the server its data key wrapped by its recovery key (never the
   * key itself); a later PC learns that the mission already has a key and asks for the mission's recovery key.
   */
  'sync:checkApproval': {
    request: z.object({}).strict(),
    response: z.union([syncState, callFailed]),
  },
  /**
   * A PC joining a mission that already has a key: the officer types the mission's recovery key and the signed-in
   * administrator's password; main unwraps the mission key and re-wraps it for this PC's accounts and recovery.
   * Answers the key so the page re-seals what it holds under it.
   */
  'sync:adoptKey': {
    request: z.object({ recoveryKey: z.string().min(1).max(100), password: z.string().min(1).max(1024) }).strict(),
    response: z.union([
      z.object({ status: z.literal('ok'), dataKey }).strict(),
      z.object({ status: z.literal('refused'), reason: z.enum(SYNC_KEY_REFUSALS) }).strict(),
      callFailed,
    ]),
  },
  /** Stops syncing and forgets the server and the credential; what this PC holds stays. */
  'sync:leave': { request: z.object({}).strict(), response: syncState },
  'sync:pull': {
    request: z.object({ collection: syncCollectionSchema, checkpoint: syncCheckpointSchema.nullable(), batchSize: z.number().int().min(1).max(MAX_SYNC_BATCH) }).strict(),
    response: z.union([z.object({ status: z.literal('ok'), result: pullResponseSchema }).strict(), callFailed]),
  },
  'sync:push': {
    request: z
      .object({
        collection: syncCollectionSchema,
        rows: z.array(z.object({ newDocumentState: syncDocSchema, assumedMasterState: syncDocSchema.optional() })).min(1).max(MAX_SYNC_BATCH),
      })
      .strict(),
    response: z.union([z.object({ status: z.literal('ok'), conflicts: z.array(syncDocSchema) }).strict(), callFailed]),
    // Up to MAX_SYNC_BATCH sealed rows, each with its assumed server state.
    maxPayloadChars: 32 * 1024 * 1024,
  },
  /** The mission's next outgoing number of a year, from the server (one row lock per year: no two PCs share one). */
  'sync:registerNext': {
    request: registerNextRequestSchema.strict(),
    response: z.union([z.object({ status: z.literal('ok'), number: registerNextResponseSchema }).strict(), callFailed]),
  },
  /**
   * Waits (up to `waitMs`) for the server's live stream to say a collection changed; answers the collections
   * changed since the last call and whether the stream is connected. The page calls it again and again.
   */
  'sync:wait': {
    request: z.object({ waitMs: z.number().int().min(0).max(30_000) }).strict(),
    response: z.object({ changed: z.array(syncCollectionSchema), connected: z.boolean() }),
  },
} as const;
