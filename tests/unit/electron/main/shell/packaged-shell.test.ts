import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { isBlockedKey } from '../../../../../electron/main/shell/input-guard';
import { localDataDir, moveRoamingDataOnce } from '../../../../../electron/main/shell/data-dir';
import { attachCrashRecovery } from '../../../../../electron/main/shell/crash';
import { SHELL_STRINGS } from '../../../../../electron/main/shell/strings';

const work = mkdtempSync(path.join(tmpdir(), 'aryz-shell-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A hand-made Electron for the packaged app: what main sets (menu, window options, handlers) is recorded.
const state = vi.hoisted(() => ({
  readyResolve: null as null | (() => void),
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  menus: [] as unknown[],
  windows: [] as Array<{
    options: Record<string, unknown>;
    contentsEvents: Map<string, (...args: unknown[]) => void>;
    events: Map<string, (...args: unknown[]) => void>;
    scripts: string[];
    focused: number;
    reloads: number;
  }>,
  dialogs: [] as Record<string, unknown>[],
  ipc: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  dataDir: '',
}));

vi.mock('electron', () => {
  const session = {
    webRequest: { onBeforeRequest: () => undefined },
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    on: () => undefined,
  };
  class BrowserWindow {
    entry: (typeof state.windows)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.entry = { options, contentsEvents: new Map(), events: new Map(), scripts: [], focused: 0, reloads: 0 };
      state.windows.push(this.entry);
      const entry = this.entry;
      this.webContents = {
        on: (name: string, cb: never) => entry.contentsEvents.set(name, cb),
        executeJavaScript: (code: string) => (entry.scripts.push(code), Promise.resolve()),
        reload: () => (entry.reloads += 1),
        forcefullyCrashRenderer: () => undefined,
      };
    }
    once() {}
    on(name: string, cb: never) {
      this.entry.events.set(name, cb);
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.entry.focused += 1;
    }
    close() {}
    loadURL() {
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      on: (name: string, cb: never) => state.appHandlers.set(name, cb),
      whenReady: () => new Promise<void>((resolve) => (state.readyResolve = resolve)),
      getVersion: () => '1.2.3',
      getPath: () => state.dataDir,
      getAppPath: () => '/tmp/aryz-app',
      getName: () => 'Aryz',
      getLocale: () => 'en-US',
      setPath: () => undefined,
      isPackaged: true,
    },
    BrowserWindow,
    Menu: { setApplicationMenu: (menu: unknown) => state.menus.push(menu), buildFromTemplate: (template: unknown) => template },
    dialog: {
      showSaveDialog: vi.fn(),
      showOpenDialog: vi.fn(async (first: Record<string, unknown>, second?: Record<string, unknown>) => (state.dialogs.push(second ?? first), { canceled: true, filePaths: [] })),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
    },
    ipcMain: { handle: (channel: string, cb: never) => state.ipc.set(channel, cb) },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: { defaultSession: session, fromPartition: () => session },
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
    shell: { openPath: async () => '' },
    powerMonitor: { on: () => undefined, removeListener: () => undefined },
  };
});

const fromApp = { senderFrame: { url: 'app://aryz/index.html', parent: null }, sender: {} };
type MenuItem = { label?: string; role?: string; submenu?: MenuItem[] };
const flatten = (items: MenuItem[]): MenuItem[] => items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);

