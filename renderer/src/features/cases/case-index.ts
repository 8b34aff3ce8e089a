import { matchesAllPrefixes } from '../../../../shared/search/case-keys';
import { onCaseWrites } from '../../db/case-writes';
import type { AryzDb, CaseFilterField, CaseRow } from '../../db/db';
import type { CaseListHandle, CaseQuery } from './list-query';

/** The fields the case list shows, sorts and filters by: all an in-memory list row keeps. */
export const LIST_FIELDS = [
  'id',
  'number',
  'personId',
  'summary',
  'status',
  'region',
  'missionId',
  'caseworker',
  'updatedAt',
  'createdAt',
  'sortName',
  'nextDeadline',
] as const satisfies readonly (keyof CaseRow)[];
export type CaseListRow = Pick<CaseRow, (typeof LIST_FIELDS)[number]>;

/**
 * Bucket key lengths: every case is filed under the first 3 and the first 5 characters of each of its
 * search words. A query word is looked up in the deepest bucket its length allows, so "Жумаг" or a
 * document-number prefix reads a few hundred candidates instead of every case.
 */
const DEPTHS = [3, 5] as const;
/** Rows read per slice while loading, with a pause for the page in between. */
const LOAD_SLICE = 2000;

interface Slot {
  row: CaseListRow;
  words: readonly string[];
}

