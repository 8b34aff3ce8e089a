import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey, namePrefixKey, nameTokens, normalizeText, searchTokens, spellingVariants } from '../../../../shared/names';

const RUNS = { numRuns: 1000 };

// Kyrgyz names from a syllable alphabet: (onset) vowel (coda), including ж ң ө ү ы э й and the
// Russian-only letters that appear in names (ё ю я ц щ х ь).
const ONSETS = ['', '', 'б', 'в', 'г', 'д', 'ж', 'з', 'й', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'дж'];
const VOWELS = ['а', 'о', 'ө', 'у', 'ү', 'ы', 'и', 'е', 'э', 'ё', 'ю', 'я', 'аа', 'оо', 'өө', 'уу', 'үү', 'ээ'];
const CODAS = ['', '', '', 'н', 'ң', 'р', 'л', 'й', 'т', 'к', 'с', 'ш', 'м', 'з', 'б', 'д', 'п', 'ь', 'г', 'х', 'ц', 'ж', 'ч'];

const syllable = fc
  .tuple(fc.constantFrom(...ONSETS), fc.constantFrom(...VOWELS), fc.constantFrom(...CODAS))
  .map(([o, v, c]) => o + v + c);

const kyrgyzWord = fc
  .tuple(fc.array(syllable, { minLength: 1, maxLength: 4 }), fc.constantFrom('title', 'title', 'lower', 'upper'))
  .map(([syllables, style]) => {
    const w = syllables.join('');
    if (style === 'upper') return w.toUpperCase();
    if (style === 'lower') return w;
    return w.charAt(0).toUpperCase() + w.slice(1);
  });

const fullName = fc.array(kyrgyzWord, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));

// Characters a name field may realistically contain, plus noise.
const POOL = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ',
  ...'ңөүҢӨҮ',
  ...'öüÖÜčšžČŠŽçşğıİéëñ',
  ...'0123456789',
  ' ', '-', "'", '’', 'ʼ', '.', '\u0306', '\u0308', '\u030C',
];
const poolString = fc.array(fc.constantFrom(...POOL), { maxLength: 24 }).map((a) => a.join(''));

describe('nameKey properties', () => {
  it('is idempotent and ASCII on realistic characters', () => {
    fc.assert(
      fc.property(poolString, (s) => {
        const k = nameKey(s);
        expect(k).toMatch(/^[a-z0-9]*$/);
        expect(nameKey(k)).toBe(k);
      }),
      RUNS,
    );
  });

  it('is idempotent and ASCII on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const k = nameKey(s);
        expect(k).toMatch(/^[a-z0-9]*$/);
        expect(nameKey(k)).toBe(k);
      }),
      RUNS,
    );
  });

  it('does not depend on case or Unicode normal form', () => {
    fc.assert(
      fc.property(kyrgyzWord, (w) => {
        const k = nameKey(w);
        expect(nameKey(w.toUpperCase())).toBe(k);
        expect(nameKey(w.toLowerCase())).toBe(k);
        expect(nameKey(w.normalize('NFD'))).toBe(k);
      }),
      RUNS,
    );
  });

  it('every spelling variant of a generated Kyrgyz word has the word’s key', () => {
    fc.assert(
      fc.property(kyrgyzWord, (w) => {
        const k = nameKey(w);
        const variants = spellingVariants(w);
        expect(variants.length).toBeLessThanOrEqual(32);
        for (const v of variants) expect({ w, v, key: nameKey(v) }).toEqual({ w, v, key: k });
      }),
      RUNS,
    );
  });

  it('every spelling variant of a generated full name has the name’s tokens', () => {
    fc.assert(
      fc.property(fullName, (name) => {
        const tokens = nameTokens(name);
        for (const v of spellingVariants(name)) expect({ name, v, tokens: nameTokens(v) }).toEqual({ name, v, tokens });
      }),
      RUNS,
    );
  });

  it('every spelling variant of any Kyrgyz Cyrillic letter string (not only syllables) has its tokens', () => {
    const letters = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяңөүАЖЁЙЕӨҮЫ -'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }), (chars) => {
        const s = chars.join('');
        const tokens = nameTokens(s);
        for (const v of spellingVariants(s)) expect({ s, v, tokens: nameTokens(v) }).toEqual({ s, v, tokens });
      }),
      RUNS,
    );
  });

  it('the prefix key of any prefix of any spelling is a prefix of the full key', () => {
    fc.assert(
      fc.property(kyrgyzWord, (w) => {
        for (const spelling of [w, ...spellingVariants(w, 8)]) {
          const full = nameKey(spelling);
          const chars = [...spelling];
          for (let n = 1; n <= chars.length; n++) {
            const typed = chars.slice(0, n).join('');
            const k = namePrefixKey(typed);
            if (!full.startsWith(k)) expect({ spelling, typed, k }).toEqual({ spelling, typed, k: `prefix of ${full}` });
          }
        }
      }),
      RUNS,
    );
  });
});

