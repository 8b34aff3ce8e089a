import { z } from 'zod';
import { isoDate } from '../case/schema';
import { MAX_EXTENSION_DAYS, SENT_KINDS } from './facts';

/**
 * A request the mission sent, as the form records it and the repository accepts it: one schema, so the form
 * refuses and limits as the write would (the data layer parses again before it writes).
 */
const text = (max: number) => z.string().trim().max(max);
const optionalDate = z.union([z.literal(''), isoDate]).optional();

export const newRequestSchema = z
  .object({
    kind: z.enum(SENT_KINDS),
    addressee: z.string().trim().min(1).max(500),
    ourNumber: text(100),
    sentAt: isoDate,
    note: text(2000).default(''),
    follows: z.string().max(64).optional(),
  })
  .strict();

/** What the progress of a sent request may change: its dates, extension, their number and the answer. */
export const requestPatchSchema = z
  .object({
    receivedAt: optionalDate,
    registeredAt: optionalDate,
    forwardedAt: optionalDate,
    answeredAt: optionalDate,
    extendedByDays: z.number().int().min(1).max(MAX_EXTENSION_DAYS).nullable().optional(),
    theirNumber: text(100).optional(),
    answerSummary: text(2000).optional(),
    note: text(2000).optional(),
  })
  .strict();

/** The progress form: as the patch, with the extension as typed (empty for none, else a whole number of days). */
export const requestProgressFormSchema = requestPatchSchema.omit({ extendedByDays: true }).extend({
  extendedByDays: z
    .string()
    .trim()
    .max(2)
    .refine((days) => days === '' || (/^\d+$/.test(days) && Number(days) >= 1 && Number(days) <= MAX_EXTENSION_DAYS)),
});
