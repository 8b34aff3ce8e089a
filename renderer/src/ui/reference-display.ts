import type { Addressee, LocalizedText, Verification } from '../../../shared/reference/schema';

/** Reference texts are written in Russian and Kyrgyz (English optional): show the interface language's. */
export function localized(text: LocalizedText, language: string): string {
  if (language.startsWith('ky')) return text.ky;
  if (language.startsWith('en')) return text.en ?? text.ru;
  return text.ru;
}

/** How many rows still wait for someone to check them, shown above each table. */
export function verificationCounts(rows: readonly { verification: Verification }[]): { total: number; unverified: number; gap: number } {
  return {
    total: rows.length,
    unverified: rows.filter((r) => r.verification === 'unverified').length,
    gap: rows.filter((r) => r.verification === 'gap').length,
  };
}

const folded = (text: string) => text.toLocaleLowerCase('ru').replace(/ё/g, 'е');

/** Whether an addressee matches the filter: words of its name or regions, and (optionally) not yet checked. */
export function addresseeMatches(a: Addressee, query: string, onlyUnchecked: boolean): boolean {
  if (onlyUnchecked && a.verification === 'verified' && a.addressVerification === 'verified') return false;
  const words = folded(query).split(/\s+/).filter(Boolean);
  const haystack = folded([a.nameRu, a.addresseeRu, a.address, ...a.regions].join(' '));
  return words.every((word) => haystack.includes(word));
}
