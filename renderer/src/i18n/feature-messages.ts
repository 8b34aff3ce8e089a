/** A feature's strings: one tree per language with the same keys (Russian is the source). */
export interface FeatureMessages {
  namespace: string;
  ru: Record<string, unknown>;
  ky: Record<string, unknown>;
  en: Record<string, unknown>;
}

/**
 * Plural forms only Russian has (i18next picks `_one/_few/_many/_other` by the language's plural rules;
 * Kyrgyz and English use `_one/_other`): optional in the other languages, every other key required.
 */
type RussianOnlyPlural = `${string}_few` | `${string}_many`;
type Widen<T> = {
  -readonly [K in keyof T as K extends RussianOnlyPlural ? never : K]: T[K] extends string ? string : Widen<T[K]>;
} & { -readonly [K in keyof T as K extends RussianOnlyPlural ? K : never]?: string };

/** Declares a feature bundle; ky and en are type-checked to have exactly Russian's keys. */
export function defineMessages<const R extends Record<string, unknown>>(namespace: string, ru: R, ky: Widen<R>, en: Widen<R>): FeatureMessages {
  return { namespace, ru, ky: ky as Record<string, unknown>, en: en as Record<string, unknown> };
}
