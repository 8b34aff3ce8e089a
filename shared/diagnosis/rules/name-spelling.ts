import type { PersonName } from '../../case/schema';
import { isPatronymicParticle, nameKey, nameTokens } from '../../names';
import { reason, type Finding, type Reason, type RuleContext } from '../types';

/**
 * the same person written differently across documents and databases, so records do not meet (domain
 * §5.6). Each recorded variant («other spellings») is compared with the main spelling in its own script:
 * - same letters in another order, or «ё» for «е» → not a variant;
 * - same names spelled with other letters (Жумагулов / Джумагулов, ZH / J) → `transliteration`;
 * - the patronymic left out (Russian records often drop it) → `patronymic_missing`;
 * - anything else (uulu as a surname, another name) → `different_form`.
 * A Cyrillic variant other than a dropped patronymic means Russian records themselves disagree → high; only Latin variants, or a Kyrgyz form
 * that is more than a letter-for-letter rendering of the Russian one → medium.
 */

export type Script = 'cyrillic' | 'latin';
export type VariantKind = 'transliteration' | 'patronymic_missing' | 'different_form';

const CYRILLIC = /[\u0400-\u04FF]/u;
const LATIN = /[A-Za-z]/;
const KYRGYZ_LETTERS = /[ҢңӨөҮү]/gu;

function scriptOf(text: string): Script | null {
  if (CYRILLIC.test(text)) return 'cyrillic';
  return LATIN.test(text) ? 'latin' : null;
}

function full(name: PersonName | undefined): string {
  return name ? [name.surname, name.givenName, name.patronymic].map((p) => p.trim()).filter(Boolean).join(' ') : '';
}

function rawTokens(text: string): string[] {
  return (text.normalize('NFC').toUpperCase().replace(/Ё/g, 'Е').match(/\p{L}+/gu) ?? []).sort();
}

function keySet(text: string): Set<string> {
  return new Set((text.match(/\p{L}+/gu) ?? []).filter((t) => !isPatronymicParticle(t)).map(nameKey));
}

const hasParticle = (text: string) => (text.match(/\p{L}+/gu) ?? []).some(isPatronymicParticle);

/** How a variant differs from the reference spelling; null when it does not. */
export function variantKind(reference: string, variant: string, patronymic: string): VariantKind | null {
  if (rawTokens(reference).join(' ') === rawTokens(variant).join(' ')) return null;
  const ref = keySet(reference);
  const alt = keySet(variant);
  if (hasParticle(reference) !== hasParticle(variant)) return 'different_form';
  const altInRef = [...alt].every((k) => ref.has(k));
  if (altInRef && alt.size === ref.size) return 'transliteration';
  if (altInRef && patronymic.trim() !== '') {
    const missing = [...ref].filter((k) => !alt.has(k));
    const patronymicKeys = keySet(patronymic);
    if (missing.every((k) => patronymicKeys.has(k))) return 'patronymic_missing';
  }
  return 'different_form';
}

export function nameSpellingRule(ctx: RuleContext): Finding | null {
  const person = ctx.facts.person;
  const references: Record<Script, { text: string; patronymic: string }> = {
    cyrillic: { text: full(person.nameRu), patronymic: person.nameRu?.patronymic ?? '' },
    latin: { text: full(person.nameLat), patronymic: person.nameLat?.patronymic ?? '' },
  };
  const reasoning: Reason[] = [];
  let cyrillicVariant = false;
  let patronymicOnly = false;
  for (const raw of person.otherSpellings ?? []) {
    const variant = raw.trim();
    const script = scriptOf(variant);
    if (!script) continue;
    const reference = references[script];
    if (reference.text === '') continue;
    const kind = variantKind(reference.text, variant, reference.patronymic);
    if (!kind) continue;
    reasoning.push(reason('spelling_variant', { script, reference: reference.text, variant, variantKind: kind }));
    // A dropped patronymic alone is how Russian records usually write a name: no disagreement of the records.
    if (script === 'cyrillic' && kind !== 'patronymic_missing') cyrillicVariant = true;
    if (script === 'cyrillic' && kind === 'patronymic_missing') patronymicOnly = true;
  }

  const ky = full(person.nameKy);
  const ru = full(person.nameRu);
  if (ky !== '' && ru !== '') {
    const kyKeys = nameTokens(ky);
    const ruKeys = new Set(nameTokens(ru));
    if (kyKeys.length !== ruKeys.size || kyKeys.some((k) => !ruKeys.has(k))) reasoning.push(reason('ky_ru_forms_differ', { ky, ru }));
  }
  if (reasoning.length === 0) return null;

  if (person.patronymicForm === 'uulu_kyzy') reasoning.push(reason('patronymic_uulu_kyzy'));
  const letters = [...new Set((ky.match(KYRGYZ_LETTERS) ?? []).map((l) => l.toLowerCase()))];
  if (letters.length > 0) reasoning.push(reason('kyrgyz_letters', { letters: letters.join(', ') }));
  if (patronymicOnly && !cyrillicVariant) reasoning.push(reason('patronymic_only_missing'));
  return { confidence: cyrillicVariant ? 'high' : 'medium', reasoning, focus: {} };
}
