import { nameKey } from '../../../../shared/names';
import { matchesAllPrefixes, NO_MATCH, queryWords } from '../../../../shared/search/case-keys';
import { nearestWord } from '../../../../shared/search/did-you-mean';
import { onCaseWrites } from '../case-writes';
import type { AryzDb, CaseFilterField, CaseRow, CaseSortField } from '../schema';

export interface CaseQuery {
  text: string;
  filters: Partial<Record<CaseFilterField, string>>;
  sort: CaseSortField;
  direction: 'asc' | 'desc';
}

export interface CaseListHandle {
  count: number;
  /** Rows in list order, `offset` from the start. */
  page(offset: number, limit: number): Promise<CaseListRow[]>;
}

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
 * Bucket key lengths: every case is filed under the first 2 to 5 characters of each of its search words.
 * A query word of 2 to 5 characters is exactly a bucket key, so its matches ARE that bucket, with no word
 * tested; a longer word reads the 5-character bucket and tests only the words filed there. Two-letter keys
 * matter: the normaliser often shortens what was typed («ABD» searches «ab», «Дөө» «do»), and without them
 * such a query read all 100,000 cases. A single letter still does (a few tens of milliseconds): its lists
 * would hold most cases for little use. (Deeper levels cost more heap than they save time: 3–7 took the
 * page past 300 MB at 100,000 cases.)
 */
const DEPTHS = [2, 3, 4, 5] as const;
/**
 * A bucket lists slots in ascending order. The deepest also lists, in a parallel array, the word each slot
 * was filed under (a case with two words sharing the key is listed twice): a longer query word is tested on
 * those words, read in sequence, instead of on each case's words spread over the heap. Words are interned,
 * so the many cases with the same surname share one string and a test repeats for free.
 */
