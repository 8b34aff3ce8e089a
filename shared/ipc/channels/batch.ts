import { z } from 'zod';
import { suggestedFileName } from '../file-name';
import { documentTemplateSchema } from '../../documents/template-schema';
import { documentRefusalSchema } from '../../documents/requisites';
import { documentInputsSchema, storedPdfPath } from './documents';

/**
 * Batch generation of documents, run by main in a worker off its event loop. The page starts a job with the
 * template, feeds it items in chunks (`batch:add`, refused with QUEUE_FULL while the job still holds a full
 * queue — that is the back-pressure that keeps memory bounded), polls `batch:status` for progress and the
 * per-item results, may cancel, and finally asks for one merged PDF of the files made (`batch:merge`, a job
 * of its own) which it can save with the native dialog.
 */

/** Largest chunk of items per `batch:add`. */
export const BATCH_CHUNK_MAX = 100;
/** Most files one merged PDF may join. */
export const BATCH_MERGE_MAX = 5000;

/** Ids that become folder and file names in main's store (electron/main/documents/store.ts). */
const storeId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const jobId = storeId;

const fileName = suggestedFileName(120);

const storedFile = z.object({ relPath: z.string(), sha256: z.string(), bytes: z.number().int().nonnegative(), pages: z.number().int().nonnegative() });

export const batchItemSchema = z
  .object({
    /** The page's own key for the item, echoed in its result. */
    key: z.string().min(1).max(200),
    caseId: storeId,
    documentId: storeId,
    /** DocumentInputs (shared/documents/model.ts), checked as documents:generate checks them. */
    inputs: documentInputsSchema,
  })
  .strict();

const itemResult = z.union([
  z.object({ key: z.string(), ok: z.literal(true), file: storedFile }),
  z.object({ key: z.string(), ok: z.literal(false), error: z.object({ code: z.string(), message: z.string(), refusal: documentRefusalSchema.optional() }) }),
]);

export const batchStatusSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['render', 'merge']),
  state: z.enum(['running', 'done', 'canceled', 'failed']),
  received: z.number().int(),
  total: z.number().int().nullable(),
  done: z.number().int(),
  failed: z.number().int(),
  queued: z.number().int(),
  inFlight: z.number().int(),
  settled: z.boolean(),
  results: z.array(itemResult),
  next: z.number().int(),
  elapsedMs: z.number(),
  merged: storedFile.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  peakRss: z.number(),
});

export type BatchItem = z.input<typeof batchItemSchema>;
export type BatchStatus = z.output<typeof batchStatusSchema>;
export type BatchItemResult = z.output<typeof itemResult>;

const unknownJob = z.object({ status: z.literal('unknown') });

export const BATCH_CHANNELS = {
  'batch:start': {
    request: z.object({ template: documentTemplateSchema }).strict(),
    response: z.object({ jobId: z.string() }),
    maxPayloadChars: 400_000,
  },
  'batch:add': {
    request: z.object({ jobId, items: z.array(batchItemSchema).max(BATCH_CHUNK_MAX), last: z.boolean() }).strict(),
    response: z.union([
      z.object({ status: z.literal('accepted'), queued: z.number().int() }),
      z.object({ status: z.literal('refused'), reason: z.enum(['UNKNOWN_JOB', 'NOT_RUNNING', 'CLOSED', 'QUEUE_FULL']), queued: z.number().int() }),
    ]),
    // A chunk of case inputs: a person's full record with histories is a few kilobytes.
    maxPayloadChars: 4_000_000,
  },
  'batch:status': {
    request: z.object({ jobId, since: z.number().int().min(0).default(0) }).strict(),
    response: z.union([z.object({ status: z.literal('known'), job: batchStatusSchema }), unknownJob]),
  },
  'batch:cancel': {
    request: z.object({ jobId }).strict(),
    response: z.union([z.object({ status: z.literal('known'), job: batchStatusSchema }), unknownJob]),
  },
  'batch:merge': {
    /** The files as the register names them, as documents:generate and the batch's results answer them. */
    request: z.object({ files: z.array(storedPdfPath).min(1).max(BATCH_MERGE_MAX) }).strict(),
    response: z.object({ jobId: z.string() }),
  },
  /** Offers a finished merge job's PDF through the native save dialog (a download in browser mode). */
  'batch:saveMerged': {
    request: z.object({ jobId, fileName: fileName.optional() }).strict(),
    response: z.object({ status: z.enum(['saved', 'canceled', 'unknown']), fileName: z.string() }),
  },
} as const;
