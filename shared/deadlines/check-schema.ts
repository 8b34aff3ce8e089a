import { z } from 'zod';
import { isoDate } from '../case/schema';

/** Where a register check was made. */
export const CHECK_CHANNELS = ['mvd_site', 'gosuslugi', 'bank', 'other'] as const;
export type CheckChannel = (typeof CHECK_CHANNELS)[number];

/** How much of the birth date the register's form was given. */
export const BIRTH_DATE_MODES = ['full', 'month_year', 'year'] as const;

export const CHECK_LIMITS = { resultText: 2000, screenshotNote: 500, time: 5 } as const;

/**
 * The register check form as typed: the date and the time apart (чч:мм, 24 hours), whether the person was
 * listed (null until answered, which is a missing answer), and what the site said. The repository's schema
 * (data/tracking/checks.repo.ts) takes the composed instant and checks it is not in the future.
 */
export const checkFormSchema = z.object({
  date: z.string().min(1).pipe(isoDate),
  time: z
    .string()
    .trim()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/),
  channel: z.enum(CHECK_CHANNELS),
  documentId: z.string().max(64),
  issueDate: z.union([z.literal(''), isoDate]),
  birthDateMode: z.enum(BIRTH_DATE_MODES),
  listed: z.boolean(),
  resultText: z.string().trim().max(CHECK_LIMITS.resultText),
  screenshotNote: z.string().trim().max(CHECK_LIMITS.screenshotNote),
});
export type CheckFormInput = z.input<typeof checkFormSchema>;
export type CheckFormValues = z.output<typeof checkFormSchema>;
