import { z } from 'zod';
import { suggestedFileName } from './file-name';
import { parseReferenceBundle } from '../reference/load';
import { referenceBundleSchema } from '../reference/schema';
import { caseworkerProfileSchema, missionSettingsSchema } from '../settings/schema';
import { ACCOUNTS_CHANNELS } from './channels/accounts';
import { APP_CHANNELS } from './channels/app';
import { ATTACHMENTS_CHANNELS } from './channels/attachments';
import { BATCH_CHANNELS } from './channels/batch';
import { DOCUMENTS_CHANNELS } from './channels/documents';
import { API_METHODS } from './methods';
import { TEMPLATES_CHANNELS } from './channels/templates';
import { EXPORT_CHANNELS } from './channels/export';
import { IMPORT_CHANNELS } from './channels/import';
import { TRANSFER_CHANNELS } from './channels/transfer';
import { BACKUP_CHANNELS } from './channels/backup';
import { REPORTS_CHANNELS } from './channels/reports';
import { SYNC_CHANNELS } from './channels/sync';
import { MAX_PAYLOAD_BYTES, type IpcResult } from './result';

/** Longest reference-data JSON an export may write (an import of up to 5 MB, pretty-printed, fits). */
export const REFERENCE_JSON_MAX_CHARS = 5_000_000;

/**
 * The reference export must be a bundle an import would accept: checked here, in main, before anything is
 * written, whatever the page sent. Problems are reported under `json.<path inside the bundle>`.
 */
const referenceJson = z
  .string()
  .max(REFERENCE_JSON_MAX_CHARS)
  .superRefine((text, ctx) => {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return;
    }
    const parsed = parseReferenceBundle(data);
    if (parsed.ok) return;
    // A bundle broken everywhere would otherwise answer with thousands of paths.
    for (const issue of parsed.issues.slice(0, 50)) {
      ctx.addIssue({ code: 'custom', message: issue.code, path: issue.path === '' ? [] : issue.path.split('.') });
    }
  });

const fileNameSuggestion = suggestedFileName();

/**
 * The one list of calls between the renderer and the main process. Each channel names its request and
 * response schema; main validates both directions and the preload exposes one named function per entry
 * of `API_METHODS`, so a channel cannot exist on one side only.
 */
export const CHANNELS = {
  'app:info': {
    request: z.object({}).strict(),
    response: z.object({
      version: z.string(),
      mode: z.enum(['desktop', 'browser']),
      dataDir: z.string(),
    }),
  },
  /** The factory reference data shipped with the app (resources/reference), validated. */
  'reference:factory': {
    request: z.object({}).strict(),
    response: referenceBundleSchema,
  },
  /** Writes the reference data the page holds to a file the user picks (a download in browser mode). */
  'reference:export': {
    request: z.object({ json: referenceJson, fileName: fileNameSuggestion.optional() }).strict(),
    response: z.object({ status: z.enum(['saved', 'canceled']), fileName: z.string() }),
    // The bundle travels as one string; JSON escaping of quotes and line breaks roughly doubles it at worst.
    maxPayloadChars: 2 * REFERENCE_JSON_MAX_CHARS,
  },
  'documents:exportMissionCard': {
    request: z.object({ mission: missionSettingsSchema, caseworker: caseworkerProfileSchema }).strict(),
    response: z.object({
      status: z.enum(['saved', 'canceled']),
      fileName: z.string(),
      bytes: z.number().int().nonnegative(),
    }),
  },
  ...ACCOUNTS_CHANNELS,
  ...APP_CHANNELS,
  ...ATTACHMENTS_CHANNELS,
  ...BATCH_CHANNELS,
  ...DOCUMENTS_CHANNELS,
  ...TEMPLATES_CHANNELS,
  ...IMPORT_CHANNELS,
  ...EXPORT_CHANNELS,
  ...TRANSFER_CHANNELS,
  ...BACKUP_CHANNELS,
  ...REPORTS_CHANNELS,
  ...SYNC_CHANNELS,
} as const;

export type Channel = keyof typeof CHANNELS;
export type RequestOf<C extends Channel> = z.input<(typeof CHANNELS)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof CHANNELS)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof CHANNELS)[C]['response']>;

export { API_METHODS };
// Every method names a real channel.
API_METHODS satisfies Record<string, Channel>;

export type ApiMethod = keyof typeof API_METHODS;

export type AryzApi = {
  readonly [M in ApiMethod]: (request: RequestOf<(typeof API_METHODS)[M]>) => Promise<IpcResult<ResponseOf<(typeof API_METHODS)[M]>>>;
};

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(CHANNELS, value);

/** Largest serialised request (JSON characters) a channel accepts; most take the common limit. */
export function payloadLimitOf(channel: Channel): number {
  const spec = CHANNELS[channel];
  return 'maxPayloadChars' in spec ? spec.maxPayloadChars : MAX_PAYLOAD_BYTES;
}
