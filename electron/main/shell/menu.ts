import type { MenuItemConstructorOptions } from 'electron';
import type { ShellStrings } from './strings';

export interface MenuActions {
  supportInfo(): void;
  about(): void;
}

/**
 * The application menu: translated, with editing, zoom and window items only. Electron's default menu has
 * Reload, Force Reload and Toggle Developer Tools; none of those is here (a reload would drop unsaved input,
 * and DevTools would open the database to anyone at the keyboard).
 */
export function menuTemplate(strings: ShellStrings, actions: MenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const m = strings.menu;
  return [
    ...(platform === 'darwin' ? [{ label: 'Aryz', submenu: [{ label: m.about, click: () => actions.about() }, { type: 'separator' as const }, { label: m.quit, role: 'quit' as const }] }] : []),
    { label: m.file, submenu: [{ label: m.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' }] },
    {
      label: m.edit,
      submenu: [
        { label: m.undo, role: 'undo' },
        { label: m.redo, role: 'redo' },
        { type: 'separator' },
        { label: m.cut, role: 'cut' },
        { label: m.copy, role: 'copy' },
        { label: m.paste, role: 'paste' },
        { label: m.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: m.view,
      submenu: [
        { label: m.zoomIn, role: 'zoomIn' },
        { label: m.zoomOut, role: 'zoomOut' },
        { label: m.resetZoom, role: 'resetZoom' },
        { type: 'separator' },
        { label: m.fullScreen, role: 'togglefullscreen' },
      ],
    },
    { label: m.window, submenu: [{ label: m.minimize, role: 'minimize' }, { label: m.close, role: 'close' }] },
    { label: m.help, submenu: [{ label: m.support, click: () => actions.supportInfo() }, { label: m.about, click: () => actions.about() }] },
  ];
}
