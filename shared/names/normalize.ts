/**
 * The one name normaliser of Aryz: search and duplicate detection both go through `nameKey`.
 *
 * A person's name reaches us in three scripts: Kyrgyz Cyrillic (with ң ө ү), Russian Cyrillic
 * (the register, Russian court and MVD papers, which have no ң ө ү) and Latin (passports use ZH
 * for ж, the 2022 decree and BGN/PCGN use J, citizens may ask for DZH; ы is Y or I; ң is NG or N;
 * ө/ү are O/U, Ö/Ü or OE/UE) – see domain brief §5.6 and §10.2. `nameKey` maps every spelling of
 * one token to a common phonetic key made of lowercase ASCII letters (and digits).
 *
 * ## How the key is computed (one left-to-right pass, no regex, no allocation per character)
 *
 * Every input character is looked up in a table that turns it into a *symbol* of a reduced
 * phonetic alphabet shared by both scripts, or into a small operation (Latin digraph leaders,
 * the glide y/й, е/ё/э, я/ю/щ/x). Symbols go onto a stack; a few rules look at the top of the
 * stack when a new symbol arrives, so that the same merges happen whichever script the letters
 * came from. The key is the stack written out (`sh`, `ch`, `kh` are the only two-letter outputs).
 *
 * Consonants
 * - ж, Latin j, zh, dzh, dj, Cyrillic дж → `j`           (rule: д/d followed by ж drops the д)
 * - ш / sh / š → `sh`;  ч / ch / č → `ch`;  щ / shch → `shch` (ш + ч, so шч ≡ щ)
 * - х / kh / h → `kh`                                       (Хамид ≡ Khamid ≡ Hamid)
 * - ц / ts / тс / тц / c → `c`                              (Цой ≡ Tsoy ≡ Tsoi)
 * - ң / н / ng / нг → `n`   (rule: n followed by g drops the g; so Мангыт ≡ Маңыт, accepted)
 * - Latin x → `ks`, w → `v`, q → `k`; apostrophes are dropped, and so are soft and hard signs except
 *   between a consonant and a vowel, where they are the glide й (see "The glide class" below).
 * - Latin h makes a digraph only with a directly preceding Latin z/s/c/k. Cyrillic сх, кх, зх
 *   stay two sounds (Асхат = Askhat ≠ Ашат); the price: Latin "Ashat" reads as Ашат.
 *
 * Vowels – the ambiguity that matters is ө. Russian records write Үсөнов as Усенов (е for ө),
 * Latin gives Usonov/Üsönov/Usenov. One key per token therefore forces о ≡ ө ≡ е (≡ э, ё). We
 * merge exactly that and nothing more:
 * - а → `a`;  у, ү, ü, ue → `u`;  и, ы, і, i, y, й → `i`  (Ыдырысов ≡ Идирисов ≡ Ydyrysov)
 * - о, ө, ö, oe, е, ё, э, e → `o` – EXCEPT as the first symbol of the key, where е/э/ё/e stay
 *   `e` and о/ө/ö stay `o`: Russian never writes a word-initial ө as Е (it would read "Йе"),
 *   so we keep Эркин ≠ Оркин. Consequence (accepted, documented in the tests): Кем ≡ Ком,
 *   Бек ≡ Бок, Семен ≡ Семён ≡ Semyon; but Ким ≠ Кем (и/е are not merged: no source writes ө
 *   or е as и), and Асанов ≠ Усенов (а/у are not merged).
 * - u absorbs a directly following o-class vowel: this is what makes the UE spelling of ү work
 *   (UESOENOV ≡ Үсөнов). Side effect: Зуев ≡ Зув (Zuev, Zuyev).
 * - Identical neighbouring symbols collapse: Айсулуу ≡ Aisuluu; Мухаммед ≡ Muhamed.
 * - The glide (Latin y, Cyrillic й) is dropped before o/ö/о/ө (Семён ≡ Semyon, Пётр ≡ Pyotr,
 *   Коён ≡ Koyon) and before e/е/э/ё when it starts the word or follows a vowel
 *   (Yermek ≡ Ермек, Isayev ≡ Исаев, Aliyev ≡ Алиев). After a consonant, "ye" keeps its y
 *   because there it is ы (Мамыев ≡ Mamyev). Latin y elsewhere is ы or й: `i`.
 *   Word-initial "Yo"/"Йо" gives `e` (it is ё, and ё ≡ е).
 * - я → `ia`, ю → `iu` (≡ ya/ia, yu/iu).
 *
 * The glide class (Kyrgyz й-sequences against Russian iotated vowels and the soft sign). One sound,
 * the glide й followed by a vowel, is written four ways: Kyrgyz й + vowel (Йусуп, Ылйас, Айа), a
 * Russian iotated vowel (Юсуп, Ильяс, Ая), a Russian sign + iotated vowel after a consonant (Дьяков,
 * Васильев), Latin y/i + vowel. The rule: я = й+а, ю = й+у, ё = й+о, е = й+е (not word-initially
 * after a consonant: there е is plain е), and ь/ъ between a consonant and a vowel = й; then the glide
 * is `i` before а/у/и, vanishes before о/ё, and before е vanishes at the start of a word and after
 * a vowel but stays `i` after a consonant. A sign before ё is read as before е, because Russian
 * records drop the dots (Соловьёв = Соловьев = Solovyev). tests/unit/names/glide-class.test.ts walks the whole class
 * (start, after a vowel, after a consonant × а/у/о/е × every writing) in both directions. Price: the
 * ICAO Latin of a Russian sign (VASILEV for Васильев, which drops the sign) no longer meets the
 * Cyrillic, nor does Solovyov (its y vanishes before o) meet Соловьёв; Vasilyev, Vasiliev and
 * Solovyev do.
 *
 * Everything else (punctuation, other scripts) is dropped; digits pass through unchanged and are
 * never collapsed. The key is a fixed point: nameKey(nameKey(x)) === nameKey(x), because the key
 * alphabet maps onto itself and no rule can fire on a key (it never contains y, a non-initial e,
 * ng, ts, dj, uo, an h other than in sh/ch/kh, or doubled letters).
 *
 * Known limits: "Jusup" reads J as ж (never as ю); x is read as ks (Alexandr ≡ Aleksandr), so an
 * Uzbek-Latin x meaning х (Xolmatov) does not meet Холматов; Latin "sh" is always ш; long vowels
 * collapse with their neighbours of the same class (Коён ≡ Кон). A trailing incomplete digraph
 * ("Dz", "Ts" being typed) is handled by `namePrefixKey`/`searchTokens`, not by `nameKey`.
 * For prefix search note that `k`, `s`, `c` are string prefixes of `kh`, `sh`, `ch`: a query
 * ending in к/с/ц also matches names continuing with х/ш/ч (harmless, and it is what makes
 * "K" → "Kh" typing work).
 *
 * The single pass is restarted once on the NFC form if a combining mark is met (decomposed
 * input such as и + U+0306 for й); already-composed input is read exactly once.
 */

