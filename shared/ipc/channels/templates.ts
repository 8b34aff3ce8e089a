import { z } from 'zod';
import { documentTemplateSchema } from '../../documents/template-schema';
import { caseworkerProfileSchema, missionSettingsSchema } from '../../settings/schema';

/** Largest template (JSON characters) a preview accepts: far above the biggest factory template (~15 kB). */
export const TEMPLATE_JSON_MAX_CHARS = 400_000;

/** Why a preview could not be drawn: the template is valid but the sample leaves a requisite empty, or it names no field. */
export const previewRefusalSchema = z.discriminatedUnion('reason', [
  z.object({ status: z.literal('refused'), reason: z.literal('missing_requisites'), missing: z.array(z.object({ path: z.string(), label: z.string() })) }),
  z.object({ status: z.literal('refused'), reason: z.literal('unknown_fields'), fields: z.array(z.string()) }),
]);

/** Document templates: the factory set shipped in resources/templates, and PDF previews of edited templates. */
export const TEMPLATES_CHANNELS = {
  /** The factory templates, each validated by main; a broken file is an installation problem (IO_ERROR). */
  'templates:factory': {
    request: z.object({}).strict(),
    response: z.object({ templates: z.array(documentTemplateSchema) }),
  },
  /**
   * Renders a (possibly unsaved) template over the built-in sample case as a real PDF, exactly as a document
   * would be made; the mission and caseworker are the user's own when the page sends them. The PDF travels as
   * base64 so that it crosses the browser-mode bridge (JSON) unchanged.
   */
  'templates:preview': {
    request: z
      .object({
        template: documentTemplateSchema,
        mission: missionSettingsSchema.nullable().default(null),
        caseworker: caseworkerProfileSchema.nullable().default(null),
      })
      .strict(),
    response: z.union([
      z.object({ status: z.literal('rendered'), pdfBase64: z.string().min(1), pages: z.number().int().positive(), bytes: z.number().int().positive() }),
      previewRefusalSchema,
    ]),
    maxPayloadChars: TEMPLATE_JSON_MAX_CHARS,
  },
} as const;
