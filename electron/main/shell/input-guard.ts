/** The keys of a `before-input-event`; only what the guard reads. */
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/**
 * Keys the shipped app swallows: reload (F5, Ctrl+R, Ctrl+Shift+R, Ctrl+F5) would throw away what is typed and
 * not yet saved, and the DevTools keys (F12, Ctrl+Shift+I/J/C) do nothing useful when DevTools are off.
 */
export function isBlockedKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const mod = input.control || input.meta;
  if (key === 'F5' || input.code === 'F5' || key === 'BrowserRefresh') return true;
  if (mod && (key === 'r' || key === 'к' || input.code === 'KeyR')) return true;
  if (key === 'F12') return true;
  if (mod && input.shift && (['i', 'j', 'c'].includes(key) || ['KeyI', 'KeyJ', 'KeyC'].includes(input.code ?? ''))) return true;
  return false;
}

export function guardInput(contents: { on(event: 'before-input-event', listener: (event: { preventDefault(): void }, input: KeyInput) => void): unknown }): void {
  contents.on('before-input-event', (event, input) => {
    if (isBlockedKey(input)) event.preventDefault();
  });
}