// ---------------------------------------------------------------------------------------------
// Reduced phonetic alphabet. Values 1..24 are letter symbols, 32..41 digits.
const A = 1, B = 2, V = 3, G = 4, D = 5, E0 = 6, ZH = 7, Z = 8, I = 9, K = 10, L = 11, M = 12,
  N = 13, O = 14, P = 15, R = 16, S = 17, T = 18, U = 19, F = 20, KH = 21, C = 22, CH = 23, SH = 24;
const DIGIT0 = 32;

const OUT: string[] = [];
OUT[A] = 'a'; OUT[B] = 'b'; OUT[V] = 'v'; OUT[G] = 'g'; OUT[D] = 'd'; OUT[E0] = 'e'; OUT[ZH] = 'j';
OUT[Z] = 'z'; OUT[I] = 'i'; OUT[K] = 'k'; OUT[L] = 'l'; OUT[M] = 'm'; OUT[N] = 'n'; OUT[O] = 'o';
OUT[P] = 'p'; OUT[R] = 'r'; OUT[S] = 's'; OUT[T] = 't'; OUT[U] = 'u'; OUT[F] = 'f'; OUT[KH] = 'kh';
OUT[C] = 'c'; OUT[CH] = 'ch'; OUT[SH] = 'sh';
for (let d = 0; d < 10; d++) OUT[DIGIT0 + d] = String.fromCharCode(48 + d);

const IS_VOWEL = new Uint8Array(64);
IS_VOWEL[A] = IS_VOWEL[E0] = IS_VOWEL[I] = IS_VOWEL[O] = IS_VOWEL[U] = 1;

// Operations for characters that are not a plain symbol.
const OP_E = 50; // е ё э e é ë …: `e` as first symbol, else `o`
const OP_O = 51; // о ө o ö …
const OP_Y = 52; // glide: Latin y, Cyrillic й
const OP_YA = 53; // я → i a
const OP_YU = 54; // ю → i u
const OP_SHCH = 55; // щ → sh ch
const OP_X = 56; // Latin x → k s
const OP_LZ = 57; // Latin z (zh)
const OP_LS = 58; // Latin s (sh)
const OP_LC = 59; // Latin c (ch)
const OP_LK = 60; // Latin k (kh)
const OP_H = 61; // Latin h on its own → kh
const OP_COMB = 62; // combining mark: input was not NFC
const OP_SIGN = 63; // ь ъ: dropped, but transparent for the glide's look-ahead

