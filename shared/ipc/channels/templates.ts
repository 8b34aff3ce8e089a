import { z } from 'zod';
import { documentTemplateSchema } from '../../documents/template-schema';

/** Document templates: the factory set shipped in resources/templates, and PDF previews of edited templates. */
export const TEMPLATES_CHANNELS = {
  /** The factory templates, each validated by main; a broken file is an installation problem (IO_ERROR). */
  'templates:factory': {
    request: z.object({}).strict(),
    response: z.object({ templates: z.array(documentTemplateSchema) }),
  },
} as const;
