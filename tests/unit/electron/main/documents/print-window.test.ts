import { describe, expect, it, vi } from 'vitest';

// A hand-made Electron: the print window's session, window options and print call are recorded.
const state = vi.hoisted(() => ({
  partitions: [] as string[],
  beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  permission: null as null | ((wc: unknown, permission: string, cb: (allowed: boolean) => void) => void),
  permissionCheck: null as null | ((wc: unknown, permission: string) => boolean),
  devicePermission: null as null | ((details: unknown) => boolean),
  downloads: null as null | ((event: { preventDefault(): void }) => void),
  windows: [] as Array<{ options: Record<string, unknown>; url?: string; print?: Record<string, unknown>; closed?: () => void }>,
}));

vi.mock('electron', () => {
  const session = {
    webRequest: { onBeforeRequest: (cb: never) => (state.beforeRequest = cb) },
    setPermissionRequestHandler: (cb: never) => (state.permission = cb),
    setPermissionCheckHandler: (cb: never) => (state.permissionCheck = cb),
    setDevicePermissionHandler: (cb: never) => (state.devicePermission = cb),
    on: (name: string, cb: never) => name === 'will-download' && (state.downloads = cb),
  };
  class BrowserWindow {
    entry: { options: Record<string, unknown>; url?: string; print?: Record<string, unknown>; closed?: () => void };
    webContents = { print: (options: Record<string, unknown>) => (this.entry.print = options) };
    constructor(options: Record<string, unknown>) {
      this.entry = { options };
      state.windows.push(this.entry);
    }
    on(name: string, listener: () => void) {
      if (name === 'closed') this.entry.closed = listener;
      return this;
    }
    loadURL(url: string) {
      this.entry.url = url;
      return Promise.resolve();
    }
  }
  return { BrowserWindow, session: { fromPartition: (name: string) => (state.partitions.push(name), session) } };
});

describe('desktop printing', () => {
  it('shows the stored PDF in a locked-down viewer window and opens the system print dialog (never silent)', async () => {
    const { createPdfPrinter } = await import('../../../../../electron/main/documents/print-window');
    const print = createPdfPrinter(() => null);
    await print('/data/cases/case-1/doc-1.pdf');
    expect(state.partitions).toEqual(['aryz-print']);
    const [win] = state.windows;
    expect(win!.url).toBe('file:///data/cases/case-1/doc-1.pdf');
    expect(win!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect((win!.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(win!.print).toMatchObject({ silent: false });
    // Only that file and the built-in PDF viewer may load; everything else is cancelled.
    const allowed = (url: string) => {
      let verdict: boolean | undefined;
      state.beforeRequest!({ url }, (r) => (verdict = !r.cancel));
      return verdict;
    };
    expect(allowed('file:///data/cases/case-1/doc-1.pdf')).toBe(true);
    expect(allowed('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html')).toBe(true);
    expect(allowed('file:///etc/passwd')).toBe(false);
    expect(allowed('https://example.com/')).toBe(false);
    let granted: boolean | undefined;
    state.permission!(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    // Checks too (a page asks "may I?" before requesting), and devices (USB, HID, serial).
    for (const permission of ['clipboard-read', 'media', 'hid', 'fullscreen']) expect(state.permissionCheck?.(null, permission)).toBe(false);
    expect(state.devicePermission?.({ deviceType: 'usb' })).toBe(false);
    const event = { preventDefault: vi.fn() };
    state.downloads!(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('reports when the print window closes (its plain copy goes then) and stops allowing that file', async () => {
    const { createPdfPrinter } = await import('../../../../../electron/main/documents/print-window');
    const onClosed = vi.fn();
    await createPdfPrinter(() => null)('/tmp/aryz-view-x/ab/doc-2.pdf', onClosed);
    const win = state.windows.at(-1)!;
    const allowed = () => {
      let verdict: boolean | undefined;
      state.beforeRequest!({ url: 'file:///tmp/aryz-view-x/ab/doc-2.pdf' }, (r) => (verdict = !r.cancel));
      return verdict;
    };
    expect(allowed()).toBe(true);
    expect(onClosed).not.toHaveBeenCalled();
    win.closed!();
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(allowed()).toBe(false);
  });
});