const TABLE_SIZE = 0x1f00;
const TABLE = new Uint8Array(TABLE_SIZE);

(function buildTable(): void {
  const lower: Record<string, number> = {
    a: A, b: B, c: OP_LC, d: D, e: OP_E, f: F, g: G, h: OP_H, i: I, j: ZH, k: OP_LK, l: L, m: M, n: N,
    o: OP_O, p: P, q: K, r: R, s: OP_LS, t: T, u: U, v: V, w: V, x: OP_X, y: OP_Y, z: OP_LZ,
    // Latin letters whose base letter (after removing the diacritic) would be wrong.
    č: CH, ç: CH, ć: CH, š: SH, ş: SH, ș: SH, ś: SH, ž: ZH, ß: S, æ: A, ø: O, œ: O, đ: D, ł: L,
    ı: I, ŋ: N, ğ: G, ŝ: OP_SHCH, ĵ: ZH, ĥ: KH, ǩ: K,
    // Cyrillic: Russian, Kyrgyz, and the neighbouring Kazakh / Uzbek / Tajik letters.
    а: A, б: B, в: V, г: G, д: D, е: OP_E, ё: OP_E, ж: ZH, з: Z, и: I, й: OP_Y, к: K, л: L, м: M,
    н: N, о: OP_O, п: P, р: R, с: S, т: T, у: U, ф: F, х: KH, ц: C, ч: CH, ш: SH, щ: OP_SHCH,
    ъ: OP_SIGN, ы: I, ь: OP_SIGN, э: OP_E, ю: OP_YU, я: OP_YA,
    ң: N, ө: OP_O, ү: U, // Kyrgyz
    ә: A, ғ: G, қ: K, ұ: U, һ: KH, і: I, ї: I, є: OP_E, ў: U, ҳ: KH, ҷ: ZH, ӣ: I, ӯ: U, ҥ: N,
    ӧ: OP_O, ӱ: U, ӓ: A, ҫ: S, ҡ: K, ѐ: OP_E, ѝ: I,
  };
  for (const [ch, op] of Object.entries(lower)) {
    TABLE[ch.charCodeAt(0)] = op;
    const up = ch.toUpperCase();
    if (up.length === 1 && up !== ch) TABLE[up.charCodeAt(0)] = op;
  }
  TABLE[0x130] = I; // İ
  for (let d = 0; d < 10; d++) TABLE[48 + d] = DIGIT0 + d;
  // Other accented Latin letters: use the base letter, but as a plain symbol (no digraphs).
  const ranges: Array<[number, number]> = [[0xc0, 0x24f], [0x1e00, 0x1eff]];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      if (TABLE[code] !== 0) continue;
      const ch = String.fromCharCode(code);
      const base = ch.normalize('NFD').charCodeAt(0) | 0x20;
      if (base < 0x61 || base > 0x7a || ch.normalize('NFD').length < 2) continue;
      const op = lower[String.fromCharCode(base)] ?? 0;
      TABLE[code] = op === OP_LC ? C : op === OP_LS ? S : op === OP_LZ ? Z : op === OP_LK ? K : op === OP_H ? KH : op;
    }
  }
  for (let code = 0x300; code <= 0x36f; code++) TABLE[code] = OP_COMB;
  for (let code = 0x483; code <= 0x489; code++) TABLE[code] = OP_COMB;
})();

// ---------------------------------------------------------------------------------------------
// The folding machine. Module-level buffer: JS is single-threaded and nothing here re-enters.
let stack = new Uint8Array(64);
let sp = 0;

function push(symbol: number): void {
  let sym = symbol;
  if (sp + 2 >= stack.length) {
    const bigger = new Uint8Array(stack.length * 2);
    bigger.set(stack);
    stack = bigger;
  }
  if (sym >= DIGIT0) {
    stack[sp++] = sym;
    return;
  }
  for (;;) {
    if (sp === 0) {
      stack[sp++] = sym;
      return;
    }
    const top = stack[sp - 1]!;
    if (top === sym) return; // double letters collapse
    if (sym === O) {
      if (top === U || top === E0) return; // ue/üe → ü; ээ, eo after an initial e
    } else if (sym === G) {
      if (top === N) return; // ng / нг / ңг → ң
    } else if (sym === ZH) {
      if (top === D) { sp--; continue; } // дж / dzh / dj → ж
    } else if (sym === S) {
      if (top === T) { sp--; sym = C; continue; } // тс / ts → ц
    } else if (sym === C) {
      if (top === T) { sp--; continue; } // тц → ц
    }
    stack[sp++] = sym;
    return;
  }
}

