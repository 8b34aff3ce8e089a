import { z } from 'zod';
import { suggestedFileName } from '../file-name';
import { idSchema } from '../../case/schema';
import {
  BUNDLE_REFUSALS,
  bundleManifestSchema,
  bundleRecordSchema,
  bundleSourceSchema,
  sha256Hex,
  TRANSFER_LIMITS,
} from '../../transfer/bundle';

/** The passphrase a bundle is sealed with; the screen asks for 10 characters or more and rates its strength. */
export const transferPassphrase = z.string().min(10).max(1024);

const fileName = suggestedFileName();

/** A bundle picked for import, held by main between calls; the page never sees its path. */
const token = z.string().regex(/^[0-9a-f]{32}$/);

const refused = z.object({ status: z.literal('refused'), reason: z.enum(BUNDLE_REFUSALS), detail: z.string().max(300).optional() }).strict();

export const TRANSFER_FILE_EXTENSION = 'aryzt';

/** A generated document's PDF, named as the documents table names it (`<caseId>/<file>.pdf` under main's store). */
const generatedPdf = z.object({ relPath: z.string().min(1).max(300), sha256: sha256Hex }).strict();
const generatedPdfs = z.array(generatedPdf).max(TRANSFER_LIMITS.attachments);

export const TRANSFER_CHANNELS = {
  /** Seals the gathered records and their attachment files into a bundle and offers it to save. */
  'transfer:export': {
    request: z
      .object({
        bundleId: idSchema,
        passphrase: transferPassphrase,
        fileName: fileName.optional(),
        source: bundleSourceSchema,
        schemaVersion: z.number().int().min(1).max(10_000),
        records: z.array(bundleRecordSchema).max(TRANSFER_LIMITS.records),
        attachments: z.array(sha256Hex).max(TRANSFER_LIMITS.attachments),
        /** The PDFs of the generated documents among the records: they travel with them, as the letters sent. */
        documents: generatedPdfs.optional(),
      })
      .strict(),
    response: z.union([
      z.object({ status: z.enum(['saved', 'canceled']), fileName: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string() }).strict(),
      refused,
    ]),
    // Records travel as JSON: the records part's limit, with room for escaping.
    maxPayloadChars: 2 * TRANSFER_LIMITS.recordsBytes,
  },
  /** Asks the user for a bundle file to import. */
  'transfer:pick': {
    request: z.object({}).strict(),
    response: z.union([
      z.object({ status: z.literal('picked'), token, fileName: z.string(), bytes: z.number().int().nonnegative() }).strict(),
      z.object({ status: z.literal('canceled') }).strict(),
    ]),
  },
  /** Decrypts and verifies the picked bundle; its attachments wait in a staging folder until stored or discarded. */
  'transfer:open': {
    request: z.object({ token, passphrase: z.string().min(1).max(1024) }).strict(),
    response: z.union([
      z.object({ status: z.literal('opened'), manifest: bundleManifestSchema, records: z.array(bundleRecordSchema).max(TRANSFER_LIMITS.records) }).strict(),
      refused,
    ]),
  },
  /** Moves the opened bundle's attachment files into the store (before the records are written). */
  'transfer:storeFiles': {
    /** `documents`: the bundle's generated PDFs to put in place beside their cases (those already here are kept). */
    request: z.object({ token, documents: generatedPdfs.optional() }).strict(),
    response: z.union([z.object({ status: z.literal('stored'), files: z.number().int().nonnegative() }).strict(), refused]),
  },
  /** Forgets a picked bundle and deletes its staged files (import cancelled or done). */
  'transfer:discard': {
    request: z.object({ token }).strict(),
    response: z.object({ status: z.literal('discarded') }).strict(),
  },
} as const;
