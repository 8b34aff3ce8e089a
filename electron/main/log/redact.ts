/**
 * What may reach a log file. The logs are read by support staff and may be sent out of the mission, so they
 * carry no personal data: never payloads, names, numbers of documents, paths or error messages (those quote
 * values), only what the app itself names — channel names, error codes, reasons, sizes, counts and durations.
 */

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Readonly<Record<string, LogValue>>;

/** Keys whose string values are the app's own vocabulary (enums, codes), never something a person typed. */
const SAFE_STRING_KEYS = new Set(['channel', 'code', 'reason', 'status', 'kind', 'phase', 'mode', 'platform', 'arch', 'version', 'electron', 'node', 'chrome', 'event', 'language', 'type']);
/** Even under those keys a value must look like a code: no spaces, no letters outside ASCII, short. */
const CODE = /^[\w.:-]{0,64}$/;

export const REDACTED = '[redacted]';

export function redactFields(fields: LogFields = {}): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(key) || value === undefined) continue;
    if (typeof value === 'number') out[key] = Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null;
    else if (typeof value === 'boolean' || value === null) out[key] = value;
    else out[key] = SAFE_STRING_KEYS.has(key) && CODE.test(value) ? value : REDACTED;
  }
  return out;
}

/**
 * An error as the log keeps it: its class, its code when it is a code (ENOENT, SQLITE_FULL, ours), and where it
 * was thrown (function and file name per frame, no folders: a Windows profile path names the user). The
 * message is dropped: messages quote values, paths and file names.
 */
export function redactError(error: unknown): { name: string; code?: string; at: string[] } {
  if (!(error instanceof Error)) return { name: typeof error, at: [] };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim().replace(/\(?(?:[A-Za-z]:)?[^\s()]*[\\/]([^\\/\s()]+:\d+:\d+)\)?/g, '($1)').slice(0, 160));
  return {
    name: /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : 'Error',
    ...(typeof code === 'string' && CODE.test(code) ? { code } : {}),
    at: frames,
  };
}
