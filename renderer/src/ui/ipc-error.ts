import type { TFunction } from 'i18next';
import type { IpcError } from '../../../shared/ipc/result';

/** Turns a typed IPC error into a sentence in the user's language; field paths are named, never stack traces. */
export function describeIpcError(t: TFunction, error: IpcError): string {
  if (error.code === 'INVALID_PAYLOAD') {
    const fields = [...new Set(error.issues.map((issue) => issue.path || '—'))].join(', ');
    return t('errors.INVALID_PAYLOAD', { fields });
  }
  return t(`errors.${error.code}`);
}
