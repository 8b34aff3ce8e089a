import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * How hard a passphrase or password is to guess, by zxcvbn-ts (the maintained TypeScript port of Dropbox's
 * estimator): common passwords, keyboard walks, repeats, sequences and dates count for little, length and
 * unpredictability for much. One wrapper for every secret the app asks for (backup passphrase, transfer files,
 * account passwords), so they are all judged alike. Pure: usable in main and in the page.
 */

export type StrengthLevel = 'weak' | 'fair' | 'strong';

export interface Strength {
  /** zxcvbn's score: 0 (guessed at once) to 4 (very unlikely to be guessed). */
  score: 0 | 1 | 2 | 3 | 4;
  level: StrengthLevel;
  /** log10 of the guesses an attacker needs, for a meter. */
  guessesLog10: number;
}

/** The least a secret that protects every person's file must reach. */
export const MIN_ACCEPTED_SCORE = 3;

let factory: ZxcvbnFactory | null = null;
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...dictionary },
    graphs: adjacencyGraphs,
  }));

/** Words anyone attacking this app's files would try first; no Russian or Kyrgyz dictionary ships with zxcvbn. */
const APP_WORDS = ['aryz', 'арыз', 'пароль', 'консульство', 'посольство', 'миссия', 'кыргызстан', 'kyrgyzstan', 'бишкек', 'москва', 'резервная', 'копия', 'backup'];

/** `userInputs`: words the attacker knows (the mission's name, the caseworker's name), counted as guessable. */
export function passwordStrength(secret: string, userInputs: readonly string[] = []): Strength {
  if (secret === '') return { score: 0, level: 'weak', guessesLog10: 0 };
  // zxcvbn's cost grows with length; nothing beyond 256 characters changes the verdict.
  const result = estimator().check(secret.slice(0, 256), [...APP_WORDS, ...userInputs]);
  const score = result.score as Strength['score'];
  return { score, level: score >= 4 ? 'strong' : score >= MIN_ACCEPTED_SCORE ? 'fair' : 'weak', guessesLog10: result.guessesLog10 };
}

export function isStrongEnough(secret: string, userInputs: readonly string[] = []): boolean {
  return passwordStrength(secret, userInputs).score >= MIN_ACCEPTED_SCORE;
}
