import type { IpcError } from '../../../shared/ipc/result';

/** What the error texts need of i18next's `t` (so plain functions in tests and helpers fit too). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Turns a typed IPC error into a sentence in the user's language; field paths are named, never stack traces. */
export function describeIpcError(t: Translate, error: IpcError): string {
  if (error.code === 'INVALID_PAYLOAD') {
    const fields = [...new Set(error.issues.map((issue) => issue.path || '—'))].join(', ');
    return t('errors.INVALID_PAYLOAD', { fields });
  }
  return t(`errors.${error.code}`);
}
