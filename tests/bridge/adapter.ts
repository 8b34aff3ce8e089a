import type { AryzApi } from '../../shared/ipc/contract';
import { API_METHODS, FILE_PICKS } from '../../shared/ipc/methods';
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

/**
 * The desktop app's native open dialog, in a page: a file chooser whose choice is uploaded to the bridge,
 * which hands the staged paths to the handler. Answers the upload ids ('' when the user cancelled).
 */
async function chooseAndUpload(pick: { extensions: readonly string[]; multiple: boolean }): Promise<string> {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = pick.multiple;
  input.accept = pick.extensions.map((ext) => `.${ext}`).join(',');
  const files = await new Promise<File[]>((resolve) => {
    input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
  const ids: string[] = [];
  for (const file of files) {
    const response = await fetch(`/__bridge/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      body: file,
    });
    if (!response.ok) return '';
    ids.push(((await response.json()) as { id: string }).id);
  }
  return ids.join(',');
}

/** Tests name the folder a "folder dialog" answers (a folder inside the bridge's data dir). */
const FOLDER_KEY = 'aryz-bridge-folder';

async function call(channel: string, request: unknown, method: string): Promise<IpcResult<unknown>> {
  let body: string;
  try {
    body = JSON.stringify(request ?? null);
  } catch {
    return { ok: false, error: { code: 'INVALID_PAYLOAD', issues: [{ path: '', code: 'invalid_type' }] } };
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const pick = FILE_PICKS[method];
  if (pick) headers['X-Aryz-Picked'] = await chooseAndUpload(pick);
  headers['X-Aryz-Folder'] = sessionStorage.getItem(FOLDER_KEY) ?? 'default';
  const response = await fetch(`/__bridge/rpc/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers,
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
  const view = response.headers.get('X-Aryz-View');
  // The desktop app opens a stored PDF in the system viewer (and prints from there); a browser opens a new tab.
  if (view) window.open(view, '_blank', 'noopener');
  return (await response.json()) as IpcResult<unknown>;
}

const api = Object.fromEntries(
  Object.entries(API_METHODS).map(([method, channel]) => [method, (request: unknown) => call(channel, request, method)]),
) as unknown as AryzApi;

Object.defineProperty(window, 'aryz', { value: Object.freeze(api), writable: false, configurable: false });
