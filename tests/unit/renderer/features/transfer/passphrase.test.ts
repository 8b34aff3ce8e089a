import { describe, expect, it } from 'vitest';
import { passphraseProblem, passphraseStrength } from '../../../../../renderer/src/features/transfer/passphrase';

describe('transfer passphrase', () => {
  it('rates length and variety, not just length', () => {
    expect(passphraseStrength('')).toBe('weak');
    expect(passphraseStrength('short')).toBe('weak');
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('1234567890')).toBe('weak');
    expect(passphraseStrength('консульство')).toBe('weak');
    expect(passphraseStrength('консульство-Ош')).toBe('fair');
    expect(passphraseStrength('Тёплый ветер над Иссык-Кулем 2025')).toBe('strong');
  });

  it('asks for at least 10 characters entered twice the same', () => {
    expect(passphraseProblem('abc', 'abc')).toBe('tooShort');
    expect(passphraseProblem('ӨңҮ-пароль-1', 'ӨңҮ-пароль-2')).toBe('mismatch');
    expect(passphraseProblem('ӨңҮ-пароль-1', 'ӨңҮ-пароль-1')).toBeNull();
  });
});