describe('text and token properties', () => {
  it('normalizeText is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(poolString, (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s\s/);
      }),
      RUNS,
    );
  });

  it('nameTokens ignores word order, particles and part boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(kyrgyzWord, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('уулу', 'кызы', 'UULU', 'KYZY', 'uly', 'kizi'),
        (words, particle) => {
          const base = new Set(nameTokens(words.join(' ')));
          const shuffled = [...words].reverse();
          shuffled.splice(1, 0, particle);
          expect(new Set(nameTokens(shuffled.join(' ')))).toEqual(base);
          expect(new Set(nameTokens(...words.map((w) => w + '-' + particle)))).toEqual(base);
        },
      ),
      RUNS,
    );
  });

  it('searchTokens of a typed prefix of a name are prefixes of that name’s tokens', () => {
    fc.assert(
      fc.property(fullName, fc.nat(), (name, cut) => {
        const spelling = [name, ...spellingVariants(name, 6)][cut % 7] ?? name;
        const typed = spelling.slice(0, 1 + (cut % spelling.length));
        const indexed = nameTokens(spelling);
        for (const t of searchTokens(typed)) {
          expect(indexed.some((k) => k.startsWith(t)), `${typed} → ${t} in ${indexed.join(' ')}`).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('throughput', () => {
  it('folds 300,000 tokens well under a second', () => {
    // Deterministic mix of Kyrgyz Cyrillic, Russian Cyrillic and Latin tokens.
    let seed = 20250101;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const latin = ['zhu', 'ma', 'gu', 'lov', 'dzh', 'sho', 'nur', 'bek', 'kyz', 'ai', 'suluu', 'tsoy', 'kha', 'mid', 'üs', 'ön', 'ov', 'yev', 'cho', 'lpon', 'ng', 'ee'];
    const cyr = ['жу', 'ма', 'гу', 'лов', 'дж', 'ша', 'нур', 'бек', 'кыз', 'ай', 'сулуу', 'цой', 'ха', 'мид', 'үс', 'өн', 'ов', 'ев', 'чол', 'пон', 'ң', 'ээ', 'ыр', 'щ'];
    const tokens: string[] = [];
    for (let i = 0; i < 300_000; i++) {
      const parts = i % 3 === 0 ? latin : cyr;
      let t = '';
      const len = 2 + rnd(3);
      for (let j = 0; j < len; j++) t += parts[rnd(parts.length)]!;
      tokens.push(i % 5 === 0 ? t.toUpperCase() : t.charAt(0).toUpperCase() + t.slice(1));
    }
    for (let i = 0; i < 20_000; i++) nameKey(tokens[i]!); // warm-up
    const start = performance.now();
    let chars = 0;
    for (const t of tokens) chars += nameKey(t).length;
    const ms = performance.now() - start;
    const perSecond = Math.round(tokens.length / (ms / 1000));
    console.log(
      `nameKey: ${tokens.length.toLocaleString('en')} tokens in ${ms.toFixed(1)} ms ` +
        `(${perSecond.toLocaleString('en')} tokens/s, ${chars.toLocaleString('en')} key chars)`,
    );
    expect(ms).toBeLessThan(1000);
  });
});
