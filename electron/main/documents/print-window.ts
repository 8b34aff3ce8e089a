import { BrowserWindow, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Chromium's built-in PDF viewer (Electron ships it as a component extension with this id). */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

/**
 * Desktop printing: the stored PDF is shown in a window of its own with Chromium's PDF viewer and the system
 * print dialog is opened on it — the caseworker picks the printer and confirms; nothing is ever printed
 * silently. If the dialog cannot be opened the viewer stays up, and its own print button does the same.
 * The window lives in an in-memory session that may load this one file and the viewer, nothing else, and
 * has no preload, so it cannot reach main.
 */
export function createPdfPrinter(parent: () => BrowserWindow | null): (absolutePath: string, onClosed?: () => void) => Promise<void> {
  // Files handed to a print window so far: several may be open at once.
  const allowed = new Set<string>();
  let printSession: Electron.Session | null = null;
  const lockedSession = () => {
    if (printSession) return printSession;
    printSession = session.fromPartition('aryz-print');
    printSession.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !(allowed.has(details.url) || details.url.startsWith(PDF_VIEWER)) });
    });
    // The viewer needs no permission: every request and every check is refused, devices included.
    printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    printSession.setPermissionCheckHandler(() => false);
    printSession.setDevicePermissionHandler(() => false);
    printSession.on('will-download', (event) => event.preventDefault());
    return printSession;
  };
  return async (absolutePath, onClosed) => {
    const fileUrl = pathToFileURL(absolutePath).href;
    allowed.add(fileUrl);
    const owner = parent();
    const win = new BrowserWindow({
      ...(owner ? { parent: owner } : {}),
      width: 900,
      height: 1000,
      title: path.basename(absolutePath),
      autoHideMenuBar: true,
      webPreferences: {
        session: lockedSession(),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        plugins: true,
        spellcheck: false,
        // The PDF viewer's links must not open new windows on a middle click.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    // The file is a plain copy made for this window alone (documents/viewer-copies.ts): it goes when the window does.
    win.on('closed', () => {
      allowed.delete(fileUrl);
      onClosed?.();
    });
    await win.loadURL(fileUrl);
    win.webContents.print({ silent: false, printBackground: true }, () => undefined);
  };
}
