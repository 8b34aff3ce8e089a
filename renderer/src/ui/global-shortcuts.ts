import { useEffect } from 'react';
import { requestNewCase } from './new-case';
import { shortcutFor, type ShortcutAction } from './shortcuts';

/** Text is being typed here: plain keys («/», «?») are text, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
}

/** An open modal dialog makes the page behind it inert: shortcuts act inside it only. */
function scope(): ParentNode {
  const open = document.querySelectorAll('dialog[open]');
  return open.length > 0 ? open[open.length - 1]! : document;
}

/** The control marked for an action on the current screen: visible, the first enabled one when there are several. */
export function shortcutTarget(action: ShortcutAction): HTMLElement | null {
  const all = [...scope().querySelectorAll<HTMLElement>(`[data-shortcut="${action}"]`)].filter((el) => el.getClientRects().length > 0);
  return all.find((el) => !(el as HTMLButtonElement).disabled) ?? all[0] ?? null;
}

function press(target: HTMLElement): void {
  // A refused action (generate while a requisite is missing) is focused, so its reason is read out.
  if ((target as HTMLButtonElement).disabled) target.focus();
  else target.click();
}

/**
 * One key handler for the app (see ./shortcuts for the keys). Ctrl+S submits the form the caret is in, or
 * presses the screen's save button; Ctrl+G and Ctrl+P press the screen's generate and print buttons; «/» and
 * Ctrl+K go to the search box (the case list's when the screen has none); Alt+N starts a new case; F1 and «?»
 * open the list of shortcuts.
 */
export function useGlobalShortcuts(openHelp: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const action = shortcutFor(event, isTyping(event.target));
      if (!action) return;
      if (action === 'help') {
        event.preventDefault();
        openHelp();
        return;
      }
      if (action === 'save') {
        // Saving the page's HTML is never what the caseworker means.
        event.preventDefault();
        const form = event.target instanceof HTMLElement ? event.target.closest('form') : null;
        if (form && form.querySelector('button[type="submit"]:not([disabled])')) form.requestSubmit();
        else {
          const target = shortcutTarget('save');
          if (target) press(target);
        }
        return;
      }
      const target = shortcutTarget(action);
      if (action === 'search') {
        event.preventDefault();
        if (target instanceof HTMLInputElement) {
          target.focus();
          target.select();
        } else if (!location.hash.startsWith('#/cases') || location.hash.startsWith('#/cases/')) {
          location.hash = '#/cases';
        }
        return;
      }
      if (action === 'newCase') {
        event.preventDefault();
        if (location.hash === '#/cases/new') {
          requestNewCase();
        } else {
          location.hash = '#/cases/new';
        }
        return;
      }
      // Generate and print: the browser keeps its own meaning when the screen has nothing of the kind.
      if (!target) return;
      event.preventDefault();
      press(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openHelp]);
}
