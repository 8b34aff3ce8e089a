import { z } from 'zod';
import { buildDocumentModel, isPresent, resolveField, type DocumentInputs, type DocumentModel } from './model';
import type { DocumentTemplate } from './template-schema';

/**
 * Whether a document may be made, decided in one place: the review panel greys its button with it, the page
 * checks it before a number is allocated (single and batch), and main checks it again before rendering. A
 * refusal has one shape wherever it travels (IPC answers, the batch's results, the page's outcome), and the
 * page translates it; nothing below the page turns it into prose.
 */

export const missingRequisiteSchema = z.object({ path: z.string(), label: z.string() });
export type MissingRequisite = z.infer<typeof missingRequisiteSchema>;

export const documentRefusalSchema = z.discriminatedUnion('reason', [
  /** Mandatory requisites the case leaves empty, in the template's order, with their Russian labels. */
  z.object({ status: z.literal('refused'), reason: z.literal('missing_requisites'), missing: z.array(missingRequisiteSchema) }),
  /** Fields the template names that the model does not have (a template typo), found while laying it out. */
  z.object({ status: z.literal('refused'), reason: z.literal('unknown_fields'), fields: z.array(z.string()) }),
]);
export type DocumentRefusal = z.infer<typeof documentRefusalSchema>;

/** The template's requisites that the model leaves empty, in the template's order. */
export function missingRequisites(template: Pick<DocumentTemplate, 'requisites'>, model: DocumentModel): MissingRequisite[] {
  return template.requisites.filter((r) => !isPresent(resolveField(model, r.path))).map((r) => ({ path: r.path, label: r.label }));
}

/** The refusal for a model, or null when every requisite is there. */
export function checkRequisites(template: Pick<DocumentTemplate, 'requisites'>, model: DocumentModel): DocumentRefusal | null {
  const missing = missingRequisites(template, model);
  return missing.length > 0 ? { status: 'refused', reason: 'missing_requisites', missing } : null;
}

/** The same check over the inputs the page gathers (the model is built as main will build it). */
export function checkRequisitesOf(template: Pick<DocumentTemplate, 'requisites'>, inputs: DocumentInputs): DocumentRefusal | null {
  return checkRequisites(template, buildDocumentModel(inputs));
}

export function unknownFieldsRefusal(fields: readonly string[]): DocumentRefusal {
  return { status: 'refused', reason: 'unknown_fields', fields: [...fields] };
}

/**
 * The flat `{ code, message }` a batch item keeps for a refusal (batch rows store only that): the code says
 * which kind, the message lists the labels or field names for the page to put into its translated sentence.
 */
export function refusalAsItemError(refusal: DocumentRefusal): { code: 'MISSING_REQUISITES' | 'UNKNOWN_FIELD'; message: string } {
  return refusal.reason === 'missing_requisites'
    ? { code: 'MISSING_REQUISITES', message: refusal.missing.map((m) => m.label).join('; ') }
    : { code: 'UNKNOWN_FIELD', message: refusal.fields.join(', ') };
}