/** The op of the next character, looking through soft/hard signs; 0 at the end or a separator. */
function nextOp(s: string, from: number): number {
  for (let j = from; j < s.length; j++) {
    const code = s.charCodeAt(j);
    const op = code < TABLE_SIZE ? TABLE[code]! : 0;
    if (op !== OP_SIGN && op !== OP_COMB) return op;
  }
  return 0;
}

function fold(input: string): void {
  let s = input;
  let n = s.length;
  let normalized = false;
  sp = 0;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    const op = code < TABLE_SIZE ? TABLE[code]! : 0;
    if (op === 0) continue;
    if (op === OP_SIGN) {
      // A soft or hard sign between a consonant and a vowel is the glide й (Russian Дьяков, Васильев,
      // Марьям = Kyrgyz Дйаков, Василйев, Марйам): it then takes the glide's rules below, so ье after a
      // consonant keeps its i like йе (Мамьев ≡ Мамйев ≡ Mamyev), and before о/ё it vanishes (Соловьёв ≡
      // Solovyov). Anywhere else (Айгуль, a sign before a consonant) it says nothing and is dropped.
      if (sp !== 0 && IS_VOWEL[stack[sp - 1]!] === 0) {
        const next = nextOp(s, i + 1);
        // ё counts as е here (Russian records write Соловьёв as Соловьев), so ьё keeps its glide too.
        if (next === OP_E || next === OP_YA || next === OP_YU || IS_VOWEL[next] === 1) push(I);
      }
      continue;
    }
    if (op < OP_E) {
      push(op);
      continue;
    }
    switch (op) {
      case OP_E:
        push(sp === 0 ? E0 : O);
        break;
      case OP_O:
        push(O);
        break;
      case OP_Y: {
        const next = nextOp(s, i + 1);
        if (next === OP_O) {
          if (sp === 0) {
            // Word-initial Yo / Йо is ё, and ё ≡ е: consume the vowel and emit initial e.
            push(E0);
            i = skipTo(s, i + 1);
          }
          // else: Semyon, Pyotr, Koyon – the glide disappears, the o follows.
        } else if (next === OP_E) {
          if (sp !== 0 && IS_VOWEL[stack[sp - 1]!] === 0) push(I); // Mamyev: y is ы
        } else {
          push(I);
        }
        break;
      }
      case OP_YA:
        push(I);
        push(A);
        break;
      case OP_YU:
        push(I);
        push(U);
        break;
      case OP_SHCH:
        push(SH);
        push(CH);
        break;
      case OP_X:
        push(K);
        push(S);
        break;
      case OP_LZ:
      case OP_LS:
      case OP_LC:
      case OP_LK: {
        const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (next === 0x68 || next === 0x48) {
          push(op === OP_LZ ? ZH : op === OP_LS ? SH : op === OP_LC ? CH : KH);
          i++;
        } else {
          push(op === OP_LZ ? Z : op === OP_LS ? S : op === OP_LC ? C : K);
        }
        break;
      }
      case OP_H:
        push(KH);
        break;
      case OP_COMB:
        if (!normalized) {
          // Decomposed input (e.g. й as и + U+0306): restart once on the NFC form.
          normalized = true;
          s = s.normalize('NFC');
          n = s.length;
          sp = 0;
          i = -1;
        }
        break;
    }
  }
}

/** Index of the character whose op `nextOp` returned (so that it can be consumed). */
function skipTo(s: string, from: number): number {
  for (let j = from; j < s.length; j++) {
    const code = s.charCodeAt(j);
    const op = code < TABLE_SIZE ? TABLE[code]! : 0;
    if (op !== OP_SIGN && op !== OP_COMB) return j;
  }
  return s.length;
}

function stackToString(): string {
  let out = '';
  for (let i = 0; i < sp; i++) out += OUT[stack[i]!]!;
  return out;
}

/**
 * Phonetic key of ONE name token in any of Kyrgyz Cyrillic, Russian Cyrillic or Latin:
 * lowercase ASCII letters and digits. Equal keys = "same spelling family".
 * Жумагулов, Джумагулов, Zhumagulov, Jumagulov, Dzhumagulov → "jumagulov".
 */
export function nameKey(token: string): string {
  fold(token);
  return stackToString();
}

