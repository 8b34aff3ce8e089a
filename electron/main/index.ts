import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { UiLanguage } from '../../shared/ipc/channels/app';
import { CHANNELS } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import { guardHandlers } from './accounts/guard';
import { lockOnOsEvents } from './accounts/os-lock';
import { AccountService } from './accounts/store';
import { createBatchRunner } from './batch/runner';
import { utilityWorkerSpawner } from './batch/spawn-utility';
import { createPdfPrinter } from './documents/print-window';
import { clearViewerCopiesSync, defaultViewerTempDir } from './documents/viewer-copies';
import { osSecretStore } from './backup/os-secret-store';
import { createHandlers } from './handlers';
import { createDispatcher, HandlerError, type CallContext } from './ipc/dispatch';
import { defaultFontDir } from './pdf/fonts';
import { createPdfEngine } from './pdf/engine';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { writeFileAtomic } from './save-file';
import { hardenSession, hardenWebContents, isTrustedSender } from './security';
import { createAppLog, type AppLog } from './log/app-log';
import { attachCrashRecovery } from './shell/crash';
import { localDataDir, moveRoamingDataOnce } from './shell/data-dir';
import { guardInput } from './shell/input-guard';
import { saveLanguage, startLanguage } from './shell/language';
import { menuTemplate } from './shell/menu';
import { createOpenFileHandoff } from './shell/open-files';
import { dialogFilterName, SHELL_STRINGS } from './shell/strings';

// Must run before `ready`: the scheme has to be standard and secure for IndexedDB to persist under it.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

// Windows: data in the local profile, not the roaming one (see shell/data-dir.ts). Must run before `ready`.
const localData = localDataDir(process.platform, process.env, app.getName());
let dataMove: string = 'not_windows';
if (localData) {
  try {
    dataMove = moveRoamingDataOnce(app.getPath('userData'), localData);
  } catch (error) {
    // The roaming folder stays where it is and is used as before; the log says why.
    dataMove = `failed:${(error as NodeJS.ErrnoException).code ?? 'unknown'}`;
  }
  if (!dataMove.startsWith('failed')) app.setPath('userData', localData);
}

let mainWindow: BrowserWindow | null = null;
let log: AppLog | null = null;
let language: UiLanguage = 'ru';
const openFiles = createOpenFileHandoff();
// Files the first start was asked to open wait for the window's first dialog of their kind.
openFiles.receive(null, process.argv);
let saveSupportInfo: (() => void) | null = null;

function setMenu(): void {
  const strings = SHELL_STRINGS[language];
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(strings, {
        supportInfo: () => saveSupportInfo?.(),
        about: () => {
          const options = { type: 'info' as const, title: strings.about.title, message: 'Aryz', detail: strings.about.detail(app.getVersion()) };
          void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
        },
      }),
    ),
  );
}

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
        filters: [{ name: dialogFilterName(SHELL_STRINGS[language], filterName, extensions), extensions }],
      };
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { status: 'canceled', fileName: defaultName };
      await writeFileAtomic(choice.filePath, data);
      return { status: 'saved', fileName: path.basename(choice.filePath) };
    },
    async pickFiles({ filterName, extensions, multiple }) {
      // A backup or transfer file double-clicked while Aryz ran: the dialog starts at it.
      const opened = openFiles.takeFor(extensions);
      const options: Electron.OpenDialogOptions = {
        ...(opened ? { defaultPath: opened } : {}),
        filters: [{ name: dialogFilterName(SHELL_STRINGS[language], filterName, extensions), extensions }],
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
  const appLog = log!;
  const accounts = new AccountService(app.getPath('userData'));
  // The OS lock and sleep lock every window at once (where the OS reports them).
  lockOnOsEvents(powerMonitor, (reason) => accounts.lockAll(reason));
  const handlers = createHandlers({
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
    xlsxWorkerEntry: path.join(__dirname, 'xlsx-worker.js'),
    log: appLog,
    setLanguage: (next) => {
      if (next === language) return;
      language = next;
      saveLanguage(app.getPath('userData'), next);
      setMenu();
    },
    accounts,
  });
  const dispatch = createDispatcher(
    guardHandlers(handlers, accounts),
    (_message, error) => appLog.error('ipc.failed', error),
    (call) => appLog.event('ipc', { ...call }),
  );
  saveSupportInfo = () => void handlers['app:saveSupportInfo']({}, contextFor(mainWindow, 'menu')).catch((error: unknown) => appLog.error('support.failed', error));
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
    // value where the window is made; tests/unit/electron/main/shell/packaged-shell.test.ts checks the same values on the real window.
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
      // The shipped app has no DevTools: they would open the case database to anyone at the keyboard.
      devTools: !app.isPackaged,
    },
  });
  // Reload (F5, Ctrl+R) would drop what is being typed; the DevTools keys are swallowed with it.
  guardInput(mainWindow.webContents);
  attachCrashRecovery(mainWindow, {
    strings: () => SHELL_STRINGS[language],
    ask: (options) => (mainWindow && !mainWindow.isDestroyed() ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options)),
    log: (event, fields) => log?.event(event, fields),
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
  // A second start (another shortcut, a double-clicked backup or transfer file) hands over to this window.
  app.on('second-instance', (_event, argv) => {
    const file = openFiles.receive(mainWindow, argv);
    log?.event('app.second-instance', { kind: file?.kind ?? 'none' });
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  // Plain copies made for the system viewer or the print window go at quit; any a viewer still held, at the next start.
  app.on('will-quit', () => clearViewerCopiesSync(defaultViewerTempDir(app.getPath('userData'))));
  void app.whenReady().then(() => {
    clearViewerCopiesSync(defaultViewerTempDir(app.getPath('userData')));
    mkdirSync(app.getPath('userData'), { recursive: true });
    log = createAppLog(app.getPath('userData'));
    log.event('app.start', { version: app.getVersion(), platform: process.platform, arch: process.arch, electron: process.versions.electron, packaged: app.isPackaged, dataMove: dataMove.startsWith('failed') ? 1 : 0, code: dataMove.replace(/^failed:/, '') });
    app.on('child-process-gone', (_event, details) => log?.event('process.gone', { type: details.type, reason: details.reason, exitCode: details.exitCode }));
    language = startLanguage(app.getPath('userData'), app.getLocale());
    setMenu();
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(__dirname, '../renderer')));
    registerIpc();
    createWindow();
  });
}
