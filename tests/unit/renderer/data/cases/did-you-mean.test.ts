import { describe, expect, it } from 'vitest';
import { boundedDistance, nearestWord, prefixDistance } from '../../../../../shared/search/did-you-mean';

const VOCABULARY = ['jumagulov', 'jumabaev', 'usonov', 'idirisov', 'bakit', 'nurlan', '21203199000123', 'an1234567'];

describe('did you mean', () => {
  it('measures edits, stopping past the limit', () => {
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedDistance('kitten', 'sitting', 1)).toBe(2);
    expect(boundedDistance('abc', 'abc', 0)).toBe(0);
  });

  it('compares a query word with the start of a word', () => {
    expect(prefixDistance('jumagulv', 'jumagulov', 2)).toBe(1);
    expect(prefixDistance('jumx', 'jumagulov', 1)).toBe(1);
  });

  it.each([
    ['jumagulv', 'jumagulov'],
    ['jumagylov', 'jumagulov'],
    ['nurlna', 'nurlan'],
    ['usonv', 'usonov'],
    ['bakyt', 'bakit'],
  ])('“%s” → “%s”', (query, expected) => {
    expect(nearestWord(query, VOCABULARY)).toBe(expected);
  });

  it('offers nothing for a word too far from every word, a short word, or a number', () => {
    expect(nearestWord('zzzzzz', VOCABULARY)).toBeNull();
    expect(nearestWord('ju', VOCABULARY)).toBeNull();
    expect(nearestWord('2120319900', VOCABULARY)).toBeNull();
  });

  it('prefers the word more cases carry', () => {
    const weights: Record<string, number> = { asanov: 10, asenov: 1 };
    expect(nearestWord('asxnov', ['asenov', 'asanov'], (w) => weights[w] ?? 0)).toBe('asanov');
  });
});
