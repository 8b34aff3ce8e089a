/**
 * Kyrgyz personal names for synthetic cases, and the ways Russian and Latin records spell them
 * (domain brief §5.6): Russian has no ң ө ү (н, о or е, у; ж sometimes дж, ы sometimes и, a soft sign
 * after л as in Айгуль), and Kyrgyz passports write ж as ZH, J or DZH, ы as Y or I, ң as NG or N,
 * ө/ү as O/U or OE/UE.
 */

export const MALE_GIVEN_NAMES: readonly string[] = [
  'Нурлан', 'Бакыт', 'Азамат', 'Айбек', 'Эрлан', 'Улан', 'Бекзат', 'Талант', 'Мирлан', 'Жыргалбек',
  'Темирлан', 'Эмил', 'Адилет', 'Нурбек', 'Кубанычбек', 'Алмазбек', 'Өмүрбек', 'Үмөт', 'Төлөгөн', 'Бектур',
  'Жоомарт', 'Мээрбек', 'Чыңгыз', 'Доолот', 'Эрмек', 'Канат', 'Самат', 'Тилек', 'Улукбек', 'Сыймык',
  'Акылбек', 'Жаныбек', 'Аскар', 'Мелис', 'Нурсултан', 'Данияр', 'Дүйшөн', 'Сүйүнбек', 'Жеңиш', 'Бекболот',
  'Эрнис', 'Манас', 'Марат', 'Жусуп', 'Ыдырыс', 'Асан', 'Үсөн', 'Медер', 'Замир', 'Курманбек',
  'Асхат', 'Бакытбек', 'Эркин', 'Жолдошбек', 'Тынчтык', 'Арстан', 'Элдияр', 'Күнтуу', 'Төрөбек', 'Мөңкөбай',
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Айсулуу', 'Бүбүсара', 'Мээрим', 'Айгүл', 'Жылдыз', 'Гүлнара', 'Нургүл', 'Айпери', 'Чолпон', 'Асел',
  'Бегимай', 'Нуриза', 'Айжан', 'Айдана', 'Жаңыл', 'Күмүшай', 'Зуура', 'Салтанат', 'Динара', 'Гүлзат',
  'Бурул', 'Айнура', 'Элмира', 'Назгүл', 'Төлгөнай', 'Үмүт', 'Анара', 'Каныкей', 'Сезим', 'Акмөөр',
  'Мөлдир', 'Бактыгүл', 'Жибек', 'Нурзат', 'Гүлмира', 'Өмүргүл', 'Эңлик', 'Сүйүмкан', 'Гүлбара', 'Алтынай',
  'Майрам', 'Айтолкун', 'Жазгүл', 'Перизат', 'Токтобүбү',
];

/** First halves of the ancestors' names Kyrgyz surnames are made from. */
const ROOT_HEADS: readonly string[] = [
  'Жума', 'Эшим', 'Токто', 'Асан', 'Үсөн', 'Алым', 'Осмон', 'Султан', 'Мамбет', 'Абды', 'Өмүр', 'Түгөл',
  'Маңыз', 'Кеңеш', 'Сары', 'Кубан', 'Нур', 'Сыдык', 'Турду', 'Мамат', 'Жээн', 'Көкөн', 'Дөөлөт', 'Орозо',
  'Бөкөн', 'Күмүш', 'Төрө', 'Шер', 'Мырза', 'Бейше', 'Сүйүн', 'Дүйшөн', 'Жеңиш', 'Таш', 'Качы',
];
const ROOT_TAILS: readonly string[] = ['кул', 'бек', 'бай', 'алы', 'гул'];

/** Whole ancestors' names (Үсөн → Үсөнов, Төлөгөн → Төлөгөнов, Маңызбай → Маңызбаев, Ыдырыс → Ыдырысов). */
const ROOT_NAMES: readonly string[] = [
  'Үсөн', 'Төлөгөн', 'Ыдырыс', 'Токтогул', 'Сатыбалды', 'Маңызбай', 'Жумагул', 'Эшимкул', 'Асан', 'Бообек',
  'Кеңеш', 'Түгөлбай', 'Абдыкерим', 'Абдырахман', 'Чолпонбай', 'Төрөкул', 'Бектур', 'Дүйшөн', 'Күчүк',
  'Сооронбай', 'Сүйүн', 'Бүркүт', 'Мамыт', 'Шабдан', 'Жапар', 'Момун', 'Көчкөн', 'Өзүбек', 'Үмөтали', 'Ниязалы',
];

