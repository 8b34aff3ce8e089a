import type { AryzApi } from '../../shared/ipc/contract';
import { API_METHODS } from '../../shared/ipc/methods';
import type { IpcResult } from '../../shared/ipc/result';

/**
 * Browser-mode stand-in for the preload: the same `window.aryz` API, carried over HTTP to the bridge,
 * which runs the real main-process handlers. Loaded only by the bridge, never part of the app build.
 */
const statusErrors: Record<number, 'FORBIDDEN_SENDER' | 'PAYLOAD_TOO_LARGE' | 'UNKNOWN_CHANNEL'> = {
  403: 'FORBIDDEN_SENDER',
  413: 'PAYLOAD_TOO_LARGE',
  404: 'UNKNOWN_CHANNEL',
};

async function call(channel: string, request: unknown): Promise<IpcResult<unknown>> {
  let body: string;
  try {
    body = JSON.stringify(request ?? null);
  } catch {
    return { ok: false, error: { code: 'INVALID_PAYLOAD', issues: [{ path: '', code: 'invalid_type' }] } };
  }
  const response = await fetch(`/__bridge/rpc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body,
  });
  const mapped = statusErrors[response.status];
  if (mapped) return { ok: false, error: { code: mapped } };
  if (!response.ok) return { ok: false, error: { code: 'INTERNAL' } };
  const download = response.headers.get('X-Aryz-Download');
  if (download) {
    // The desktop app shows a native save dialog; a browser's equivalent is a download.
    const link = document.createElement('a');
    link.href = download;
    link.download = decodeURIComponent(response.headers.get('X-Aryz-Download-Name') ?? 'download');
    document.body.append(link);
    link.click();
    link.remove();
  }
  return (await response.json()) as IpcResult<unknown>;
}

const api = Object.fromEntries(
  Object.entries(API_METHODS).map(([method, channel]) => [method, (request: unknown) => call(channel, request)]),
) as unknown as AryzApi;

Object.defineProperty(window, 'aryz', { value: Object.freeze(api), writable: false, configurable: false });
