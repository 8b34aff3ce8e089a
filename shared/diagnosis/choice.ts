import { z } from 'zod';
import { isoDateTime } from '../case/schema';
import { referenceIdSchema } from '../reference/schema';
import { CONFIDENCES } from './types';

/**
 * The caseworker's decision on a diagnosis, as the case stores it and the audit log records it: which cause
 * and exclusion ground were chosen, whether that confirms the suggestion or overrides it, and the reference
 * data version the suggestion came from.
 */
export const diagnosisChoiceSchema = z
  .object({
    causeId: referenceIdSchema,
    exclusionGround: referenceIdSchema,
    /** `confirmed`: the suggested cause and ground as they were; `overridden`: anything else. */
    decision: z.enum(['confirmed', 'overridden']),
    /** What the diagnosis suggested first, if anything. */
    suggested: z
      .object({ causeId: referenceIdSchema, exclusionGround: referenceIdSchema, confidence: z.enum(CONFIDENCES) })
      .strict()
      .nullable(),
    referenceVersion: z.number().int().min(1),
    note: z.string().trim().max(2000),
    at: isoDateTime,
  })
  .strict()
  .refine((c) => c.decision === 'overridden' || (c.suggested !== null && c.suggested.causeId === c.causeId && c.suggested.exclusionGround === c.exclusionGround), {
    message: 'A confirmation repeats the suggestion',
    path: ['decision'],
  });

export type DiagnosisChoice = z.output<typeof diagnosisChoiceSchema>;

/** What the caseworker picks in the decision form; the rest of a choice is filled in when it is saved. */
export const decisionFormSchema = z.object({ causeId: referenceIdSchema, exclusionGround: referenceIdSchema, note: z.string().trim().max(2000) });
export type DecisionInput = z.output<typeof decisionFormSchema>;

/** `confirmed` when the chosen cause and ground are the suggestion's, `overridden` otherwise. */
export function decisionOf(
  suggested: { causeId: string; exclusionGround: string } | null,
  chosen: { causeId: string; exclusionGround: string },
): DiagnosisChoice['decision'] {
  return suggested !== null && suggested.causeId === chosen.causeId && suggested.exclusionGround === chosen.exclusionGround ? 'confirmed' : 'overridden';
}
