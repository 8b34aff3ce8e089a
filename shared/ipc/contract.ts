import { z } from 'zod';
import { referenceBundleSchema } from '../reference/schema';
import { caseworkerProfileSchema, missionSettingsSchema } from '../settings/schema';
import { API_METHODS } from './methods';
import type { IpcResult } from './result';

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
  'documents:exportMissionCard': {
    request: z.object({ mission: missionSettingsSchema, caseworker: caseworkerProfileSchema }).strict(),
    response: z.object({
      status: z.enum(['saved', 'canceled']),
      fileName: z.string(),
      bytes: z.number().int().nonnegative(),
    }),
  },
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
