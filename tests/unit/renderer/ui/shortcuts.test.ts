import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyLike } from '../../../../renderer/src/ui/shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('shortcutFor', () => {
  it('maps the app keys', () => {
    expect(shortcutFor(key('s', { ctrlKey: true, code: 'KeyS' }), false)).toBe('save');
    expect(shortcutFor(key('p', { ctrlKey: true, code: 'KeyP' }), true)).toBe('print');
    expect(shortcutFor(key('g', { ctrlKey: true, code: 'KeyG' }), true)).toBe('generate');
    expect(shortcutFor(key('k', { ctrlKey: true, code: 'KeyK' }), true)).toBe('search');
    expect(shortcutFor(key('n', { altKey: true, code: 'KeyN' }), false)).toBe('newCase');
    expect(shortcutFor(key('F1', { code: 'F1' }), true)).toBe('help');
    expect(shortcutFor(key('/', { code: 'Slash' }), false)).toBe('search');
    expect(shortcutFor(key('?', { shiftKey: true, code: 'Slash' }), false)).toBe('help');
  });

  it('works with the Russian layout on: the physical key counts (Ctrl+«ы» is Ctrl+S)', () => {
    expect(shortcutFor(key('ы', { ctrlKey: true, code: 'KeyS' }), false)).toBe('save');
    expect(shortcutFor(key('т', { altKey: true, code: 'KeyN' }), false)).toBe('newCase');
    expect(shortcutFor(key('з', { ctrlKey: true, code: 'KeyP' }), false)).toBe('print');
  });

  it('leaves plain keys to text fields and the browser its own combinations', () => {
    expect(shortcutFor(key('/', { code: 'Slash' }), true)).toBeNull();
    expect(shortcutFor(key('?', { shiftKey: true, code: 'Slash' }), true)).toBeNull();
    expect(shortcutFor(key('f', { ctrlKey: true, code: 'KeyF' }), false)).toBeNull();
    expect(shortcutFor(key('n', { ctrlKey: true, code: 'KeyN' }), false)).toBeNull();
    expect(shortcutFor(key('S', { ctrlKey: true, shiftKey: true, code: 'KeyS' }), false)).toBeNull();
    expect(shortcutFor(key('a', { code: 'KeyA' }), false)).toBeNull();
  });
});
