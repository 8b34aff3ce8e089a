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
 * Bucket key lengths: every case is filed under the first 1 to 5 characters of each of its search words.
 * A query word of up to 5 characters is exactly a bucket key, so its matches ARE that bucket, with no word
 * tested; a longer word reads the 5-character bucket and tests only the words filed there. Short keys are
 * few, so their long lists cost little heap, and they matter: the normaliser often shortens what was typed
 * («ABD» searches «ab», «Дөө» «do»), and without them such a query read all 100,000 cases. (Deeper levels
 * cost more heap than they save time: 3–7 took the page past 300 MB at 100,000 cases.)
 */
const DEPTHS = [1, 2, 3, 4, 5] as const;
/**
 * A bucket entry is `slot × WORDS + i`: the slot, and which of its words (index i) was filed under the key.
 * A longer query word is then checked against that one word instead of all of a case's words, and other
 * query words are looked up in their own buckets by binary search. Small integers in plain arrays, so the
 * entries cost no more heap than the slot numbers alone did. A case with more words files the rest as
 * LAST_WORD, which means «test all of them».
 */
const WORDS = 64;
const LAST_WORD = WORDS - 1;
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
  /** True while slots are in (updatedAt, id) order: writes append newer rows, so this normally holds. */
  private ordered = true;
  private lastKey: { updatedAt: string; id: string } | null = null;
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

  /**
   * Reads every case in updatedAt order (ties by id, as the database's index orders them), so that slots —
   * and with them every bucket — are in the list's default order and a search needs no sort.
   */
  private async readAll(): Promise<void> {
    const started = performance.now();
    this.clear();
    let after: string | null = null;
    // Ids already read whose updatedAt equals `after`: the next slice starts at that value again.
    let seen = new Set<string>();
    for (;;) {
      const want = LOAD_SLICE + seen.size;
      const from: string | null = after;
      const rows: CaseRow[] = await (from === null ? this.db.cases.orderBy('updatedAt') : this.db.cases.where('updatedAt').aboveOrEqual(from)).limit(want).toArray();
      for (const row of rows) {
        if (row.updatedAt === after && seen.has(row.id)) continue;
        this.put(row);
        if (row.updatedAt !== after) {
          after = row.updatedAt;
          seen = new Set();
        }
        seen.add(row.id);
      }
      if (rows.length < want) break;
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
    this.lastKey = null;
    this.ordered = true;
    this.ready = false;
  }

  private put(row: CaseRow): void {
    const existing = this.slotOf.get(row.id);
    const current = existing === undefined ? null : this.slots[existing];
    // A rewrite that is not an edit (the daily deadline refresh keeps updatedAt) keeps its place.
    if (current && current.row.updatedAt === row.updatedAt && sameWords(current.words, row.words)) {
      this.slots[existing!] = { row: project(row), words: current.words };
      return;
    }
    this.remove(row.id);
    if (this.lastKey && (row.updatedAt < this.lastKey.updatedAt || (row.updatedAt === this.lastKey.updatedAt && row.id < this.lastKey.id))) this.ordered = false;
    this.lastKey = { updatedAt: row.updatedAt, id: row.id };
    const slot = this.slots.length;
    this.slots.push({ row: project(row), words: row.words });
    this.slotOf.set(row.id, slot);
    this.file(slot, row.words);
    if (row.updatedAt > this.newest) this.newest = row.updatedAt;
  }

  private file(slot: number, words: readonly string[]): void {
    DEPTHS.forEach((depth, d) => {
      // Depths used only as exact keys need each key once per case; the deepest also verifies longer query
      // words, so each distinct word sharing its key is filed.
      const deepest = d === DEPTHS.length - 1;
      const seen = new Set<string>();
      words.forEach((word, i) => {
        if (word.length < depth) return;
        const key = word.slice(0, depth);
        const once = deepest ? word : key;
        if (seen.has(once)) return;
        seen.add(once);
        const entry = slot * WORDS + Math.min(i, LAST_WORD);
        const bucket = this.buckets[d]!.get(key);
        if (bucket) bucket.push(entry);
        else this.buckets[d]!.set(key, [entry]);
      });
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

  /** The bucket a query word reads, and whether its entries' words must still be tested (a longer word). */
  private bucketFor(word: string): { list: readonly number[]; verify: boolean } | null {
    let d = DEPTHS.length - 1;
    while (d >= 0 && word.length < DEPTHS[d]!) d--;
    if (d < 0) return null;
    return { list: this.buckets[d]!.get(word.slice(0, DEPTHS[d]!)) ?? [], verify: word.length > DEPTHS[d]! };
  }

  /** Whether bucket entry `entry` stands for a word of its case that starts with `word`. */
  private entryMatches(entry: number, word: string): boolean {
    const words = this.slots[Math.floor(entry / WORDS)]!.words;
    const i = entry % WORDS;
    return i === LAST_WORD ? words.slice(LAST_WORD).some((w) => w.startsWith(word)) : words[i]!.startsWith(word);
  }

  /** Whether slot `slot` is in `list` (ascending entries) for a word starting with `word`: binary search. */
  private inBucket(slot: number, list: readonly number[], verify: boolean, word: string): boolean {
    let lo = 0;
    let hi = list.length;
    const first = slot * WORDS;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! < first) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < list.length && list[k]! < first + WORDS; k++) if (!verify || this.entryMatches(list[k]!, word)) return true;
    return false;
  }

  /**
   * Slots matching every word prefix and every filter, in slot order. The word with the smallest bucket
   * drives; every other word is looked up in its own bucket. Without words (filters only) every slot is read.
   */
  private matching(words: readonly string[], filters: readonly [CaseFilterField, string][]): number[] {
    const bucketed: { word: string; list: readonly number[]; verify: boolean }[] = [];
    const short: string[] = [];
    for (const word of new Set(words)) {
      const bucket = this.bucketFor(word);
      if (bucket) bucketed.push({ word, ...bucket });
      else short.push(word);
    }
    const out: number[] = [];
    const keep = (i: number, others: typeof bucketed) => {
      const slot = this.slots[i]!;
      for (const other of others) if (!this.inBucket(i, other.list, other.verify, other.word)) return false;
      if (short.length > 0 && !matchesAllPrefixes(slot.words, short)) return false;
      for (const [field, value] of filters) if (slot.row[field] !== value) return false;
      return true;
    };
    if (bucketed.length === 0) {
      for (let i = 0; i < this.slots.length; i++) if (this.slots[i] && keep(i, [])) out.push(i);
      return out;
    }
    bucketed.sort((a, b) => a.list.length - b.list.length);
    const [driver, ...others] = bucketed as [(typeof bucketed)[number], ...typeof bucketed];
    let last = -1;
    for (const entry of driver.list) {
      const i = Math.floor(entry / WORDS);
      // A case filed twice under the key (two words sharing it) is kept once.
      if (i === last || !this.slots[i]) continue;
      if (driver.verify && !this.entryMatches(entry, driver.word)) continue;
      if (!keep(i, others)) continue;
      out.push(i);
      last = i;
    }
    return out;
  }

  /** The rows matching every word prefix and every filter, in list order. */
  search(words: readonly string[], filters: readonly [CaseFilterField, string][], query: Pick<CaseQuery, 'sort' | 'direction'>): CaseListRow[] {
    const rows = this.matching(words, filters).map((i) => this.slots[i]!.row);
    return rows.sort(compareForList(query));
  }

  open(words: readonly string[], filters: readonly [CaseFilterField, string][], query: CaseQuery): CaseListHandle {
    if (this.ordered && query.sort === 'updatedAt') {
      // Slots (and buckets) are already in updatedAt order: no sort, only the page asked for is read out.
      const hits = this.matching(words, filters);
      const desc = query.direction === 'desc';
      return {
        count: hits.length,
        page: async (offset, limit) => {
          const out: CaseListRow[] = [];
          for (let k = offset; k < Math.min(hits.length, offset + limit); k++) out.push(this.slots[hits[desc ? hits.length - 1 - k : k]!]!.row);
          return out;
        },
      };
    }
    const rows = this.search(words, filters, query);
    return { count: rows.length, page: async (offset, limit) => rows.slice(offset, offset + limit) };
  }
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => word === b[i]);
}

const indexes = new WeakMap<AryzDb, CaseIndex>();

/** The one mirror of a database's cases (created on first use; loading starts with `load()`). */
export function caseIndexOf(db: AryzDb): CaseIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new CaseIndex(db)));
  return index;
}
