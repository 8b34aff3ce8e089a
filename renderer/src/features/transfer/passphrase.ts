/** Shortest passphrase a bundle may be sealed with (main refuses shorter ones too). */
export const MIN_PASSPHRASE = 10;

export type Strength = 'weak' | 'fair' | 'strong';

/**
 * A rough strength hint: length counts most, mixing kinds of characters helps, repeating one character or
 * a run of digits does not. It guides, it does not forbid (beyond the minimum length).
 */
export function passphraseStrength(value: string): Strength {
  const chars = [...value];
  const distinct = new Set(chars).size;
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) => re.test(value)).length;
  const score = Math.min(chars.length, 4 * distinct) + 3 * (kinds - 1);
  if (chars.length < MIN_PASSPHRASE || score < 14) return 'weak';
  return score >= 22 ? 'strong' : 'fair';
}

export type PassphraseProblem = 'tooShort' | 'mismatch' | null;

export function passphraseProblem(first: string, second: string): PassphraseProblem {
  if ([...first].length < MIN_PASSPHRASE) return 'tooShort';
  return first === second ? null : 'mismatch';
}
