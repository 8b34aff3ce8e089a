import { CHANNELS, isChannel, payloadLimitOf, type Channel, type ParsedRequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import { fail, ok, type IpcErrorCode, type IpcResult } from '../../../shared/ipc/result';
import { parseForIssues, toFieldIssues } from '../../../shared/validation/issues';
import type { DialogFilter } from '../../../shared/ipc/methods';

/** What a handler may do beyond computing: things bound to the calling window (dialogs, downloads). */
export interface CallContext {
  /**
   * Which window is calling (its webContents id; in browser mode the browser context's cookie): each has its own
   * sign-in session. Absent in hosts with one caller (unit tests), which share the session 'default'.
   */
  client?: string;
  /** Ask the user where to save `data` (native dialog, or a download in browser mode) and write it there. */
  saveFile(request: { defaultName: string; data: Uint8Array; filterName: DialogFilter; extensions: string[] }): Promise<{ status: 'saved' | 'canceled'; fileName: string }>;
  /**
   * Ask the user for files to read (native open dialog; in browser mode the page's file chooser, staged by the
   * bridge). Answers absolute paths in main's file system, or null when the user cancelled. The only way a
   * handler gets a path to read that is not in the app's own store: the page never sends paths.
   */
  pickFiles(request: { filterName: DialogFilter; extensions: string[]; multiple: boolean }): Promise<string[] | null>;
  /** Ask the user for a folder (native dialog; in browser mode a folder inside the bridge's data dir), or null. */
  pickFolder(request: { title: string }): Promise<string | null>;
  /** Hand a file main wrote to the system's viewer (in browser mode the file is offered as a download). */
  openPath(absolutePath: string): Promise<void>;
}

export type HandlerTable = {
  readonly [C in Channel]: (request: ParsedRequestOf<C>, ctx: CallContext) => Promise<ResponseOf<C>>;
};

/** A failure a handler reports on purpose; anything else thrown becomes INTERNAL. */
export class HandlerError extends Error {
  constructor(readonly code: Exclude<IpcErrorCode, 'INVALID_PAYLOAD'>, message?: string) {
    super(message ?? code);
  }
}

export type Dispatch = (channel: unknown, payload: unknown, ctx: CallContext) => Promise<IpcResult<unknown>>;

function payloadSize(payload: unknown): number | null {
  try {
    const json = JSON.stringify(payload);
    return json === undefined ? 0 : json.length;
  } catch {
    return null; // cycles or BigInt: not a shape any channel accepts
  }
}

/**
 * The single entry point for every call from a page, whatever carries it (Electron IPC or the test bridge):
 * unknown channel, oversize or malformed payloads are refused before a handler runs, and a handler's answer
 * is checked against the response schema so a bug cannot leak an unexpected shape to the page.
 */
/** One call as the log sees it: never the payload, only its channel, outcome, size and time. */
export interface CallRecord {
  channel: string;
  ok: boolean;
  code?: string;
  bytes: number;
  ms: number;
}

export function createDispatcher(
  handlers: HandlerTable,
  log: (message: string, error?: unknown) => void = console.error,
  observe?: (call: CallRecord) => void,
): Dispatch {
  if (!observe) return dispatchWith(handlers, log);
  const inner = dispatchWith(handlers, log);
  return async (channel, payload, ctx) => {
    const started = performance.now();
    const result = await inner(channel, payload, ctx);
    observe({
      channel: isChannel(channel) ? channel : 'unknown',
      ok: result.ok,
      ...(result.ok ? {} : { code: result.error.code }),
      bytes: payloadSize(payload) ?? 0,
      ms: performance.now() - started,
    });
    return result;
  };
}

function dispatchWith(handlers: HandlerTable, log: (message: string, error?: unknown) => void): Dispatch {
  return async (channel, payload, ctx) => {
    if (!isChannel(channel)) return fail({ code: 'UNKNOWN_CHANNEL' });
    const size = payloadSize(payload);
    if (size === null) return fail({ code: 'INVALID_PAYLOAD', issues: [{ path: '', code: 'invalid_type' }] });
    if (size > payloadLimitOf(channel)) return fail({ code: 'PAYLOAD_TOO_LARGE' });
    const spec = CHANNELS[channel];
    const parsed = parseForIssues(spec.request, payload);
    if (!parsed.success) return fail({ code: 'INVALID_PAYLOAD', issues: toFieldIssues(parsed.error) });
    try {
      const handler = handlers[channel] as (request: unknown, ctx: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        log(`IPC ${channel}: handler answered outside its response schema`, checked.error);
        return fail({ code: 'INTERNAL' });
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof HandlerError) return fail({ code: error.code });
      log(`IPC ${channel}: handler failed`, error);
      return fail({ code: 'INTERNAL' });
    }
  };
}
