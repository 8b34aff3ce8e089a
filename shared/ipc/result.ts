import { z } from 'zod';
import type { FieldIssue } from '../validation/issues';

/**
 * Every IPC answer is a result object, never a thrown error: Electron flattens thrown errors into
 * strings, and the UI needs a code it can translate. Stack traces stay in the main process log.
 */
export const IPC_ERROR_CODES = [
  'INVALID_PAYLOAD',
  'PAYLOAD_TOO_LARGE',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'IO_ERROR',
  'INTERNAL',
  /** No one is signed in, or the app is locked: personal data and files are out of reach. */
  'LOCKED',
  /** The signed-in account's role may not do this (only an administrator may). */
  'NOT_PERMITTED',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export type IpcError =
  | { code: 'INVALID_PAYLOAD'; issues: FieldIssue[] }
  | { code: Exclude<IpcErrorCode, 'INVALID_PAYLOAD'> };

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

const fieldIssueSchema = z.object({
  path: z.string(),
  code: z.enum(['required', 'too_long', 'too_short', 'invalid_type', 'invalid_format', 'unknown_field', 'invalid_value']),
  limit: z.number().optional(),
});

export const ipcErrorSchema = z.union([
  z.object({ code: z.literal('INVALID_PAYLOAD'), issues: z.array(fieldIssueSchema) }),
  z.object({ code: z.enum(IPC_ERROR_CODES).exclude(['INVALID_PAYLOAD']) }),
]);

export function ipcResultSchema<T extends z.ZodType>(value: T) {
  return z.union([z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: ipcErrorSchema })]);
}

/** A failed IPC answer raised as an exception where a caller cannot return a result; the UI words its code. */
export class IpcCallError extends Error {
  constructor(
    readonly error: IpcError,
    what: string,
  ) {
    super(`${what}: ${error.code}`);
    this.name = 'IpcCallError';
  }
}

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = <T = never>(error: IpcError): IpcResult<T> => ({ ok: false, error });

/** Largest serialised request main accepts unless a channel says otherwise (`payloadLimitOf`); anything bigger is refused before parsing. */
export const MAX_PAYLOAD_BYTES = 1_000_000;