const VOWELS = new Set(['а', 'е', 'ё', 'и', 'о', 'ө', 'у', 'ү', 'ы', 'э', 'ю', 'я']);

function buildRoots(): string[] {
  const roots = new Set(ROOT_NAMES);
  for (const head of ROOT_HEADS) {
    const vowelEnd = VOWELS.has(head.slice(-1));
    for (const tail of ROOT_TAILS) {
      // Kyrgyz sound rules, roughly: -гул after a vowel, -кул after a consonant; -алы only after a consonant.
      if (tail === 'гул' && !vowelEnd) continue;
      if ((tail === 'кул' || tail === 'алы') && vowelEnd) continue;
      roots.add(head + tail);
    }
  }
  return [...roots];
}

export const SURNAME_ROOTS: readonly string[] = buildRoots();

/** The Russian-style stem and whether it takes the soft ending: Маңызбай → Маңызба+ев, Осмоналы → Осмонали+ев. */
function stemOf(root: string): { stem: string; soft: boolean } {
  const last = root.slice(-1);
  if (last === 'й') return { stem: root.slice(0, -1), soft: true };
  if (last === 'ы' || last === 'и') return { stem: `${root.slice(0, -1)}и`, soft: true };
  if (VOWELS.has(last)) return { stem: root, soft: true };
  return { stem: root, soft: false };
}

export type SexCode = 'male' | 'female';

/** Үсөн → Үсөнов / Үсөнова; Маңызбай → Маңызбаев / Маңызбаева. */
export function surnameFrom(root: string, sex: SexCode): string {
  const { stem, soft } = stemOf(root);
  return `${stem}${soft ? 'ев' : 'ов'}${sex === 'female' ? 'а' : ''}`;
}

/** Үсөн → Үсөнович / Үсөновна; Осмоналы → Осмоналиевич. */
export function patronymicFrom(fatherName: string, sex: SexCode): string {
  const { stem, soft } = stemOf(fatherName);
  return `${stem}${soft ? 'ев' : 'ов'}${sex === 'female' ? 'на' : 'ич'}`;
}

export const particleFor = (sex: SexCode) => (sex === 'male' ? 'уулу' : 'кызы');

// ------------------------------------------------------------------ Russian spelling

export interface RussianStyle {
  /** ж written дж (Джумагулов). */
  dzh: boolean;
  /** ө after a ү written е (Усенов) rather than о (Усонов). */
  oAsE: boolean;
  /** ы written и (Идирисов). */
  yAsI: boolean;
}

const isUpper = (ch: string) => ch !== ch.toLowerCase();
const withCase = (out: string, upper: boolean) => (upper ? out.charAt(0).toUpperCase() + out.slice(1) : out);
const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);

/** True when the word holding position `i` has a ү before it. */
function frontBefore(chars: readonly string[], i: number): boolean {
  for (let j = i - 1; j >= 0 && isLetter(chars[j]); j--) if (chars[j]!.toLowerCase() === 'ү') return true;
  return false;
}

