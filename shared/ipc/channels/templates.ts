import { z } from 'zod';
import { documentRefusalSchema } from '../../documents/requisites';
import { documentTemplateSchema } from '../../documents/template-schema';
import { caseworkerProfileSchema, missionSettingsSchema } from '../../settings/schema';
import { documentInputsSchema } from './documents';

/** Largest template (JSON characters) a preview accepts: far above the biggest factory template (~15 kB). */
export const TEMPLATE_JSON_MAX_CHARS = 400_000;


/** Document templates: the factory set shipped in resources/templates, and PDF previews of edited templates. */
export const TEMPLATES_CHANNELS = {
  /** The factory templates, each validated by main; a broken file is an installation problem (IO_ERROR). */
  'templates:factory': {
    request: z.object({}).strict(),
    response: z.object({ templates: z.array(documentTemplateSchema) }),
  },
  /**
   * Renders a (possibly unsaved) template over the built-in sample case, or over the inputs of a case the user
   * picked, as a real PDF, exactly as a document would be made; the sample uses the user's own mission and
   * caseworker when the page sends them. The PDF travels as
   * base64 so that it crosses the browser-mode bridge (JSON) unchanged.
   */
  'templates:preview': {
    request: z
      .object({
        template: documentTemplateSchema,
        mission: missionSettingsSchema.nullable().default(null),
        caseworker: caseworkerProfileSchema.nullable().default(null),
        /** A real case to preview with (the page gathers it); the built-in sample case when absent. */
        inputs: documentInputsSchema.optional(),
      })
      .strict(),
    response: z.union([
      z.object({ status: z.literal('rendered'), pdfBase64: z.string().min(1), pages: z.number().int().positive(), bytes: z.number().int().positive() }),
      // The template is valid but the sample leaves a requisite empty, or it names no field.
      documentRefusalSchema,
    ]),
    maxPayloadChars: TEMPLATE_JSON_MAX_CHARS,
  },
} as const;
