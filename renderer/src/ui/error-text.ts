import { IPC_ERROR_CODES, type IpcError, type IpcErrorCode } from '../../../shared/ipc/result';
import { describeIpcError, type Translate } from './ipc-error';

/**
 * The one way an error reaches the screen: as a sentence in the user's language, never as an exception's own
 * text (English, technical, sometimes a file path or a case id). IPC failures carry a typed code; IndexedDB and
 * Dexie failures a standard name; the app's own "no backend" failure a fixed message. Anything else is a
 * programming error: the user is told nothing was changed, and the details go to the console (the app log).
 */

/** IndexedDB/Dexie error names (DOMException and Dexie.errnames) grouped by what the caseworker can do. */
const STORAGE_ERRORS: Readonly<Record<string, StorageProblem>> = {
  QuotaExceededError: 'quota',
  ConstraintError: 'constraint',
  DataError: 'invalid',
  DataCloneError: 'invalid',
  InvalidStateError: 'closed',
  DatabaseClosedError: 'closed',
  OpenFailedError: 'closed',
  VersionError: 'closed',
  VersionChangeError: 'closed',
  UpgradeError: 'closed',
  AbortError: 'aborted',
  TransactionInactiveError: 'aborted',
  PrematureCommitError: 'aborted',
  TimeoutError: 'aborted',
  ReadOnlyError: 'aborted',
  UnknownError: 'aborted',
};
export const STORAGE_PROBLEMS = ['quota', 'constraint', 'invalid', 'closed', 'aborted'] as const;
type StorageProblem = (typeof STORAGE_PROBLEMS)[number];
export const STORAGE_ERROR_NAMES = Object.keys(STORAGE_ERRORS);

/** Failures the renderer raises itself with a fixed code as their message (api.ts, run.store.ts). */
const APP_FAILURES = { NO_BACKEND: 'errors.NO_BACKEND', NO_SETTINGS: 'errors.NO_SETTINGS' } as const;

const isIpcCode = (value: unknown): value is IpcErrorCode => typeof value === 'string' && (IPC_ERROR_CODES as readonly string[]).includes(value);

function isIpcError(value: unknown): value is IpcError {
  if (value === null || typeof value !== 'object') return false;
  const code = (value as { code?: unknown }).code;
  if (!isIpcCode(code)) return false;
  return code !== 'INVALID_PAYLOAD' || Array.isArray((value as { issues?: unknown }).issues);
}

/** The typed IPC error an error carries: itself, its `error` (AccessCallError), or its `code` (BatchIpcError). */
export function ipcErrorOf(error: unknown): IpcError | null {
  if (isIpcError(error)) return error;
  if (error !== null && typeof error === 'object') {
    const inner = (error as { error?: unknown }).error;
    if (isIpcError(inner)) return inner;
    const code = (error as { code?: unknown }).code;
    if (isIpcCode(code)) return code === 'INVALID_PAYLOAD' ? { code, issues: [] } : { code };
  }
  return null;
}

const nameOf = (error: unknown): string =>
  error !== null && typeof error === 'object' && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : '';

/** The storage problem behind a Dexie error, looking through Dexie's wrapping (`inner`) to the IndexedDB one. */
function storageProblem(error: unknown): StorageProblem | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { inner?: unknown }).inner, depth++) {
    const problem = STORAGE_ERRORS[nameOf(e)];
    if (problem) return problem;
  }
  return null;
}

/** A sentence for any failure, in the user's language. */
export function describeError(t: Translate, error: unknown): string {
  const ipc = ipcErrorOf(error);
  if (ipc) return describeIpcError(t, ipc);
  const problem = storageProblem(error);
  if (problem) return t(`errors.storage.${problem}`);
  // A joined PC that cannot reach the mission server gives no outgoing number (data/sync/register-source.ts).
  if ((error as { code?: unknown } | null)?.code === 'REGISTER_OFFLINE') return t('errors.REGISTER_OFFLINE');
  const message = error instanceof Error ? error.message : '';
  if (message in APP_FAILURES) return t(APP_FAILURES[message as keyof typeof APP_FAILURES]);
  console.error('unexpected failure shown to the user as errors.UNEXPECTED:', error);
  return t('errors.UNEXPECTED');
}
