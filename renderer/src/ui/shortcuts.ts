import { useTranslation } from 'react-i18next';

/**
 * The app's keyboard shortcuts. Chosen not to take what browser mode needs from Chromium: Ctrl+N, Ctrl+T and
 * Ctrl+W are the browser's own (a page cannot even see them), Ctrl+F stays find-in-page. Ctrl+S, Ctrl+P and
 * Ctrl+G are taken only when the screen has something to save, print or generate; otherwise the browser keeps
 * them. «/» and «?» are plain keys, so they act only outside text fields.
 */
export const SHORTCUT_ACTIONS = ['newCase', 'search', 'generate', 'print', 'save', 'help'] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

interface Binding {
  /** As shown to the caseworker. */
  keys: readonly string[];
  /** For aria-keyshortcuts (WAI-ARIA key names). */
  aria: string;
}

export const SHORTCUTS: Readonly<Record<ShortcutAction, Binding>> = {
  newCase: { keys: ['Alt+N'], aria: 'Alt+N' },
  search: { keys: ['/', 'Ctrl+K'], aria: '/ Control+K' },
  generate: { keys: ['Ctrl+G'], aria: 'Control+G' },
  print: { keys: ['Ctrl+P'], aria: 'Control+P' },
  save: { keys: ['Ctrl+S'], aria: 'Control+S' },
  help: { keys: ['F1', '?'], aria: 'F1 Shift+?' },
};

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * The action a key press asks for. `typing` is true in a text field, where plain keys are text. Letters are
 * matched by their physical key (`code`) too, so the shortcuts work with the Russian or Kyrgyz layout on.
 */
export function shortcutFor(event: KeyLike, typing: boolean): ShortcutAction | null {
  const ctrl = event.ctrlKey || event.metaKey;
  const letter = event.code?.startsWith('Key') ? event.code.slice(3).toLowerCase() : event.key.toLowerCase();
  if (event.key === 'F1' && !ctrl && !event.altKey) return 'help';
  if (ctrl && !event.altKey && !event.shiftKey) {
    if (letter === 's') return 'save';
    if (letter === 'p') return 'print';
    if (letter === 'g') return 'generate';
    if (letter === 'k') return 'search';
    return null;
  }
  if (event.altKey && !ctrl && !event.shiftKey && letter === 'n') return 'newCase';
  if (typing || ctrl || event.altKey) return null;
  if (event.key === '/') return 'search';
  if (event.key === '?') return 'help';
  return null;
}

/** Keys as the caseworker reads them: «Ctrl+S», «/ или Ctrl+K». */
export function useShortcutLabel(): (action: ShortcutAction) => string {
  const { t } = useTranslation();
  return (action) => SHORTCUTS[action].keys.join(` ${t('comfort.shortcuts.or')} `);
}

/**
 * What marks a control as the target of a shortcut: the global handler clicks (or focuses) it, and the
 * tooltip and aria-keyshortcuts tell the caseworker the key.
 */
export function useShortcutProps(): (action: ShortcutAction, label?: string) => { 'data-shortcut': ShortcutAction; 'aria-keyshortcuts': string; title: string } {
  const keys = useShortcutLabel();
  return (action, label) => ({
    'data-shortcut': action,
    'aria-keyshortcuts': SHORTCUTS[action].aria,
    title: label ? `${label} (${keys(action)})` : keys(action),
  });
}
