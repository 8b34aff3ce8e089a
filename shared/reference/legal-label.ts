import type { LegalRef } from './schema';

/**
 * How Russian documents cite an act in short, read from its own name in the reference data (so an act the
 * caseworker adds gets a label too): «59-ФЗ», «КАС РФ», «Договор о ЕАЭС», «постановление Правительства РФ № 1899».
 * An act no rule knows is cited by its name up to the first quotation mark.
 */
const SHORT_ACTS: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Федеральный закон.*?№\s*([\d.]+-ФЗ)/u, (m) => m[1]!],
  [/^Кодекс административного судопроизводства/u, () => 'КАС РФ'],
  [/^Трудовой кодекс/u, () => 'ТК РФ'],
  [/^Гражданский кодекс/u, () => 'ГК РФ'],
  [/^Кодекс Российской Федерации об административных правонарушениях/u, () => 'КоАП РФ'],
  [/^Договор о Евразийском экономическом союзе/u, () => 'Договор о ЕАЭС'],
  [/^Постановление Правительства Российской Федерации.*?№\s*(\d+)/u, (m) => `постановление Правительства РФ № ${m[1]}`],
  [/^Указ Президента Российской Федерации.*?№\s*(\d+)/u, (m) => `Указ Президента РФ № ${m[1]}`],
  [/^Приказ (МВД России|МИД России).*?№\s*(\d+)/u, (m) => `приказ ${m[1]} № ${m[2]}`],
  [/^Венская конвенция о консульских сношениях/u, () => 'Венская конвенция о консульских сношениях'],
];

export function shortActName(act: string): string {
  for (const [pattern, short] of SHORT_ACTS) {
    const match = act.match(pattern);
    if (match) return short(match);
  }
  return act.split('«')[0]!.trim() || act;
}

/** «КАС РФ, ст. 219 ч. 1», «260-ФЗ»: the act in short and the article, never the reference id. */
export function legalRefLabel(ref: Pick<LegalRef, 'act' | 'article'>): string {
  const act = shortActName(ref.act);
  return ref.article ? `${act}, ${ref.article}` : act;
}

/** The label of a reference id, or the id itself when the reference data no longer has it. */
export function legalRefLabelOf(id: string, refs: readonly Pick<LegalRef, 'id' | 'act' | 'article'>[]): string {
  const ref = refs.find((r) => r.id === id);
  return ref ? legalRefLabel(ref) : id;
}
