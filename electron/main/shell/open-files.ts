import path from 'node:path';

/** Files Aryz is associated with (electron-builder.yml `fileAssociations`), and the screen that opens each. */
export const OPENABLE = {
  backup: { extension: 'aryzbak', route: '#/settings/backup' },
  transfer: { extension: 'aryzt', route: '#/transfer/import' },
} as const;

export type OpenedFile = { kind: keyof typeof OPENABLE; path: string };

/** The backup or transfer file a start was asked to open (double-click, "Open with"), if any. */
export function openedFileFrom(argv: readonly string[]): OpenedFile | null {
  for (const arg of [...argv].reverse()) {
    if (arg.startsWith('-')) continue;
    for (const [kind, spec] of Object.entries(OPENABLE) as [OpenedFile['kind'], (typeof OPENABLE)[OpenedFile['kind']]][]) {
      if (arg.toLowerCase().endsWith(`.${spec.extension}`)) return { kind, path: path.resolve(arg) };
    }
  }
  return null;
}

interface ShellWindow {
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  webContents: { executeJavaScript(code: string): Promise<unknown> };
}

/**
 * Hands a file to the running window: the window comes to the front and shows the screen that opens the file
 * (restore from a backup, or transfer import), and that screen's open dialog starts at the file, so the
 * caseworker confirms it rather than looking for it. The page never receives a path.
 */
export function createOpenFileHandoff() {
  let pending: OpenedFile | null = null;
  return {
    receive(win: ShellWindow | null, argv: readonly string[]): OpenedFile | null {
      const file = openedFileFrom(argv);
      if (file) pending = file;
      if (!win) return file;
      if (win.isMinimized()) win.restore();
      win.focus();
      // A constant route, never anything from the file or the command line.
      if (file) void win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(OPENABLE[file.kind].route)}`).catch(() => undefined);
      return file;
    },
    /** The pending file if the dialog about to open is for its kind (by the extensions it asks for); taken once. */
    takeFor(extensions: readonly string[]): string | null {
      if (!pending || !extensions.includes(OPENABLE[pending.kind].extension)) return null;
      const file = pending.path;
      pending = null;
      return file;
    },
  };
}
