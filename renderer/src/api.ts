import type { AryzApi } from '../../shared/ipc/contract';
import type { IpcError } from '../../shared/ipc/result';

declare global {
  interface Window {
    aryz?: AryzApi;
  }
}

/** The preload (desktop) or the test bridge's adapter (browser mode) puts the API on window before the app runs. */
export function getApi(): AryzApi {
  const api = window.aryz;
  if (!api) throw new Error('NO_BACKEND');
  return api;
}

export type { IpcError };
