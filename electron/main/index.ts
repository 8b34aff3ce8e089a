import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, session, shell } from 'electron';
import path from 'node:path';
import { CHANNELS } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import { guardHandlers } from './accounts/guard';
import { lockOnOsEvents } from './accounts/os-lock';
import { AccountService } from './accounts/store';
import { createBatchRunner } from './batch/runner';
import { utilityWorkerSpawner } from './batch/spawn-utility';
import { createPdfPrinter } from './documents/print-window';
import { osSecretStore } from './backup/os-secret-store';
import { createHandlers } from './handlers';
import { createDispatcher, HandlerError, type CallContext } from './ipc/dispatch';
import { defaultFontDir } from './pdf/fonts';
import { createPdfEngine } from './pdf/engine';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { writeFileAtomic } from './save-file';
import { hardenSession, hardenWebContents, isTrustedSender } from './security';

// Must run before `ready`: the scheme has to be standard and secure for IndexedDB to persist under it.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let mainWindow: BrowserWindow | null = null;

function resourcesDir(): string {
  return app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources');
}

function fontDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'fonts') : defaultFontDir();
}

function contextFor(win: BrowserWindow | null, client: string): CallContext {
  return {
    client,
    async saveFile({ defaultName, data, filterName, extensions }) {
      const options = {
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: [{ name: filterName, extensions }],
      };
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { status: 'canceled', fileName: defaultName };
      await writeFileAtomic(choice.filePath, data);
      return { status: 'saved', fileName: path.basename(choice.filePath) };
    },
    async pickFiles({ filterName, extensions, multiple }) {
      const options: Electron.OpenDialogOptions = {
        filters: [{ name: filterName, extensions }],
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return choice.canceled || choice.filePaths.length === 0 ? null : choice.filePaths;
    },
    async pickFolder({ title }) {
      const options: Electron.OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
      const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return choice.canceled || choice.filePaths.length === 0 ? null : choice.filePaths[0]!;
    },
    async openPath(absolutePath) {
      // shell.openPath answers an error message rather than throwing.
      const failure = await shell.openPath(absolutePath);
      if (failure) throw new HandlerError('IO_ERROR', failure);
    },
  };
}

function registerIpc(): void {
  const accounts = new AccountService(app.getPath('userData'));
  // The OS lock and sleep lock every window at once (where the OS reports them).
  lockOnOsEvents(powerMonitor, (reason) => accounts.lockAll(reason));
  const dispatch = createDispatcher(
    guardHandlers(createHandlers({
      version: app.getVersion(),
      mode: 'desktop',
      dataDir: app.getPath('userData'),
      referenceDir: path.join(resourcesDir(), 'reference'),
      templatesDir: path.join(resourcesDir(), 'templates'),
      pdf: createPdfEngine(fontDir()),
      now: () => new Date(),
      batch: createBatchRunner({ spawn: utilityWorkerSpawner(path.join(__dirname, 'batch-worker.js')), fontDir: fontDir(), dataDir: app.getPath('userData') }),
      printPdf: createPdfPrinter(() => mainWindow),
      secrets: osSecretStore(app.getPath('userData')),
      accounts,
    }), accounts),
  );
  for (const channel of Object.keys(CHANNELS)) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return fail({ code: 'FORBIDDEN_SENDER' });
      return dispatch(channel, payload, contextFor(BrowserWindow.fromWebContents(event.sender), `wc${event.sender.id}`));
    });
  }
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Aryz',
    icon: path.join(resourcesDir(), 'icons', 'icon.png'),
    // Spelled out here rather than built by a helper so that static audits (Electronegativity) see each
    // value where the window is made; tests/unit/security checks the same values on the real window.
    webPreferences: {
      // Reviewed: the preload exposes named functions only, through contextBridge (electron/preload/index.ts).
      preload: path.join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // A middle click must not open a link in a new window (window.open is refused anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_ENTRY_URL);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(__dirname, '../renderer')));
    registerIpc();
    createWindow();
  });
}
