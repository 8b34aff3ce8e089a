import { db } from '../schema';
import { fitsHeaders, guessMapping, headerSignature, type ImportMapping } from '../../../../shared/import/fields';

/** The mapping saved for files with these headers, else the guess from the header names. */
export async function mappingFor(headers: readonly string[]): Promise<{ mapping: ImportMapping; saved: boolean }> {
  const row = await db().importMappings.get(headerSignature(headers));
  if (row && fitsHeaders(row.mapping, headers)) return { mapping: [...row.mapping], saved: true };
  return { mapping: guessMapping(headers), saved: false };
}

/** Remembers the mapping the caseworker used, for the next file with the same header row. */
export async function saveMapping(headers: readonly string[], mapping: ImportMapping, now = new Date()): Promise<void> {
  await db().importMappings.put({ signature: headerSignature(headers), headers: [...headers], mapping: [...mapping], savedAt: now.toISOString() });
}
