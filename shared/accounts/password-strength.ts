import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * Password strength from zxcvbn-ts (the maintained port of Dropbox's estimator): it knows common passwords,
 * keyboard walks, dates, repeats and l33t spellings, and scores 0 (guessable) to 4. Accounts guard case data
 * of vulnerable people, so 3 ("safely unguessable") is the least a password may score.
 *
 * Users' own words (their name, position, the mission) are passed as `userInputs` so a password built from
 * them scores low.
 */
export const MIN_PASSWORD_SCORE = 3;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

let estimator: ZxcvbnFactory | null = null;

function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    // Feedback text is shown through the app's own i18n keys, not zxcvbn's English sentences.
    translations: english.translations,
  });
  return estimator;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'too_weak';

export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  /** null when the password may be used. */
  problem: PasswordProblem | null;
}

export function passwordStrength(password: string, userInputs: readonly string[] = []): PasswordStrength {
  if (password.length > MAX_PASSWORD_LENGTH) return { score: 0, problem: 'too_long' };
  // zxcvbn's cost grows with length; only the first 100 characters are scored (longer is strong anyway).
  const words = userInputs.flatMap((input) => input.toLowerCase().split(/\s+/)).filter((w) => w.length >= 3);
  const result = zxcvbn().check(password.slice(0, 100), words);
  const score = result.score as PasswordStrength['score'];
  if (password.length < MIN_PASSWORD_LENGTH) return { score, problem: 'too_short' };
  if (score < MIN_PASSWORD_SCORE) return { score, problem: 'too_weak' };
  return { score, problem: null };
}
