import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../../shared/ipc/contract';

// A hand-made Electron: records what main asks of it so each security rule can be checked without the binary.
const state = vi.hoisted(() => ({
  lock: true,
  readyResolve: null as null | (() => void),
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  ipc: new Map<string, (event: unknown, payload: unknown) => unknown>(),
  windows: [] as { options: Record<string, unknown>; url?: string }[],
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, unknown>(),
  userData: '/tmp/aryz-test',
  power: new Map<string, () => void>(),
  session: {
    beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (allowed: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    deviceCheck: null as null | (() => boolean),
    events: new Map<string, (event: { preventDefault(): void }) => void>(),
  },
  quit: vi.fn(),
}));

vi.mock('electron', () => {
  const session = {
    webRequest: { onBeforeRequest: (cb: never) => (state.session.beforeRequest = cb) },
    setPermissionRequestHandler: (cb: never) => (state.session.permissionRequest = cb),
    setPermissionCheckHandler: (cb: never) => (state.session.permissionCheck = cb),
    setDevicePermissionHandler: (cb: never) => (state.session.deviceCheck = cb),
    on: (name: string, cb: never) => state.session.events.set(name, cb),
  };
  class BrowserWindow {
    entry: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.entry = { options };
      state.windows.push(this.entry);
    }
    webContents = { on() {} };
    once() {}
    on() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.entry.url = url;
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => state.lock,
      quit: state.quit,
      on: (name: string, cb: never) => state.appHandlers.set(name, cb),
      whenReady: () => new Promise<void>((resolve) => (state.readyResolve = resolve)),
      getVersion: () => '0.1.0',
      getPath: () => state.userData,
      getAppPath: () => '/tmp/aryz-app',
      getName: () => 'Aryz',
      getLocale: () => 'ru',
      setPath: vi.fn(),
      isPackaged: false,
    },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (template: unknown) => template },
    BrowserWindow,
    dialog: { showSaveDialog: vi.fn() },
    ipcMain: { handle: (channel: string, cb: never) => state.ipc.set(channel, cb) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
      handle: (scheme: string, handler: unknown) => state.protocolHandlers.set(scheme, handler),
    },
    session: { defaultSession: session },
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
    powerMonitor: { on: (name: string, cb: () => void) => state.power.set(name, cb), removeListener: (name: string) => state.power.delete(name) },
  };
});

async function boot() {
  vi.resetModules();
  state.appHandlers.clear();
  state.ipc.clear();
  state.windows.length = 0;
  state.schemes.length = 0;
  state.protocolHandlers.clear();
  await import('../../../../electron/main/index');
  state.readyResolve?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('main process security baseline (Electron mocked)', () => {
  beforeEach(() => {
    state.lock = true;
    state.quit.mockClear();
  });

  it('opens one window with context isolation, sandbox and no Node, on the app:// entry', async () => {
    await boot();
    expect(state.windows).toHaveLength(1);
    const prefs = state.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(state.windows[0]!.url).toBe('app://aryz/index.html');
  });

  it('registers the app scheme as standard and secure and serves it from the renderer build', async () => {
    await boot();
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) }]);
    expect(state.protocolHandlers.has('app')).toBe(true);
  });

  it('cancels every request that is not app://, and refuses all permissions and downloads', async () => {
    await boot();
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      state.session.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('app://aryz/index.html')).toBe(false);
    expect(verdict('https://example.org/')).toBe(true);
    expect(verdict('http://127.0.0.1:8080/')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(verdict('app://other/index.html')).toBe(true);
    expect(verdict('ws://localhost/')).toBe(true);
    let allowed: boolean | undefined;
    state.session.permissionRequest!(null, 'media', (a) => (allowed = a));
    expect(allowed).toBe(false);
    expect(state.session.permissionCheck!()).toBe(false);
    expect(state.session.deviceCheck!()).toBe(false);
    const download = { preventDefault: vi.fn() };
    state.session.events.get('will-download')!(download);
    expect(download.preventDefault).toHaveBeenCalled();
  });

  it('blocks navigation, redirects, webviews and new windows in every web contents', async () => {
    await boot();
    const events = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | null = null;
    const contents = {
      on: (name: string, cb: never) => events.set(name, cb),
      setWindowOpenHandler: (cb: never) => (openHandler = cb),
    };
    state.appHandlers.get('web-contents-created')!({}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      events.get(name)!(event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('registers one IPC handler per contract channel and refuses senders outside the app origin', async () => {
    await boot();
    expect([...state.ipc.keys()].sort()).toEqual(Object.keys(CHANNELS).sort());
    const info = state.ipc.get('app:info')!;
    const from = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent }, sender: {} });
    await expect(info(from('https://evil.example/'), {})).resolves.toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    await expect(info(from('app://aryz/index.html', {}), {})).resolves.toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    await expect(info({ senderFrame: null, sender: {} }, {})).resolves.toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    await expect(info(from('app://aryz/index.html'), {})).resolves.toMatchObject({ ok: true, value: { mode: 'desktop' } });
  });

  it('locks every window when the OS locks the screen or sleeps, and refuses personal-data channels until sign-in', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    state.userData = mkdtempSync(`${tmpdir()}/aryz-main-`);
    await boot();
    const call = (channel: string, payload: unknown) => state.ipc.get(channel)!({ senderFrame: { url: 'app://aryz/index.html', parent: null }, sender: { id: 1 } }, payload);
    await expect(call('attachments:read', { sha256: '0'.repeat(64) })).resolves.toEqual({ ok: false, error: { code: 'LOCKED' } });
    await expect(call('accounts:setup', { name: 'Админ', position: 'Консул', password: 'correct horse battery staple' })).resolves.toMatchObject({ ok: true, value: { status: 'ok' } });
    await expect(call('attachments:read', { sha256: '0'.repeat(64) })).resolves.toMatchObject({ ok: true });
    for (const event of ['lock-screen', 'suspend']) expect(state.power.has(event)).toBe(true);
    state.power.get('lock-screen')!();
    await vi.waitFor(async () => expect(await call('accounts:status', {})).toMatchObject({ ok: true, value: { session: { locked: true } } }));
    await expect(call('attachments:read', { sha256: '0'.repeat(64) })).resolves.toEqual({ ok: false, error: { code: 'LOCKED' } });
    state.userData = '/tmp/aryz-test';
  });

  it('quits at once when another instance holds the single-instance lock', async () => {
    state.lock = false;
    await boot();
    expect(state.quit).toHaveBeenCalled();
    expect(state.windows).toHaveLength(0);
  });
});
