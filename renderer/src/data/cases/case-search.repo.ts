import { db } from '../schema';
import type { AryzDb, CaseRow } from '../schema';
import { caseSearchEntry, memoTokens, storedEntry } from './case-search-entry';

/** Cases per transaction while filling: each commits in a fraction of a second, so an interruption loses little. */
export const FILL_BATCH = 500;

/**
 * Gives every case that has none its search entry and removes entries whose case is gone, in batches of
 * FILL_BATCH, each its own transaction: a database from before the `caseSearch` table, a restored backup
 * from before it, or one whose entries a schema upgrade emptied (data/case-search.ts). Every batch commits
 * what it derived, so a run cut short (a lock, a closed window) continues with what is still missing, and a
 * run over a complete table reads two counts and writes nothing. `onProgress(done, total)` counts cases.
 * `database`: the one an index was built for (case-index.cache.ts), the app's by default.
 * Answers how many entries were written.
 */
export async function fillCaseSearch(onProgress: (done: number, total: number) => void = () => undefined, batch = FILL_BATCH, database = db()): Promise<number> {
  // As many entries as cases means one per case: an entry is written and deleted in the transaction of its case
  // (data/case-search.ts), and a restore brings both tables from one copy. Two counts instead of two key lists
  // of 100,000 ids on every sign-in.
  const [caseCount, entryCount] = await Promise.all([database.cases.count(), database.caseSearch.count()]);
  if (caseCount === entryCount) {
    onProgress(0, 0);
    return 0;
  }
  const [caseIds, entryIds] = (await Promise.all([database.cases.toCollection().primaryKeys(), database.caseSearch.toCollection().primaryKeys()])) as [string[], string[]];
  const cases = new Set(caseIds);
  const orphans = entryIds.filter((id) => !cases.has(id));
  if (orphans.length > 0) await database.caseSearch.bulkDelete(orphans);
  const have = new Set(entryIds);
  const missing = caseIds.filter((id) => !have.has(id));
  onProgress(0, missing.length);
  const tokensOf = memoTokens();
  for (let from = 0; from < missing.length; from += batch) {
    const ids = missing.slice(from, from + batch);
    await database.transaction('rw', [database.cases, database.persons, database.outgoing, database.caseSearch], async () => {
      const rows = (await database.cases.bulkGet(ids)).filter((row): row is CaseRow => row !== undefined);
      const [persons, outgoing] = await Promise.all([
        database.persons.bulkGet([...new Set(rows.map((row) => row.personId))]),
        database.outgoing.where('caseId').anyOf(rows.map((row) => row.id)).toArray(),
      ]);
      const people = new Map(persons.flatMap((person) => (person ? [[person.id, person] as const] : [])));
      const numbers = new Map<string, string[]>();
      for (const row of outgoing) numbers.set(row.caseId, [...(numbers.get(row.caseId) ?? []), row.number]);
      await database.caseSearch.bulkPut(rows.map((row) => storedEntry(caseSearchEntry(row, people.get(row.personId), numbers.get(row.id), tokensOf))));
    });
    onProgress(Math.min(from + batch, missing.length), missing.length);
  }
  return missing.length;
}

/**
 * Derives afresh the entries of the cases given, and of the cases of the persons given, and removes those whose
 * case is gone: for rows the mission sync writes below the layer that keeps entries in step (data/case-search.ts
 * sees plain rows only, and incoming rows arrive sealed under it). Writing the entries tells the search index,
 * like any entry write. `database`: the one the sync writes to (each PC of a test runs its own in one process).
 */
export async function refreshCaseSearch(database: AryzDb, ids: { caseIds?: readonly string[]; personIds?: readonly string[] }): Promise<void> {
  await database.transaction('rw', [database.cases, database.persons, database.outgoing, database.caseSearch], async () => {
    const ofPersons = ids.personIds?.length ? ((await database.cases.where('personId').anyOf([...ids.personIds]).primaryKeys()) as string[]) : [];
    const wanted = [...new Set([...(ids.caseIds ?? []), ...ofPersons])];
    if (wanted.length === 0) return;
    const found = await database.cases.bulkGet(wanted);
    const rows = found.filter((row): row is CaseRow => row !== undefined);
    const gone = wanted.filter((_, i) => found[i] === undefined);
    if (gone.length > 0) await database.caseSearch.bulkDelete(gone);
    const [persons, outgoing] = await Promise.all([
      database.persons.bulkGet([...new Set(rows.map((row) => row.personId))]),
      database.outgoing.where('caseId').anyOf(rows.map((row) => row.id)).toArray(),
    ]);
    const people = new Map(persons.flatMap((person) => (person ? [[person.id, person] as const] : [])));
    const numbers = new Map<string, string[]>();
    for (const row of outgoing) numbers.set(row.caseId, [...(numbers.get(row.caseId) ?? []), row.number]);
    await database.caseSearch.bulkPut(rows.map((row) => storedEntry(caseSearchEntry(row, people.get(row.personId), numbers.get(row.id)))));
  });
}
