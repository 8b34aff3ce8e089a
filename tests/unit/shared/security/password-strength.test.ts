import { describe, expect, it } from 'vitest';
import { isStrongEnough, MIN_ACCEPTED_SCORE, passwordStrength } from '../../../../shared/security/password-strength';

describe('password strength (zxcvbn-ts)', () => {
  it('rates common passwords, keyboard walks, digits and app words as weak', () => {
    for (const secret of ['', '1234567890', 'password123', 'qwertyuiop', 'консульство2025']) {
      expect(passwordStrength(secret).level, secret).toBe('weak');
      expect(isStrongEnough(secret), secret).toBe(false);
    }
  });

  it('accepts long passphrases in Russian, Kyrgyz or English', () => {
    for (const secret of ['Тёплый ветер над Иссык-Кулем 2025', 'Көк-Жайык тоосунда жай', 'correct horse battery staple']) {
      expect(passwordStrength(secret).score, secret).toBeGreaterThanOrEqual(MIN_ACCEPTED_SCORE);
    }
  });

  it("counts the caller's own words (a mission or a person's name) as guessable", () => {
    expect(passwordStrength('Asanova1987').score).toBeGreaterThan(passwordStrength('Asanova1987', ['asanova']).score);
  });
});
