import { db } from '../schema';
import Dexie from 'dexie';
import type { CaseFilterField } from '../schema';

/**
 * The distinct values a filter field takes in the data, sorted: what the region and caseworker filters
 * offer. One short read per value, each skipping past every case of the value before it on the
 * field's [field+updatedAt] index, so a hundred regions over 100,000 cases cost a hundred key reads.
 */
export async function filterValues(field: Exclude<CaseFilterField, 'status'>): Promise<string[]> {
  const index = `[${field}+updatedAt]`;
  const values: string[] = [];
  let key = (await db().cases.orderBy(index).limit(1).keys())[0] as [string, string] | undefined;
  while (key) {
    if (key[0]) values.push(key[0]);
    key = (await db().cases.where(index).above([key[0], Dexie.maxKey]).limit(1).keys())[0] as [string, string] | undefined;
  }
  return values.sort((a, b) => a.localeCompare(b, 'ru'));
}

/** Case- and ё-insensitive containment, how a typed filter text picks values («москва» → «г. Москва»). */
export function matchesFilterText(value: string, text: string): boolean {
  const fold = (s: string) => s.toLocaleLowerCase('ru').replace(/ё/gu, 'е').replace(/\s+/gu, ' ').trim();
  return fold(value).includes(fold(text));
}
