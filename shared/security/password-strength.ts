import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * How hard a passphrase or password is to guess, by zxcvbn-ts (the maintained TypeScript port of Dropbox's
 * estimator): common passwords, keyboard walks, repeats, sequences, dates and l33t spellings count for little, length
 * and unpredictability for much. ONE rule for every secret the app asks for (account passwords, the backup
 * passphrase, transfer files), so they are all judged alike. Pure: usable in main and in the page.
 */

export type StrengthLevel = 'weak' | 'fair' | 'strong';
export type PasswordProblem = 'too_short' | 'too_long' | 'too_weak';

export interface Strength {
  /** zxcvbn's score: 0 (guessed at once) to 4 (very unlikely to be guessed). */
  score: 0 | 1 | 2 | 3 | 4;
  level: StrengthLevel;
  /** log10 of the guesses an attacker needs, for a meter. */
  guessesLog10: number;
  /** Why the secret may not be used; null when it may. */
  problem: PasswordProblem | null;
}

/** The least a secret that protects every person's file must reach (3: "safely unguessable"). */
export const MIN_ACCEPTED_SCORE = 3;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

let factory: ZxcvbnFactory | null = null;
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    // Feedback text is shown through the app's own i18n keys, not zxcvbn's English sentences.
    translations: english.translations,
  }));

/** Words anyone attacking this app's files would try first; no Russian or Kyrgyz dictionary ships with zxcvbn. */
const APP_WORDS = ['aryz', 'арыз', 'пароль', 'консульство', 'посольство', 'миссия', 'кыргызстан', 'kyrgyzstan', 'бишкек', 'москва', 'резервная', 'копия', 'backup'];

/**
 * `userInputs`: what the attacker knows (the person's name and position, the mission's name); each word of them
 * counts as guessable, so a password built from one's own surname scores low.
 */
export function passwordStrength(secret: string, userInputs: readonly string[] = []): Strength {
  if (secret === '') return { score: 0, level: 'weak', guessesLog10: 0, problem: 'too_short' };
  const words = userInputs.flatMap((input) => input.toLowerCase().split(/\s+/)).filter((w) => w.length >= 3);
  // zxcvbn's cost grows with length; only the first 100 characters are scored (longer is strong anyway).
  const result = estimator().check(secret.slice(0, 100), [...APP_WORDS, ...words]);
  const score = result.score as Strength['score'];
  const level: StrengthLevel = score >= 4 ? 'strong' : score >= MIN_ACCEPTED_SCORE ? 'fair' : 'weak';
  const problem: PasswordProblem | null =
    secret.length > MAX_PASSWORD_LENGTH ? 'too_long' : secret.length < MIN_PASSWORD_LENGTH ? 'too_short' : score < MIN_ACCEPTED_SCORE ? 'too_weak' : null;
  return { score, level, guessesLog10: result.guessesLog10, problem };
}

export function isStrongEnough(secret: string, userInputs: readonly string[] = []): boolean {
  return passwordStrength(secret, userInputs).problem === null;
}