function project(row: CaseRow): CaseListRow {
  const out: Record<string, unknown> = {};
  for (const field of LIST_FIELDS) out[field] = row[field];
  return out as CaseListRow;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Same order as the database's [filter+sort] indexes: by the sort key, ties by id, all reversed for descending. */
export function compareForList(query: Pick<CaseQuery, 'sort' | 'direction'>): (a: CaseListRow, b: CaseListRow) => number {
  const dir = query.direction === 'desc' ? -1 : 1;
  const key = query.sort;
  return (a, b) => dir * (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * An in-memory mirror of the case list for search as you type: a projection of every case (what a list row
 * shows) and its search words, filed in prefix buckets. IndexedDB answers a multi-word prefix query with a
 * key range read per word (tens of milliseconds at 100,000 cases); the mirror answers it from a bucket of
 * candidates in about a millisecond. It is read in the background after the list first shows, and kept
 * current by re-reading exactly the cases every write touched (see db/case-writes.ts).
 */
export class CaseIndex {
  private slots: (Slot | null)[] = [];
  private slotOf = new Map<string, number>();
  private buckets: Map<string, number[]>[] = DEPTHS.map(() => new Map());
  private dead = 0;
  /** Newest updatedAt among the rows read: writes this instance did not see are found from there. */
  private newest = '';
  private dirty = new Set<string>();
  private reloadAll = false;
  private loading: Promise<void> | null = null;
  /** True once every case has been read; until then the list answers from IndexedDB. */
  ready = false;
  /** How long the last full read took, for the benchmark's log. */
  loadMs = 0;

  constructor(private readonly db: AryzDb) {
    onCaseWrites(db, (writes) => {
      if (writes === 'all') this.reloadAll = true;
      else for (const id of writes) this.dirty.add(id);
    });
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** Reads every case once (later calls share the first); slices keep the page responsive meanwhile. */
  load(): Promise<void> {
    this.loading ??= this.readAll().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async readAll(): Promise<void> {
    const started = performance.now();
    this.clear();
    let last: string | null = null;
    for (;;) {
      const rows: CaseRow[] = await (last === null ? this.db.cases.orderBy(':id') : this.db.cases.where(':id').above(last)).limit(LOAD_SLICE).toArray();
      if (rows.length === 0) break;
      for (const row of rows) this.put(row);
      last = rows[rows.length - 1]!.id;
      await pause();
    }
    this.ready = true;
    this.loadMs = performance.now() - started;
  }

  private clear(): void {
    this.slots = [];
    this.slotOf.clear();
    this.buckets = DEPTHS.map(() => new Map());
    this.dead = 0;
    this.newest = '';
    this.ready = false;
  }

  private put(row: CaseRow): void {
    this.remove(row.id);
    const slot = this.slots.length;
    this.slots.push({ row: project(row), words: row.words });
    this.slotOf.set(row.id, slot);
    this.file(slot, row.words);
    if (row.updatedAt > this.newest) this.newest = row.updatedAt;
  }

  private file(slot: number, words: readonly string[]): void {
    DEPTHS.forEach((depth, d) => {
      const seen = new Set<string>();
      for (const word of words) {
        if (word.length < depth) continue;
        const key = word.slice(0, depth);
        if (seen.has(key)) continue;
        seen.add(key);
        const bucket = this.buckets[d]!.get(key);
        if (bucket) bucket.push(slot);
        else this.buckets[d]!.set(key, [slot]);
      }
    });
  }

  private remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slots[slot] = null;
    this.slotOf.delete(id);
    this.dead++;
  }

  /** Re-files the live slots once stale entries (left by edits) outnumber a quarter of them. */
  private compact(): void {
    if (this.dead < Math.max(1000, this.slotOf.size / 4)) return;
    const live = this.slots.filter((slot): slot is Slot => slot !== null);
    this.slots = live;
    this.slotOf.clear();
    this.buckets = DEPTHS.map(() => new Map());
    this.dead = 0;
    live.forEach((slot, i) => {
      this.slotOf.set(slot.row.id, i);
      this.file(i, slot.words);
    });
  }

  /** Applies the writes made since the last call, re-reading the rows they touched. */
  async sync(): Promise<void> {
    if (this.reloadAll) {
      this.reloadAll = false;
      this.dirty.clear();
      this.loading = null;
      await this.load();
      return;
    }
    if (this.dirty.size === 0) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    const rows = await this.db.cases.bulkGet(ids);
    ids.forEach((id, i) => {
      const row = rows[i];
      if (row) this.put(row);
      else this.remove(id);
    });
    this.compact();
  }

  /**
   * Catches up with writes made through another connection to the database (another window, a tool):
   * rows updated after the newest one read are re-read, and when the count still differs (a deletion,
   * or a row stamped in the past) everything is read again. Called when the list sees the table change.
   */
  async catchUp(): Promise<void> {
    if (!this.ready) return;
    await this.sync();
    const newer = await this.db.cases.where('updatedAt').above(this.newest).toArray();
    for (const row of newer) this.put(row);
    if ((await this.db.cases.count()) !== this.slotOf.size) {
      this.reloadAll = true;
      await this.sync();
    }
  }

  /** Candidate slots for the words: the smallest bucket any word can use, or null (read every slot). */
  private candidates(words: readonly string[]): readonly number[] | null {
    let best: readonly number[] | null = null;
    for (const word of words) {
      let d = DEPTHS.length - 1;
      while (d >= 0 && word.length < DEPTHS[d]!) d--;
      if (d < 0) continue;
      const bucket = this.buckets[d]!.get(word.slice(0, DEPTHS[d]!)) ?? [];
      if (!best || bucket.length < best.length) best = bucket;
    }
    return best;
  }

  /** The rows matching every word prefix and every filter, in list order. */
  search(words: readonly string[], filters: readonly [CaseFilterField, string][], query: Pick<CaseQuery, 'sort' | 'direction'>): CaseListRow[] {
    const hits: CaseListRow[] = [];
    const test = (slot: Slot | null) => {
      if (!slot || !matchesAllPrefixes(slot.words, words)) return;
      for (const [field, value] of filters) if (slot.row[field] !== value) return;
      hits.push(slot.row);
    };
    const candidates = this.candidates(words);
    if (candidates) for (const i of candidates) test(this.slots[i]!);
    else for (const slot of this.slots) test(slot);
    return hits.sort(compareForList(query));
  }

  open(words: readonly string[], filters: readonly [CaseFilterField, string][], query: CaseQuery): CaseListHandle {
    const rows = this.search(words, filters, query);
    return { count: rows.length, page: async (offset, limit) => rows.slice(offset, offset + limit) };
  }
}

const indexes = new WeakMap<AryzDb, CaseIndex>();

/** The one mirror of a database's cases (created on first use; loading starts with `load()`). */
export function caseIndexOf(db: AryzDb): CaseIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new CaseIndex(db)));
  return index;
}
