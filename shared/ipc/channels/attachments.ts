import { z } from 'zod';

/** Largest scan the app stores (bytes). Main enforces it; the page checks first so it never sends more. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** Longest file name kept with an attachment. */
export const MAX_ATTACHMENT_NAME = 255;
/** Most files one purge request may name as still in use. */
export const MAX_LIVE_ATTACHMENTS = 200_000;

export const ATTACHMENT_MIMES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

/** Why a file was not stored; the page words each one. */
export const ATTACHMENT_REFUSALS = ['empty', 'unsupported_type', 'too_large', 'unreadable'] as const;
export type AttachmentRefusal = (typeof ATTACHMENT_REFUSALS)[number];

/** Why a stored file's page count is unknown. */
export const PAGE_COUNT_PROBLEMS = ['encrypted', 'unreadable'] as const;

/** The store names a file by the lowercase hex SHA-256 of its bytes; nothing else ever reaches a path. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const fileName = z.string().max(MAX_ATTACHMENT_NAME);

const storedFile = z
  .object({
    status: z.literal('stored'),
    name: z.string(),
    sha256: sha256Hex,
    mime: z.enum(ATTACHMENT_MIMES),
    bytes: z.number().int().nonnegative(),
    /** Pages (1 for JPEG/PNG; IFDs for TIFF); null when the PDF could not be read. */
    pages: z.number().int().positive().nullable(),
    pagesProblem: z.enum(PAGE_COUNT_PROBLEMS).optional(),
    /** The store already held these bytes (nothing was written). */
    duplicate: z.boolean(),
  })
  .strict();

const refusedFile = z
  .object({
    status: z.literal('refused'),
    name: z.string(),
    reason: z.enum(ATTACHMENT_REFUSALS),
    bytes: z.number().int().nonnegative().optional(),
  })
  .strict();

export const attachmentAddResult = z.discriminatedUnion('status', [storedFile, refusedFile]);
export type AttachmentAddResult = z.output<typeof attachmentAddResult>;
export type StoredAttachmentFile = z.output<typeof storedFile>;

/** Base64 of the largest accepted file, plus room for the name and JSON. */
const DROP_PAYLOAD_CHARS = Math.ceil((MAX_ATTACHMENT_BYTES + 3) / 3) * 4 + 4 * MAX_ATTACHMENT_NAME + 200;

export const ATTACHMENTS_CHANNELS = {
  /** Native open dialog (the page's file chooser in browser mode); each picked file is checked and stored. */
  'attachments:pick': {
    request: z.object({}).strict(),
    response: z.object({ status: z.enum(['done', 'canceled']), files: z.array(attachmentAddResult) }).strict(),
  },
  /** A file dropped on the page: its bytes travel as base64, never a path. */
  'attachments:add': {
    request: z
      .object({
        name: fileName,
        dataBase64: z.string().max(DROP_PAYLOAD_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/),
      })
      .strict(),
    response: attachmentAddResult,
    maxPayloadChars: DROP_PAYLOAD_CHARS,
  },
  /** A stored file's bytes for preview, by hash; the type is sniffed again from the bytes. */
  'attachments:read': {
    request: z.object({ sha256: sha256Hex }).strict(),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('ok'), mime: z.enum(ATTACHMENT_MIMES), dataBase64: z.string() }).strict(),
      z.object({ status: z.enum(['missing', 'refused']) }).strict(),
    ]),
  },
  /** Deletes stored files no row refers to any more: the page names every hash still in use. */
  'attachments:purge': {
    request: z.object({ keep: z.array(sha256Hex).max(MAX_LIVE_ATTACHMENTS) }).strict(),
    response: z.object({ removed: z.number().int().nonnegative(), kept: z.number().int().nonnegative() }).strict(),
    maxPayloadChars: MAX_LIVE_ATTACHMENTS * 70 + 100,
  },
} as const;
