import { variantKind } from '../diagnosis/rules/name-spelling';

/**
 * Why a spelling of a name differs from its Kyrgyz form, in words a Russian official reads: the letters that
 * were rendered differently («ң → н, ө → е»). A spelling is aligned with the Kyrgyz Cyrillic name letter by letter
 * using the renderings met in Russian records and in Latin transliteration (domain §5.6, §10.2); a spelling that
 * cannot be aligned is a different form (another word order, «уулу» as a surname, another name) and says so.
 */

export type SpellingScript = 'kyrgyz' | 'russian' | 'latin';

export interface Substitution {
  from: string;
  to: string;
}

/** Russian-Cyrillic renderings of Kyrgyz letters (identity is always allowed). */
const CYRILLIC: Record<string, string[]> = {
  Ң: ['Н', 'НГ'],
  Ө: ['О', 'Е', 'Ё', 'Э'],
  Ү: ['У', 'Ю'],
  Ж: ['ДЖ'],
  Ы: ['И'],
  Ё: ['Е'],
  Е: ['Э', 'Ё'],
  Э: ['Е'],
  Й: ['И'],
  Ь: [''],
  Ъ: [''],
};

/** Latin renderings: passport (ICAO / ЦОН) first, then the ones met in other records. */
const LATIN: Record<string, string[]> = {
  А: ['A'], Б: ['B'], В: ['V', 'W'], Г: ['G', 'GH'], Д: ['D'], Е: ['E', 'YE', 'IE'], Ё: ['YO', 'E', 'IO', 'JO'],
  Ж: ['ZH', 'J', 'DZH', 'DJ', 'Z'], З: ['Z'], И: ['I', 'Y'], Й: ['Y', 'I', 'J'], К: ['K', 'Q'], Л: ['L'], М: ['M'],
  Н: ['N'], Ң: ['NG', 'N', 'Ñ'], О: ['O'], Ө: ['O', 'Ö', 'OE', 'E', 'U'], П: ['P'], Р: ['R'], С: ['S'], Т: ['T'],
  У: ['U', 'OU'], Ү: ['U', 'Ü', 'UE', 'Y'], Ф: ['F'], Х: ['KH', 'H', 'X'], Ц: ['TS', 'C', 'TZ'], Ч: ['CH', 'C'],
  Ш: ['SH'], Щ: ['SHCH', 'SCH'], Ъ: ['', "'"], Ы: ['Y', 'I'], Ь: ['', "'"], Э: ['E'], Ю: ['YU', 'IU', 'JU'],
  Я: ['YA', 'IA', 'JA'],
};

/** Latin letters worth naming in a reason: those with more than one rendering in use. */
const LATIN_NOTABLE = new Set(['Ж', 'Ы', 'Ң', 'Ө', 'Ү', 'Й', 'Х', 'Я', 'Ю', 'Ё', 'Ц', 'Щ']);

const KYRGYZ_LETTERS = /[ңөүҢӨҮ]/u;
const CYRILLIC_LETTER = /[\u0400-\u04FF]/u;
const LATIN_LETTER = /[A-Za-zÀ-ž]/u;

function normalized(text: string): string {
  return text.normalize('NFC').toUpperCase().replace(/[\s\u00A0]+/gu, ' ').trim();
}

export function scriptOf(text: string): SpellingScript | null {
  if (KYRGYZ_LETTERS.test(text)) return 'kyrgyz';
  if (CYRILLIC_LETTER.test(text)) return 'russian';
  return LATIN_LETTER.test(text) ? 'latin' : null;
}

/**
 * The letter-by-letter renderings that turn `kyrgyz` into `target`, or null when no alignment exists.
 * Only renderings that differ from the Kyrgyz letter (Cyrillic) or that are a choice (Latin) are returned,
 * each pair once, in the order of the name.
 */
export function substitutions(kyrgyz: string, target: string, script: 'russian' | 'latin'): Substitution[] | null {
  const source = [...normalized(kyrgyz)];
  const goal = normalized(target);
  const table = script === 'latin' ? LATIN : CYRILLIC;
  const failed = new Set<string>();

  // Depth-first with memoised dead ends: names are short, the branching small.
  const walk = (i: number, j: number): Substitution[] | null => {
    if (i === source.length) return j === goal.length ? [] : null;
    const key = `${i}:${j}`;
    if (failed.has(key)) return null;
    const ch = source[i]!;
    const options = table[ch] ?? [];
    const candidates = script === 'latin' && options.length > 0 ? options : [ch, ...options];
    for (const option of candidates) {
      if (!goal.startsWith(option, j)) continue;
      const rest = walk(i + 1, j + option.length);
      if (rest === null) continue;
      const notable = script === 'latin' ? LATIN_NOTABLE.has(ch) : option !== ch;
      return notable ? [{ from: ch, to: option }, ...rest] : rest;
    }
    failed.add(key);
    return null;
  };

  const found = walk(0, 0);
  if (found === null) return null;
  const seen = new Set<string>();
  return found.filter((s) => {
    const k = `${s.from}>${s.to}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function describe(subs: Substitution[], script: 'russian' | 'latin'): string {
  return subs
    .map(({ from, to }) => {
      const target = script === 'latin' ? to || '—' : (to || '—').toLowerCase();
      // No-break spaces: a rendering is never split across lines («ө →» / «е»).
      return `${from.toLowerCase()}\u00A0→\u00A0${target}`;
    })
    .join(', ');
}

/**
 * Why `spelling` differs from the Kyrgyz form of the name, in Russian. `reference` is the main spelling in the
 * same script (for telling a dropped patronymic from another form), `patronymic` its patronymic.
 */
export function spellingReason(kyrgyz: string, spelling: string, reference: { text: string; patronymic: string; patronymicKy: string }): string {
  const script = scriptOf(spelling);
  if (script === 'kyrgyz' || script === null) {
    return normalized(spelling) === normalized(kyrgyz) ? 'написание по кыргызской орфографии' : 'иная форма записи на кыргызском языке — требует проверки';
  }
  const label = script === 'latin' ? 'транслитерация латиницей' : 'передача средствами русского алфавита';
  if (kyrgyz.trim() !== '') {
    const subs = substitutions(kyrgyz, spelling, script);
    if (subs !== null) {
      return subs.length === 0 ? (script === 'latin' ? label : 'совпадает с написанием на кыргызском языке') : `${label}: ${describe(subs, script)}`;
    }
    // Russian records and the Latin passport line often leave the patronymic out.
    const patronymic = reference.patronymicKy.trim();
    const withoutPatronymic = patronymic === '' ? '' : kyrgyz.replace(patronymic, '').trim();
    const partial = withoutPatronymic === '' ? null : substitutions(withoutPatronymic, spelling, script);
    if (partial !== null) return partial.length > 0 ? `отчество не указано; ${label}: ${describe(partial, script)}` : 'отчество не указано';
  }
  const kind = reference.text.trim() === '' ? 'different_form' : variantKind(reference.text, spelling, reference.patronymic);
  if (kind === null) return 'тот же состав имени в ином порядке слов';
  if (kind === 'patronymic_missing') return 'отчество не указано';
  if (kind === 'transliteration') return `${label} по иным правилам`;
  return 'иная форма записи (порядок слов, «уулу»/«кызы», другое имя) — требует проверки';
}
