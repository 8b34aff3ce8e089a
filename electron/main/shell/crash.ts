import type { ShellStrings } from './strings';

interface CrashWindow {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
    reload(): void;
    forcefullyCrashRenderer(): void;
  };
  isDestroyed(): boolean;
  close(): void;
}

export interface CrashDeps {
  strings(): ShellStrings;
  ask(options: { type: 'warning'; title: string; message: string; detail: string; buttons: string[]; defaultId: number; cancelId: number; noLink: true }): Promise<{ response: number }>;
  log(event: string, fields: Record<string, string | number>): void;
}

/**
 * A crashed or hung page gets a dialog in the caseworker's language that offers to reload the window, instead
 * of a blank or frozen one. Typed data survives: the database and the intake draft are written as they are typed.
 */
export function attachCrashRecovery(win: CrashWindow, deps: CrashDeps): void {
  let asking = false;
  const offer = async (kind: 'gone' | 'hung') => {
    if (asking || win.isDestroyed()) return;
    asking = true;
    const s = deps.strings().crash;
    try {
      const buttons = kind === 'gone' ? [s.reload, s.quit] : [s.reload, s.wait];
      const { response } = await deps.ask({ type: 'warning', title: s.title, message: kind === 'gone' ? s.gone : s.hung, detail: s.detail, buttons, defaultId: 0, cancelId: 1, noLink: true });
      if (win.isDestroyed()) return;
      if (response === 0) {
        // A hung page cannot reload itself: its renderer is ended first.
        if (kind === 'hung') win.webContents.forcefullyCrashRenderer();
        win.webContents.reload();
        deps.log('window.reload', { kind });
      } else if (kind === 'gone') win.close();
    } finally {
      asking = false;
    }
  };
  win.webContents.on('render-process-gone', (_event, details) => {
    deps.log('window.gone', { reason: details.reason, exitCode: details.exitCode });
    // 'clean-exit' is the window closing; anything else left it blank.
    if (details.reason !== 'clean-exit') void offer('gone');
  });
  win.on('unresponsive', () => {
    deps.log('window.unresponsive', {});
    void offer('hung');
  });
}
