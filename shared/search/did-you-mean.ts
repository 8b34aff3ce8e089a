/**
 * "Did you mean": the word of an index's own vocabulary nearest to a query word that matches nothing.
 * Query words match the START of index words, so a query word is compared with the start of each
 * vocabulary word (as long as the query word, or one letter shorter or longer): "jumagulv" is one edit
 * from "jumagulov"'s first nine letters. Edit distance is Levenshtein, cut off at the allowed distance.
 */

/** Edits allowed: one for a short word, two from seven letters on (a longer word has room for two slips). */
export function allowedEdits(word: string): number {
  return word.length >= 7 ? 2 : 1;
}

/** Levenshtein distance of `a` and `b`, or `max + 1` as soon as it must exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Distance of `query` to the nearest start of `word` (its first n-1, n or n+1 letters). */
export function prefixDistance(query: string, word: string, max: number): number {
  let best = max + 1;
  for (let length = query.length - 1; length <= query.length + 1; length++) {
    if (length < 1 || length > word.length) continue;
    best = Math.min(best, boundedDistance(query, word.slice(0, length), max));
  }
  return best;
}

/**
 * The vocabulary word nearest to `query` within the allowed edits, ties going to the word more cases
 * carry (`weight`), then to the shorter one. Only words of letters are candidates (names), and only
 * query words of three letters or more are corrected: a shorter one is nearly every word's start.
 */
export function nearestWord(query: string, vocabulary: Iterable<string>, weight: (word: string) => number = () => 1): string | null {
  if (query.length < 3 || !/^[a-z]+$/.test(query)) return null;
  const max = allowedEdits(query);
  let best: string | null = null;
  let bestDistance = max + 1;
  let bestWeight = 0;
  for (const word of vocabulary) {
    if (word.length < query.length - 1 || word.charCodeAt(0) < 97 || !/^[a-z]+$/.test(word)) continue;
    const distance = prefixDistance(query, word, Math.min(max, bestDistance));
    if (distance > max || distance > bestDistance) continue;
    const w = weight(word);
    if (distance < bestDistance || w > bestWeight || (w === bestWeight && best !== null && word.length < best.length)) {
      best = word;
      bestDistance = distance;
      bestWeight = w;
    }
  }
  return best;
}
