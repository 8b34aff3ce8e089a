/**
 * Calls `onIdle` once no input has arrived for `idleMs`. Activity is what a person at the keyboard does (keys,
 * pointer, wheel, touch); a timer that the page itself resets does not count.
 */
export function watchIdle(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, idleMs: number, onIdle: () => void, clock: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } = globalThis): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = null;
      onIdle();
    }, idleMs);
  };
  const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
  for (const event of events) target.addEventListener(event, arm, { passive: true, capture: true });
  arm();
  return () => {
    if (timer !== null) clock.clearTimeout(timer);
    for (const event of events) target.removeEventListener(event, arm, { capture: true });
  };
}

/** Ctrl+Shift+L (⌘⇧L on a Mac) locks at once, like Win+L for the OS. */
export function isLockShortcut(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && (event.code === 'KeyL' || event.key.toLowerCase() === 'l');
}
