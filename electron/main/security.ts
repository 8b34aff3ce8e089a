import type { Session, WebContents } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from './protocol';

/** Only the app's own origin may be requested; devtools is allowed so a developer can still inspect. */
export function isAllowedRequestUrl(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:`) return `${url.protocol}//${url.host}` === APP_ORIGIN;
  return url.protocol === 'devtools:';
}

/** A sender may call main only from the app's own top-level page. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  if (!frame || frame.parent) return false;
  return isAllowedRequestUrl(frame.url) && frame.url.startsWith(`${APP_ORIGIN}/`);
}

/** Session-wide rules: every non-app request is cancelled, every permission refused. */
export function hardenSession(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/** Per-page rules: the page can neither leave the app, open windows, nor embed other content. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