/** Last character that produces something, and whether a following letter could still rewrite it. */
function endsAmbiguously(token: string): boolean {
  for (let j = token.length - 1; j >= 0; j--) {
    const code = token.charCodeAt(j);
    const op = code < TABLE_SIZE ? TABLE[code]! : 0;
    if (op === 0 || op === OP_COMB || op === OP_SIGN) continue;
    // d (+ж), t (+с/ц), Latin z/s/c/k (+h), the glide (+o/e).
    return op === D || op === T || op === OP_LZ || op === OP_LS || op === OP_LC || op === OP_LK || op === OP_Y;
  }
  return false;
}

const PREFIX_PROBES = ['h', 'j', 's', 'o', 'e'];

/**
 * Key of a token the user may still be typing: the longest key that is a prefix of the key of
 * every plausible completion. "Dzhuma", "Zhuma", "Juma", "Жума" → "juma"; "Kenz" → "kon" (it
 * may become Kenzhe…); "Ts" → "" (it may be ц or т+ш). Never longer than `nameKey(token)`.
 */
export function namePrefixKey(token: string): string {
  const t = token.normalize('NFC');
  let key = nameKey(t);
  if (!endsAmbiguously(t)) return key;
  for (const probe of PREFIX_PROBES) {
    const other = nameKey(t + probe);
    let k = 0;
    while (k < key.length && k < other.length && key.charCodeAt(k) === other.charCodeAt(k)) k++;
    key = key.slice(0, k);
  }
  return key;
}

// ---------------------------------------------------------------------------------------------
// Text and tokens.

/** NFC, lower-case, whitespace runs collapsed to one space, trimmed. Idempotent. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').toLowerCase().normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Letters/digits runs; everything else (space, hyphens, apostrophes ’ ʼ ʻ ', dots…) separates. */
const TOKEN_RE = /(?:(?![\u02B9-\u02BF])[\p{L}\p{N}\p{M}])+/gu;

/** Keys of the Kyrgyz patronymic particles уулу / кызы / uulu / kyzy / uly / kizi in any script. */
const PARTICLE_KEYS: ReadonlySet<string> = new Set(['ulu', 'uli', 'kizi']);

/** True for уулу, кызы, uulu, kyzy, uly, kizi, улы, кизи … (any case or script). */
export function isPatronymicParticle(token: string): boolean {
  return PARTICLE_KEYS.has(nameKey(token));
}

/**
 * Distinct keys of all name tokens in the given parts (surname, given name, patronymic, Latin
 * name…), in first-seen order, with the patronymic particles dropped, so that
 * «Асанбек уулу Нурлан» and «Нурлан Асанбек» give the same set.
 */
export function nameTokens(...parts: (string | undefined)[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const m of part.matchAll(TOKEN_RE)) {
      const key = nameKey(m[0]);
      if (key === '' || PARTICLE_KEYS.has(key) || seen.has(key)) continue;
      seen.add(key);
      out.push(key);
    }
  }
  return out;
}

/**
 * Cyrillic letters as caseworkers type Latin document series on a Russian layout. Mostly look-alikes
 * (АС = AC, РЕ = PE), but Н is read as N and И, Д as I, D: the series in use (AN, AC, ID, PE) are typed
 * «АН», «АС», «ИД», «РЕ», so the sound wins over the shape where they differ.
 */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', д: 'd', е: 'e', и: 'i', к: 'k', м: 'm', н: 'n', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
};

/**
 * Key of a document number, ПИН or other identifier: lower-case, Cyrillic look-alikes folded to
 * Latin, everything that is not a letter or digit removed. "AN 1234567" → "an1234567".
 */
export function documentKey(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC').toLowerCase()) {
    if (/[\p{L}\p{N}]/u.test(ch)) out += HOMOGLYPHS[ch] ?? ch;
  }
  return out;
}

const SPACE_OR_DASH = /^[\s\-\u2010-\u2015\u2212]+$/u;
const ALL_DIGITS = /^\p{Nd}+$/u;
const LATIN_SERIES = /^[A-Za-z]{1,3}$/;

/**
 * Tokens of a search query, each to be matched as a PREFIX of an indexed token:
 * name tokens → `namePrefixKey` (patronymic particles dropped); tokens containing digits
 * (ПИН, document numbers) → `documentKey`. Digit groups separated by spaces or dashes are joined
 * ("2 0101 1990 00123"), and so is a 1–3 letter Latin series before a number when the series is
 * typed in capitals or the number has at least 5 digits ("AN 1234567", "an-1234567" →
 * "an1234567"; but "Li 1990" stays two tokens). Distinct, in query order.
 */