async function boot() {
  vi.resetModules();
  state.dataDir = path.join(work, `data-${Math.random().toString(36).slice(2)}`);
  mkdirSync(state.dataDir);
  state.windows.length = 0;
  state.menus.length = 0;
  state.ipc.clear();
  state.dialogs.length = 0;
  (process as { resourcesPath?: string }).resourcesPath = path.resolve(__dirname, '../../../resources');
  await import('../../../../../electron/main/index');
  state.readyResolve?.();
  await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('the packaged shell (Electron mocked)', () => {
  it('turns DevTools off in the packaged window', async () => {
    await boot();
    expect(state.windows[0]!.options.webPreferences).toMatchObject({ devTools: false });
  });

  it('sets its own translated menu with no reload or developer items', async () => {
    await boot();
    const items = flatten(state.menus.at(-1) as MenuItem[]);
    const roles = items.map((i) => i.role).filter(Boolean);
    expect(roles).not.toEqual(expect.arrayContaining(['reload']));
    for (const banned of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu', 'appMenu']) expect(roles).not.toContain(banned);
    // The system is English and nothing was chosen yet: English, until the page says its language.
    expect(items.map((i) => i.label)).toContain('Support information…');
    // The page's language drives it: switching to Kyrgyz rebuilds the menu in Kyrgyz, and it is remembered.
    await expect(state.ipc.get('app:setLanguage')!(fromApp, { language: 'ky' })).resolves.toEqual({ ok: true, value: {} });
    const kyrgyz = flatten(state.menus.at(-1) as MenuItem[]).map((i) => i.label);
    expect(kyrgyz).toEqual(expect.arrayContaining([SHELL_STRINGS.ky.menu.file, SHELL_STRINGS.ky.menu.support]));
    expect(JSON.parse(readFileSync(path.join(state.dataDir, 'ui-language.json'), 'utf8'))).toEqual({ language: 'ky' });
  });

  it('swallows F5, Ctrl+R and the DevTools keys, lets typing through', () => {
    const key = (k: string, mods: Partial<{ control: boolean; shift: boolean; meta: boolean; code: string }> = {}) =>
      isBlockedKey({ type: 'keyDown', key: k, control: false, meta: false, shift: false, alt: false, ...mods });
    expect(key('F5')).toBe(true);
    expect(key('r', { control: true })).toBe(true);
    expect(key('R', { control: true, shift: true })).toBe(true);
    expect(key('к', { control: true, code: 'KeyR' })).toBe(true);
    expect(key('F12')).toBe(true);
    expect(key('I', { control: true, shift: true })).toBe(true);
    expect(key('r')).toBe(false);
    expect(key('c', { control: true })).toBe(false);
    expect(key('v', { control: true })).toBe(false);
    expect(isBlockedKey({ type: 'keyUp', key: 'F5', control: false, meta: false, shift: false, alt: false })).toBe(false);
  });

  it('the packaged window blocks reload keys through before-input-event', async () => {
    await boot();
    const handler = state.windows[0]!.contentsEvents.get('before-input-event')!;
    const event = { preventDefault: vi.fn() };
    handler(event, { type: 'keyDown', key: 'F5', control: false, meta: false, shift: false, alt: false });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('a second start with a backup file hands it to the running window: front, restore screen, dialog at the file', async () => {
    await boot();
    // Restoring is the administrator's: the first start creates one and signs them in.
    await expect(state.ipc.get('accounts:setup')!(fromApp, { name: 'Админ', position: 'Консул', password: 'correct horse battery staple' })).resolves.toMatchObject({ ok: true });
    const win = state.windows[0]!;
    state.appHandlers.get('second-instance')!({}, ['aryz.exe', '--flag', 'C:/Users/Office/Desktop/копия 2025.aryzbak']);
    expect(win.focused).toBe(1);
    expect(win.scripts).toEqual(['location.hash = "#/settings/backup"']);
    // A transfer pick does not get it; the restore pick opens its dialog at the handed file, once.
    await state.ipc.get('transfer:pick')!(fromApp, {});
    await state.ipc.get('backup:restorePick')!(fromApp, {});
    await state.ipc.get('backup:restorePick')!(fromApp, {});
    expect(state.dialogs.map((d) => d.defaultPath)).toEqual([undefined, path.resolve('C:/Users/Office/Desktop/копия 2025.aryzbak'), undefined]);
  });

  it('a crashed or hung page gets a translated dialog that reloads the window', async () => {
    const events = new Map<string, (...args: unknown[]) => void>();
    const contentsEvents = new Map<string, (...args: unknown[]) => void>();
    const win = {
      on: (name: string, cb: never) => events.set(name, cb),
      webContents: { on: (name: string, cb: never) => contentsEvents.set(name, cb), reload: vi.fn(), forcefullyCrashRenderer: vi.fn() },
      isDestroyed: () => false,
      close: vi.fn(),
    };
    const ask = vi.fn(async () => ({ response: 0 }));
    const log = vi.fn();
    attachCrashRecovery(win, { strings: () => SHELL_STRINGS.ky, ask, log });
    contentsEvents.get('render-process-gone')!({}, { reason: 'crashed', exitCode: 3 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ message: SHELL_STRINGS.ky.crash.gone, buttons: [SHELL_STRINGS.ky.crash.reload, SHELL_STRINGS.ky.crash.quit] }));
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
    events.get('unresponsive')!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(win.webContents.forcefullyCrashRenderer).toHaveBeenCalled();
    expect(win.webContents.reload).toHaveBeenCalledTimes(2);
    // Closing the window normally is not a crash.
    contentsEvents.get('render-process-gone')!({}, { reason: 'clean-exit', exitCode: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ask).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenCalledWith('window.gone', { reason: 'crashed', exitCode: 3 });
  });
});

describe('the Windows data folder', () => {
  it('is the local profile on Windows, Electron’s default elsewhere', () => {
    expect(localDataDir('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'Aryz')).toBe(path.join('C:\\Users\\u\\AppData\\Local', 'Aryz'));
    expect(localDataDir('linux', { LOCALAPPDATA: '/x' }, 'Aryz')).toBeNull();
    expect(localDataDir('win32', {}, 'Aryz')).toBeNull();
  });

  it('moves an existing roaming folder to the local profile once, whole, and never over data in use', () => {
    const roaming = path.join(work, 'Roaming', 'Aryz');
    const local = path.join(work, 'Local', 'Aryz');
    mkdirSync(path.join(roaming, 'IndexedDB', 'app_aryz_0.indexeddb.leveldb'), { recursive: true });
    mkdirSync(path.join(roaming, 'attachments'), { recursive: true });
    writeFileSync(path.join(roaming, 'IndexedDB', 'app_aryz_0.indexeddb.leveldb', '000003.log'), 'cases');
    writeFileSync(path.join(roaming, 'attachments', 'a'.repeat(64)), 'scan');
    expect(moveRoamingDataOnce(roaming, local)).toBe('moved');
    expect(existsSync(roaming)).toBe(false);
    expect(readFileSync(path.join(local, 'IndexedDB', 'app_aryz_0.indexeddb.leveldb', '000003.log'), 'utf8')).toBe('cases');
    expect(readdirSync(path.join(local, 'attachments'))).toEqual(['a'.repeat(64)]);
    // Second start: nothing left to move.
    expect(moveRoamingDataOnce(roaming, local)).toBe('nothing_to_move');
    // A roaming folder appearing later (a profile copied back) never overwrites the data in use.
    mkdirSync(roaming, { recursive: true });
    writeFileSync(path.join(roaming, 'stale'), 'old');
    expect(moveRoamingDataOnce(roaming, local)).toBe('local_in_use');
    expect(existsSync(path.join(local, 'stale'))).toBe(false);
  });
});
