/** A feature's strings: one tree per language with the same keys (Russian is the source). */
export interface FeatureMessages {
  namespace: string;
  ru: Record<string, unknown>;
  ky: Record<string, unknown>;
  en: Record<string, unknown>;
}

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Declares a feature bundle; ky and en are type-checked to have exactly Russian's keys. */
export function defineMessages<const R extends Record<string, unknown>>(namespace: string, ru: R, ky: Widen<R>, en: Widen<R>): FeatureMessages {
  return { namespace, ru, ky: ky as Record<string, unknown>, en: en as Record<string, unknown> };
}