export function searchTokens(query: string): string[] {
  const q = query.normalize('NFC');
  const merged: string[] = [];
  let prevEnd = -1;
  let prev = '';
  for (const m of q.matchAll(TOKEN_RE)) {
    const word = m[0];
    const start = m.index;
    if (prevEnd >= 0 && SPACE_OR_DASH.test(q.slice(prevEnd, start))) {
      const digitsJoin = /\p{Nd}$/u.test(prev) && /^\p{Nd}/u.test(word);
      const seriesJoin =
        LATIN_SERIES.test(prev) && ALL_DIGITS.test(word) && (prev === prev.toUpperCase() || word.length >= 5);
      if (digitsJoin || seriesJoin) {
        prev += word;
        merged[merged.length - 1] = prev;
        prevEnd = start + word.length;
        continue;
      }
    }
    merged.push(word);
    prev = word;
    prevEnd = start + word.length;
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const word of merged) {
    let token: string;
    if (/\p{N}/u.test(word)) {
      token = documentKey(word);
    } else {
      if (PARTICLE_KEYS.has(nameKey(word))) continue;
      token = namePrefixKey(word);
    }
    if (token === '' || seen.has(token)) continue;
    seen.add(token);
    out.push(token);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Spelling variants of a Kyrgyz Cyrillic name.

const CYR_VOWELS = new Set(['а', 'е', 'ё', 'и', 'о', 'ө', 'у', 'ү', 'ы', 'э', 'ю', 'я']);
const O_OR_E_CLASS = new Set(['о', 'ө', 'е', 'ё', 'э']);
const SIGNS = new Set(['ь', 'ъ']);
const IOTATED_OWN_Y = new Set(['я', 'ю']);
const LEADER_ENDINGS = new Set(['з', 'с', 'ц', 'к']); // Latin Z, S, TS, K: an H after them would pair up

const LATIN_PLAIN: Record<string, string> = {
  а: 'A', б: 'B', в: 'V', г: 'G', д: 'D', з: 'Z', и: 'I', к: 'K', л: 'L', м: 'M', н: 'N', о: 'O',
  п: 'P', р: 'R', с: 'S', т: 'T', у: 'U', ф: 'F', ц: 'TS', ч: 'CH', ш: 'SH', щ: 'SHCH', ъ: '',
  ь: '', э: 'E',
};

interface Dimension {
  readonly id: string;
  readonly options: number;
}

/** Latin choices, in priority order; option 0 is the Kyrgyz passport (ЦОН) spelling. */
const LATIN_DIMENSIONS: readonly Dimension[] = [
  { id: 'zh', options: 3 }, // ж: ZH | J | DZH
  { id: 'y', options: 2 }, // ы: Y | I
  { id: 'ng', options: 2 }, // ң: NG | N
  { id: 'ou', options: 3 }, // ө/ү: O,U | Ö,Ü | OE,UE
  { id: 'j', options: 2 }, // й: Y | I
  { id: 'kh', options: 2 }, // х: KH | H
  { id: 'iot', options: 2 }, // я/ю: YA,YU | IA,IU
  { id: 'yo', options: 2 }, // ё: E | YO
  { id: 'ye', options: 2 }, // е at word start / after a vowel: E | YE
];

/** Russian-Cyrillic choices; ң→н and ү→у are fixed. */
const RUSSIAN_DIMENSIONS: readonly Dimension[] = [
  { id: 'rzh', options: 2 }, // ж: Ж | ДЖ
  { id: 'ro', options: 2 }, // ө (not word-initial): О | Е
  { id: 'ry', options: 2 }, // ы: Ы | И
  { id: 'ryo', options: 2 }, // ё: Ё | Е
];

interface CharContext {
  readonly ch: string; // lower-case
  readonly upper: boolean;
  readonly prev: string; // previous character, lower-case ('' at start)
  readonly prevSkipSigns: string; // previous character that is not ь/ъ
  readonly nextSkipSigns: string; // next character that is not ь/ъ
  readonly nextRaw: string; // next character as written
  readonly wordStart: boolean; // no letter other than ь/ъ before it in the word
}

function contexts(name: string): CharContext[] {
  const chars = [...name.normalize('NFC')];
  const lowerChars = chars.map((c) => c.toLowerCase());
  const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
  return chars.map((raw, i) => {
    let p = i - 1;
    while (p >= 0 && SIGNS.has(lowerChars[p]!)) p--;
    let q = i + 1;
    while (q < chars.length && SIGNS.has(lowerChars[q]!)) q++;
    return {
      ch: lowerChars[i]!,
      upper: raw !== lowerChars[i],
      prev: lowerChars[i - 1] ?? '',
      prevSkipSigns: lowerChars[p] ?? '',
      nextSkipSigns: lowerChars[q] ?? '',
      nextRaw: chars[i + 1] ?? '',
      wordStart: !isLetter(chars[p]),
    };
  });
}

/** Which Latin dimensions actually change something in this name. */
function activeLatin(ctx: readonly CharContext[]): Set<string> {
  const active = new Set<string>();
  for (const c of ctx) {
    switch (c.ch) {
      case 'ж': active.add('zh'); break;
      case 'ы': if (!CYR_VOWELS.has(c.nextSkipSigns)) active.add('y'); break;
      case 'ң': active.add('ng'); break;
      case 'ө': case 'ү': active.add('ou'); break;
      case 'й': if (!O_OR_E_CLASS.has(c.nextSkipSigns)) active.add('j'); break;
      case 'х': if (!LEADER_ENDINGS.has(c.prevSkipSigns)) active.add('kh'); break;
      case 'я': case 'ю': active.add('iot'); break;
      case 'ё': if (c.prevSkipSigns !== 'й') active.add('yo'); break;
      case 'е': if (c.wordStart || CYR_VOWELS.has(c.prev)) active.add('ye'); break;
    }
  }
  return active;
}

function activeRussian(ctx: readonly CharContext[]): Set<string> {
  const active = new Set<string>();
  for (const c of ctx) {
    if (c.ch === 'ж') active.add('rzh');
    else if (c.ch === 'ө' && !c.wordStart && c.prevSkipSigns !== 'й' && !SIGNS.has(c.prev)) active.add('ro');
    else if (c.ch === 'ы') active.add('ry');
    else if (c.ch === 'ё') active.add('ryo');
  }
  return active;
}

function latinSpelling(ctx: readonly CharContext[], choice: ReadonlyMap<string, number>): string {
  const pick = (id: string): number => choice.get(id) ?? 0;
  let out = '';
  for (const c of ctx) {
    if (SIGNS.has(c.ch)) {
      // Between a consonant and a vowel the sign is the glide (Ильяс → ILYAS, Васильев → VASILYEV); я, ю
      // write their own Y; ё after a sign is written E (Соловьёв → SOLOVYEV, as its Russian Соловьев).
      const consonantBefore =
        c.prevSkipSigns !== '' && c.prevSkipSigns !== 'й' && /\p{L}/u.test(c.prevSkipSigns) && !CYR_VOWELS.has(c.prevSkipSigns);
      const vowelAfter = CYR_VOWELS.has(c.nextSkipSigns) && !IOTATED_OWN_Y.has(c.nextSkipSigns);
      // One Y for a run of signs: it goes with the last one.
      const lastOfRun = !SIGNS.has(c.nextRaw.toLowerCase());
      out += consonantBefore && vowelAfter && lastOfRun ? 'Y' : '';
      continue;
    }
    const plain = LATIN_PLAIN[c.ch];
    if (plain !== undefined) {
      out += plain;
      continue;
    }
    switch (c.ch) {
      case 'е':
        out += (c.wordStart || CYR_VOWELS.has(c.prev)) && pick('ye') === 1 ? 'YE' : 'E';
        break;
      case 'ё':
        out += c.prevSkipSigns !== 'й' && !SIGNS.has(c.prev) && pick('yo') === 1 ? 'YO' : 'E';
        break;
      case 'ж':
        out += ['ZH', 'J', 'DZH'][pick('zh')]!;
        break;
      case 'й':
        // Before о/ө/е/ё/э only Y: the key drops a glide there, and "I" is never read as one.
        out += !O_OR_E_CLASS.has(c.nextSkipSigns) && pick('j') === 1 ? 'I' : 'Y';
        break;
      case 'ң':
        out += pick('ng') === 1 ? 'N' : 'NG';
        break;
      case 'ө':
        out += ['O', 'Ö', 'OE'][pick('ou')]!;
        break;
      case 'ү':
        out += ['U', 'Ü', 'UE'][pick('ou')]!;
        break;
      case 'х':
        // After Z/S/TS/K an "H" would make a digraph (ZH, SH, CH, KH): keep KH there.
        out += !LEADER_ENDINGS.has(c.prevSkipSigns) && pick('kh') === 1 ? 'H' : 'KH';
        break;
      case 'ы':
        // Before a vowel, Y would read as a glide: only I.
        out += CYR_VOWELS.has(c.nextSkipSigns) || pick('y') === 1 ? 'I' : 'Y';
        break;
      case 'ю':
        out += pick('iot') === 1 ? 'IU' : 'YU';
        break;
      case 'я':
        out += pick('iot') === 1 ? 'IA' : 'YA';
        break;
      default:
        out += c.ch.toUpperCase();
    }
  }
  return out;
}

function caseLike(upper: boolean, lower: string, nextRaw: string): string {
  if (!upper) return lower;
  // "ДЖ" inside an all-caps word, "Дж" before a lower-case letter.
  const nextIsLower = nextRaw !== '' && nextRaw !== nextRaw.toUpperCase();
  return nextIsLower ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower.toUpperCase();
}

function russianSpelling(ctx: readonly CharContext[], choice: ReadonlyMap<string, number>): string {
  const pick = (id: string): number => choice.get(id) ?? 0;
  let out = '';
  for (const c of ctx) {
    let r: string;
    switch (c.ch) {
      case 'ж': r = pick('rzh') === 1 ? 'дж' : 'ж'; break;
      case 'ң': r = 'н'; break;
      case 'ү': r = 'у'; break;
      // Word-initially Russian writes ө as О only; after й or a sign as О only (йе, ье would keep the glide).
      case 'ө': r = !c.wordStart && c.prevSkipSigns !== 'й' && !SIGNS.has(c.prev) && pick('ro') === 1 ? 'е' : 'о'; break;
      case 'ы': r = pick('ry') === 1 ? 'и' : 'ы'; break;
      case 'ё': r = pick('ryo') === 1 ? 'е' : 'ё'; break;
      default: r = c.ch;
    }
    out += caseLike(c.upper, r, c.nextRaw);
  }
  return out;
}

/**
 * Choice vectors ordered by how many dimensions deviate from the default (0 first, then every
 * single deviation in dimension order, then pairs, …). Deterministic; stops after `limit`.
 */
function orderedChoices(dims: readonly Dimension[], limit: number): Map<string, number>[] {
  const out: Map<string, number>[] = [];
  const k = dims.length;
  const subsets = (size: number, start: number, acc: number[], visit: (s: number[]) => boolean): boolean => {
    if (acc.length === size) return visit(acc);
    for (let i = start; i < k; i++) {
      acc.push(i);
      const go = subsets(size, i + 1, acc, visit);
      acc.pop();
      if (!go) return false;
    }
    return true;
  };
  for (let size = 0; size <= k && out.length < limit; size++) {
    subsets(size, 0, [], (subset) => {
      // All non-default option tuples for the dimensions in `subset`, lexicographic.
      const idx = subset.map(() => 1);
      for (;;) {
        const m = new Map<string, number>();
        subset.forEach((d, j) => m.set(dims[d]!.id, idx[j]!));
        out.push(m);
        if (out.length >= limit) return false;
        let j = subset.length - 1;
        while (j >= 0 && idx[j]! === dims[subset[j]!]!.options - 1) idx[j--] = 1;
        if (j < 0) return true;
        idx[j]!++;
      }
    });
  }
  return out;
}

/**
 * Plausible Russian-Cyrillic and Latin spellings of a name written in Kyrgyz Cyrillic, for the
 * "known spelling variants" paragraph of petitions (§10.2). Russian spellings first (ж/дж, ө as
 * о or е, ы/и, ё/е; ң→н, ү→у), then upper-case Latin ones starting with the passport spelling
 * (ж ZH/J/DZH, ы Y/I, ң NG/N, ө/ү O/U, Ö/Ü, OE/UE, й Y/I, х KH/H, я/ю YA/IA, YU/IU, ё E/YO,
 * е E/YE). Each choice applies to all occurrences of the letter; combinations are ordered by the
 * number of non-default choices. The input itself is not repeated. At most `max` entries
 * (default 32); every entry has the same `nameKey` per token as the input.
 */
export function spellingVariants(kyrgyzCyrillic: string, max = 32): string[] {
  const source = kyrgyzCyrillic.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (source === '' || max <= 0) return [];
  const ctx = contexts(source);
  const out: string[] = [];
  const seen = new Set<string>([source]);
  const add = (v: string): void => {
    if (out.length < max && !seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  };
  const ru = activeRussian(ctx);
  for (const choice of orderedChoices(RUSSIAN_DIMENSIONS.filter((d) => ru.has(d.id)), max)) {
    add(russianSpelling(ctx, choice));
  }
  const lat = activeLatin(ctx);
  for (const choice of orderedChoices(LATIN_DIMENSIONS.filter((d) => lat.has(d.id)), max)) {
    if (out.length >= max) break;
    add(latinSpelling(ctx, choice));
  }
  return out;
}