interface Bucket {
  slots: number[];
  words: string[] | null;
}

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
  private buckets: Map<string, Bucket>[] = DEPTHS.map(() => new Map());
  private interned = new Map<string, string>();
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
    this.trim();
    this.ready = true;
    this.loadMs = performance.now() - started;
  }

  private clear(): void {
    this.slots = [];
    this.slotOf.clear();
    this.buckets = DEPTHS.map(() => new Map());
    this.interned.clear();
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
    const words = row.words.map((word) => this.intern(word));
    this.slots.push({ row: project(row), words });
    this.slotOf.set(row.id, slot);
    this.file(slot, words);
    if (row.updatedAt > this.newest) this.newest = row.updatedAt;
  }

  private intern(word: string): string {
    const known = this.interned.get(word);
    if (known !== undefined) return known;
    this.interned.set(word, word);
    return word;
  }

  private file(slot: number, words: readonly string[]): void {
    DEPTHS.forEach((depth, d) => {
      // Depths used only as exact keys need each key once per case; the deepest also tests longer query
      // words, so each distinct word sharing its key is filed.
      const deepest = d === DEPTHS.length - 1;
      const seen = new Set<string>();
      for (const word of words) {
        if (word.length < depth) continue;
        const key = word.slice(0, depth);
        const once = deepest ? word : key;
        if (seen.has(once)) continue;
        seen.add(once);
        let bucket = this.buckets[d]!.get(key);
        if (!bucket) this.buckets[d]!.set(key, (bucket = { slots: [], words: deepest ? [] : null }));
        bucket.slots.push(slot);
        bucket.words?.push(word);
      }
    });
  }

  /** Copies every bucket to its exact length: a list grown by pushing keeps up to half again as much room. */
  private trim(): void {
    for (const depth of this.buckets) {
      for (const bucket of depth.values()) {
        bucket.slots = bucket.slots.slice();
        if (bucket.words) bucket.words = bucket.words.slice();
      }
    }
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
    this.trim();
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

  /** The bucket a query word reads, and whether its words must still be tested (a word longer than the key). */
  private bucketFor(word: string): { bucket: Bucket; verify: boolean } | null {
    let d = DEPTHS.length - 1;
    while (d >= 0 && word.length < DEPTHS[d]!) d--;
    if (d < 0) return null;
    return { bucket: this.buckets[d]!.get(word.slice(0, DEPTHS[d]!)) ?? EMPTY, verify: word.length > DEPTHS[d]! };
  }

  /**
   * Slots matching every word prefix and every filter, in slot order. The word with the smallest bucket
   * drives; each of its slots is first looked up in the other words' buckets (binary search over integers),
   * and only the slots in all of them have words tested, where a word is longer than its bucket's key.
   * Without words (filters only) every slot is read.
   */
  private matching(words: readonly string[], filters: readonly [CaseFilterField, string][]): readonly number[] {
    const bucketed: Probe[] = [];
    const short: string[] = [];
    for (const word of new Set(words)) {
      const found = this.bucketFor(word);
      if (found) bucketed.push({ word, slots: found.bucket.slots, words: found.bucket.words, verify: found.verify, test: prefixTest(word) });
      else short.push(word);
    }
    const out: number[] = [];
    const passes = (i: number) => {
      const slot = this.slots[i]!;
      if (short.length > 0 && !matchesAllPrefixes(slot.words, short)) return false;
      for (const [field, value] of filters) if (slot.row[field] !== value) return false;
      return true;
    };
    if (bucketed.length === 0) {
      for (let i = 0; i < this.slots.length; i++) if (this.slots[i] && passes(i)) out.push(i);
      return out;
    }
    bucketed.sort((a, b) => a.slots.length - b.slots.length);
    const [driver, ...others] = bucketed as [Probe, ...Probe[]];
    // The commonest search, one word of up to 4 letters, IS its bucket: no case twice in it (only the deepest
    // files a case once per word), nothing to test; unless edits left dead slots, the list is the answer (a
    // copy: the bucket grows with the next case filed, an open list must not).
    const alone = others.length === 0 && short.length === 0 && filters.length === 0 && this.dead === 0;
    if (alone && !driver.verify && driver.words === null) return driver.slots.slice();
    if (alone) {
      // One word alone in the deepest bucket: its slots in a tight loop, a case listed twice kept once.
      const list = driver.slots;
      const words = driver.words!;
      let last = -1;
      for (let k = 0; k < list.length; k++) {
        const i = list[k]!;
        if (i !== last && (!driver.verify || driver.test(words[k]!))) out.push((last = i));
      }
      return out;
    }
    const list = driver.slots;
    // Where each other list was last found: the driver's slots ascend, so each search starts there.
    const starts: number[] = others.map(() => 0);
    const screen = short.length > 0 || filters.length > 0;
    // Plain loops and no allocation per slot: at 100,000 cases the driver can hold tens of thousands.
    for (let k = 0; k < list.length; ) {
      const i = list[k]!;
      const from = k;
      // A case filed more than once under the key (two words sharing it) is one run of equal slots.
      while (k < list.length && list[k] === i) k++;
      if (!this.slots[i]) continue;
      let ok = true;
      for (let o = 0; ok && o < others.length; o++) {
        const at = seek(others[o]!.slots, starts[o]!, i);
        starts[o] = at;
        ok = others[o]!.slots[at] === i;
      }
      if (!ok || (driver.verify && !anyWord(driver, from, i))) continue;
      for (let o = 0; ok && o < others.length; o++) ok = !others[o]!.verify || anyWord(others[o]!, starts[o]!, i);
      if (ok && (!screen || passes(i))) out.push(i);
    }
    return out;
  }

  /** The rows matching every word prefix and every filter, in list order. */
  search(words: readonly string[], filters: readonly [CaseFilterField, string][], query: Pick<CaseQuery, 'sort' | 'direction'>): CaseListRow[] {
    const rows = this.matching(words, filters).map((i) => this.slots[i]!.row);
    return rows.sort(compareForList(query));
  }

  /**
   * For a search that finds nothing: the same text with each word that starts no indexed word replaced by
   * the nearest name of the index's own vocabulary (see shared/search/did-you-mean.ts), written as a case
   * shows it. Null when nothing is near, or the corrected text would find nothing either. Run only on an
   * empty result, so its walk over the vocabulary (a few milliseconds at 100,000 cases) is not per keystroke.
   */
  didYouMean(text: string, filters: readonly [CaseFilterField, string][] = []): string | null {
    if (!this.ready) return null;
    let changed = false;
    const corrected = text
      .split(/\s+/u)
      .filter(Boolean)
      .map((token) => {
        const keys = queryWords(token);
        if (keys.length !== 1 || keys[0] === NO_MATCH || this.startsSomeWord(keys[0]!)) return token;
        const word = nearestWord(keys[0]!, this.interned.keys(), (w) => this.casesWith(w));
        const shown = word === null ? null : this.spellingOf(word);
        if (shown === null) return token;
        changed = true;
        return shown;
      })
      .join(' ');
    return changed && this.matching(queryWords(corrected), filters).length > 0 ? corrected : null;
  }

  /** Whether any indexed word starts with `word`. */
  private startsSomeWord(word: string): boolean {
    const found = this.bucketFor(word);
    if (!found) return [...this.interned.keys()].some((w) => w.startsWith(word));
    if (!found.verify) return found.bucket.slots.length > 0;
    return found.bucket.words!.some((w) => w.startsWith(word));
  }

  /** How many cases carry `word` (to prefer a common name among equally near ones). */
  private casesWith(word: string): number {
    const d = DEPTHS.length - 1;
    if (word.length < DEPTHS[d]!) return this.buckets[word.length - DEPTHS[0]]?.get(word)?.slots.length ?? 0;
    const bucket = this.buckets[d]!.get(word.slice(0, DEPTHS[d]!));
    let count = 0;
    for (const w of bucket?.words ?? []) if (w === word) count++;
    return count;
  }

  /** The name token, as some case writes it, whose key is `word` (Russian spelling first). */
  private spellingOf(word: string): string | null {
    const d = Math.min(word.length, DEPTHS[DEPTHS.length - 1]!) - DEPTHS[0];
    for (const i of this.buckets[d]?.get(word.slice(0, DEPTHS[d]!))?.slots ?? []) {
      const slot = this.slots[i];
      if (!slot || !slot.words.includes(word)) continue;
      const { nameRu, nameKy, nameLat } = slot.row.summary;
      for (const name of [nameRu, nameKy, nameLat]) {
        for (const token of name.split(/[\s-]+/u)) if (token && nameKey(token) === word) return token;
      }
    }
    return null;
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

const EMPTY: Bucket = { slots: [], words: [] };

interface Probe {
  word: string;
  slots: readonly number[];
  words: readonly string[] | null;
  verify: boolean;
  test(word: string): boolean;
}

/** `startsWith(prefix)`, remembering the last answer: interned words repeat, a common surname thousands of times. */
function prefixTest(prefix: string): (word: string) => boolean {
  let last: string | null = null;
  let answer = false;
  return (word) => {
    if (word !== last) {
      last = word;
      answer = word.startsWith(prefix);
    }
    return answer;
  };
}

/**
 * The first index at or after `from` whose slot is not below `slot`, in an ascending list: galloping, then a
 * binary search, so stepping through two lists of like size costs their length, and a short list against a
 * long one costs a few steps per slot.
 */
function seek(list: readonly number[], from: number, slot: number): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < list.length && list[hi]! < slot) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, list.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < slot) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether any word filed for `slot` in the run from `from` in a probe's bucket starts with the probe's word. */
function anyWord(probe: Probe, from: number, slot: number): boolean {
  for (let k = from; k < probe.slots.length && probe.slots[k] === slot; k++) if (probe.test(probe.words![k]!)) return true;
  return false;
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