/** A Kyrgyz Cyrillic name as a Russian record would write it. */
export function russianSpelling(kyrgyz: string, style: RussianStyle): string {
  const chars = [...kyrgyz];
  let out = '';
  chars.forEach((raw, i) => {
    const ch = raw.toLowerCase();
    const prev = chars[i - 1]?.toLowerCase() ?? '';
    const next = chars[i + 1]?.toLowerCase();
    const wordStart = !isLetter(chars[i - 1]);
    let r: string;
    switch (ch) {
      case 'ң': r = 'н'; break;
      case 'ү': r = 'у'; break;
      // ө is mostly о (Төлөгөн → Тологон); е in words with ү before it (Үсөн → Усен, Дүйшөн → Дуйшен),
      // never word-initially (it would read «йе») nor after й.
      case 'ө': r = !wordStart && prev !== 'й' && style.oAsE && frontBefore(chars, i) ? 'е' : 'о'; break;
      case 'ж': r = style.dzh ? 'дж' : 'ж'; break;
      case 'ы': r = style.yAsI ? 'и' : 'ы'; break;
      case 'л': {
        // Айгүл → Айгуль, Гүлнара → Гульнара, Эмил → Эмиль: Russian softens that л.
        const soften = (prev === 'ү' && (next === undefined || !isLetter(next) || !VOWELS.has(next))) || (prev === 'и' && !isLetter(next));
        r = soften ? 'ль' : 'л';
        break;
      }
      default: r = ch;
    }
    out += withCase(r, isUpper(raw));
  });
  return out;
}

// ------------------------------------------------------------------ Latin spelling

export interface LatinStyle {
  zh: 'ZH' | 'J' | 'DZH';
  /** ы */
  y: 'Y' | 'I';
  /** ң */
  ng: 'NG' | 'N';
  /** ө ү: O/U, OE/UE, or Ö/Ü (only seen in free-text spellings: a passport has no diacritics). */
  ou: 'plain' | 'e' | 'umlaut';
  /** й before a consonant or at the end */
  j: 'Y' | 'I';
  /** х */
  kh: 'KH' | 'H';
  /** е at the start of a word or after a vowel written YE */
  ye: boolean;
  /** я ю: YA YU or IA IU */
  iot: 'Y' | 'I';
}

const LATIN: Record<string, string> = {
  а: 'A', б: 'B', в: 'V', г: 'G', д: 'D', з: 'Z', и: 'I', к: 'K', л: 'L', м: 'M', н: 'N', о: 'O', п: 'P',
  р: 'R', с: 'S', т: 'T', у: 'U', ф: 'F', ц: 'TS', ч: 'CH', ш: 'SH', щ: 'SHCH', ъ: '', ь: '', э: 'E',
};
const O_OR_E = new Set(['о', 'ө', 'е', 'ё', 'э']);

/** A Kyrgyz Cyrillic name in upper-case Latin, as a passport's data page would have it. */
export function latinSpelling(kyrgyz: string, style: LatinStyle): string {
  const chars = [...kyrgyz.toLowerCase()];
  let out = '';
  chars.forEach((ch, i) => {
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    const wordStart = !isLetter(chars[i - 1]);
    const plain = LATIN[ch];
    if (plain !== undefined) {
      out += plain;
      return;
    }
    switch (ch) {
      case 'е': out += (wordStart || VOWELS.has(prev)) && style.ye ? 'YE' : 'E'; break;
      case 'ё': out += prev === 'й' ? 'O' : 'YO'; break;
      case 'ж': out += style.zh; break;
      // Before о/е a glide written I would not read as one.
      case 'й': out += O_OR_E.has(next) ? 'Y' : style.j; break;
      case 'ң': out += style.ng; break;
      case 'ө': out += style.ou === 'e' ? 'OE' : style.ou === 'umlaut' ? 'Ö' : 'O'; break;
      case 'ү': out += style.ou === 'e' ? 'UE' : style.ou === 'umlaut' ? 'Ü' : 'U'; break;
      // After Z, S, TS or K an H would pair up into another letter.
      case 'х': out += ['з', 'с', 'ц', 'к'].includes(prev) ? 'KH' : style.kh; break;
      // Before a vowel Y would read as a glide.
      case 'ы': out += VOWELS.has(next) ? 'I' : style.y; break;
      // After и, «IIA» is never written.
      case 'ю': out += style.iot === 'I' && prev !== 'и' ? 'IU' : 'YU'; break;
      case 'я': out += style.iot === 'I' && prev !== 'и' ? 'IA' : 'YA'; break;
      default: out += ch.toUpperCase();
    }
  });
  return out;
}

/** "ZHUMAGULOV NURLAN" → "Zhumagulov Nurlan". */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
