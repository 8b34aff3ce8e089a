import { db } from '../schema';
import { nameKey } from '../../../../shared/names';
import { matchesAllPrefixes, NO_MATCH, queryWords } from '../../../../shared/search/case-keys';
import { nearestWord } from '../../../../shared/search/did-you-mean';
import { onSearchEntryWrites } from '../case-writes';
import type { AryzDb, CaseFilterField, CaseSortField } from '../schema';
import { entryOf, type CaseSearchEntry, type CaseListRow } from './case-search-entry';
import { fillCaseSearch } from './case-search.repo';

export { LIST_FIELDS, type CaseListRow } from './case-search-entry';

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

/**
 * Search entries read per slice while building. Each slice is one getAll of small values; the next is asked
 * for before the current one is opened, so IndexedDB reads while the page decrypts.
 */
const LOAD_SLICE = 5000;
/** Cases filed per slice once read (filing is a few microseconds a case). */
const FILE_SLICE = 10_000;

interface Slot {
  row: CaseListRow;
  words: readonly string[];
  /** The Russian name, surname first, lower-case (sortNameOf): the sort by name, never stored on disk. */
  sortName: string;
}

/**
 * How far the index is: `done` of `total` cases, counting the search entries still to derive (once, for cases
 * written before the entries existed) and then the entries read; `ready` once all are filed.
 */
export interface CaseIndexStatus {
  ready: boolean;
  done: number;
  total: number;
}

/**
 * Yields to the page for one task. A message, not setTimeout(0): timers of a page Chromium counts as hidden (a
 * window behind another, a benchmark's second tab) are held to one a second, which made each pause of the build
 * cost a second; messages are not throttled.
 */
function pause(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Thrown into a build that a lock (drop) made pointless; never reaches a caller as a failure. */
class Dropped extends Error {}

/** Same order as the database's [filter+sort] indexes: by the sort key, ties by id, all reversed for descending. */
export function compareForList(query: Pick<CaseQuery, 'sort' | 'direction'>): (a: CaseListRow, b: CaseListRow) => number {
  const dir = query.direction === 'desc' ? -1 : 1;
  const key = query.sort === 'sortName' ? 'updatedAt' : query.sort;
  return (a, b) => dir * (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The list order over slots: as compareForList, with the sort by name read from the slot. */
function compareSlots(query: Pick<CaseQuery, 'sort' | 'direction'>): (a: Slot, b: Slot) => number {
  if (query.sort !== 'sortName') {
    const rows = compareForList(query);
    return (a, b) => rows(a.row, b.row);
  }
  const dir = query.direction === 'desc' ? -1 : 1;
  return (a, b) => dir * (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
}

/**
 * The in-memory search index of the cases and the case list's mirror: a projection of every case (what a
 * list row shows), its search words and its sort name, filed in prefix buckets. None of it is stored in
 * readable form: the words (name keys in every script, ПИН, document numbers, birth dates, phones) and the
 * name come from each case's one sealed search entry (cases/case-search-entry.ts, kept in step with the case,
 * its person and its outgoing numbers by data/case-search.ts), opened after sign-in, and the whole index is
 * dropped on lock and sign-out (see search-index-session.ts). It is built in slices that yield to the page,
 * so the first screen is usable meanwhile; until it is ready a search waits for it (`status` tells how far
 * it is). It is kept current by re-reading exactly the entries every write touched (data/case-writes.ts).
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
  /** Bumped by drop(): a build started before it stops at its next slice. */
  private epoch = 0;
  /** Set by drop() until resume(): while locked or signed out nothing is read, and load() waits. */
  private held: { promise: Promise<void>; release: () => void } | null = null;
  private current: CaseIndexStatus = { ready: false, done: 0, total: 0 };
  private listeners = new Set<() => void>();
  /** How long the last full build took, for the benchmark's log. */
  loadMs = 0;

  /** Rows read per slice of the build (LOAD_SLICE; smaller in tests, to see the slices). */
  private readonly slice: number;

  constructor(
    private readonly db: AryzDb,
    options: { slice?: number } = {},
  ) {
    this.slice = options.slice ?? LOAD_SLICE;
    // Every write of a case, its person or its outgoing numbers rewrites the case's entry in the same transaction.
    onSearchEntryWrites(db, (writes) => {
      if (writes === 'all') this.reloadAll = true;
      else for (const id of writes) this.dirty.add(id);
    });
  }

  /** True once every case has been read and filed; until then a search waits for the build. */
  get ready(): boolean {
    return this.current.ready;
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** How far the build is (a new object on every change, for useSyncExternalStore). */
  readonly status = (): CaseIndexStatus => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setStatus(next: CaseIndexStatus): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }

  /**
   * Builds the index once (later calls share the build); slices keep the page responsive meanwhile. The
   * promise settles when an index is ready: a build cut short by a lock waits for the unlock and the build
   * after it, so no caller ever answers from half an index.
   */
  load(): Promise<void> {
    if (this.held) return this.held.promise.then(() => this.load());
    this.loading ??= this.readAll(this.epoch).catch((error: unknown) => {
      if (error instanceof Dropped) return this.load();
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  /**
   * Forgets everything read (on lock and sign-out): the slots, the words and the names go, a build under
   * way stops at its next slice, and nothing is read again until `resume()` (the next sign-in or unlock).
   */
  drop(): void {
    if (!this.held) {
      let release = () => {};
      const promise = new Promise<void>((resolve) => (release = resolve));
      this.held = { promise, release };
    }
    this.epoch++;
    this.loading = null;
    this.dirty.clear();
    this.reloadAll = false;
    this.clear();
    this.loadMs = 0;
    this.setStatus({ ready: false, done: 0, total: 0 });
  }

  /** Allows reading again (after sign-in or unlock); builds wait for this, they do not start by it. */
  resume(): void {
    const held = this.held;
    this.held = null;
    held?.release();
  }

  private check(epoch: number): void {
    if (epoch !== this.epoch) throw new Dropped('dropped');
  }

  /**
   * Derives the entries still missing (once, for cases written before there were entries; resumable), then
   * reads every case's search entry in slices of one getAll each and opens it, then files the cases in
   * updatedAt order (ties by id, as the database's index orders them), so that slots — and with them every
   * bucket — are in the list's default order and a search needs no sort. Nothing else is read: no person, no
   * case row, no register.
   */
  private async readAll(epoch: number): Promise<void> {
    const started = performance.now();
    // Phase marks for the benchmark's log (bench:search prints every aryz: mark of the sign-in).
    performance.mark('aryz:search-index-start');
    this.clear();
    const caseCount = await this.db.cases.count();
    this.check(epoch);
    let derived = 0;
    this.setStatus({ ready: false, done: 0, total: caseCount });
    try {
      await fillCaseSearch((done, missing) => {
        // A lock stops the fill between batches; what committed stays, the rest is derived at the next build.
        this.check(epoch);
        derived = missing;
        this.setStatus({ ready: false, done, total: missing + caseCount });
      }, undefined, this.db);
    } catch (error) {
      this.check(epoch);
      throw error;
    }
    this.check(epoch);
    // The fill reported its own writes; the entries are all read below.
    this.dirty.clear();
    performance.mark('aryz:search-index-entries-complete');
    const total = derived + caseCount;
    let done = derived;
    const entries: CaseSearchEntry[] = [];
    const slice = (after: string | null) => (after === null ? this.db.caseSearch.orderBy(':id') : this.db.caseSearch.where(':id').above(after)).limit(this.slice).toArray();
    let pending = slice(null);
    for (;;) {
      const rows = await pending;
      this.check(epoch);
      const more = rows.length === this.slice;
      if (more) {
        pending = slice(rows[rows.length - 1]!.id);
        // A lock between here and the next await abandons this read; its failure then has nobody to tell.
        pending.catch(() => undefined);
      }
      for (const row of rows) entries.push(entryOf(row));
      done += rows.length;
      this.setStatus({ ready: false, done: Math.min(done, total), total });
      if (!more) break;
    }
    performance.mark('aryz:search-index-entries-opened');
    entries.sort((a, b) => (a.row.updatedAt < b.row.updatedAt ? -1 : a.row.updatedAt > b.row.updatedAt ? 1 : a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
    for (let i = 0; i < entries.length; i++) {
      this.put(entries[i]!);
      if (i % FILE_SLICE === FILE_SLICE - 1) {
        await pause();
        this.check(epoch);
      }
    }
    this.trim();
    this.loadMs = performance.now() - started;
    this.setStatus({ ready: true, done: total, total });
    // For the benchmark (bench:search reads it as index_ready_ms): marks cost nothing when nobody reads them.
    performance.mark('aryz:search-index-ready');
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
  }

  /** Files a case from its search entry (its words interned: a common surname is one string for thousands). */
  private put(entry: CaseSearchEntry): void {
    const { row, sortName } = entry;
    const words = entry.words.map((word) => this.intern(word));
    const existing = this.slotOf.get(row.id);
    const current = existing === undefined ? null : this.slots[existing];
    // A rewrite that is not an edit (the daily deadline refresh keeps updatedAt) keeps its place.
    if (current && current.row.updatedAt === row.updatedAt && sameWords(current.words, words)) {
      this.slots[existing!] = { row, words: current.words, sortName };
      return;
    }
    this.remove(row.id);
    if (this.lastKey && (row.updatedAt < this.lastKey.updatedAt || (row.updatedAt === this.lastKey.updatedAt && row.id < this.lastKey.id))) this.ordered = false;
    this.lastKey = { updatedAt: row.updatedAt, id: row.id };
    const slot = this.slots.length;
    this.slots.push({ row, words, sortName });
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
    // Depths used only as exact keys need each key once per case; the deepest also tests longer query words,
    // so each word is filed there (a case's words are distinct: caseSearchEntry). Slots are filed in ascending
    // order (put appends, compact re-files in order), so a key the case already has ends with its slot: no
    // set per case, which at 100,000 cases was most of the filing time.
    const deepest = DEPTHS.length - 1;
    for (let d = 0; d <= deepest; d++) {
      const depth = DEPTHS[d]!;
      const buckets = this.buckets[d]!;
      for (const word of words) {
        if (word.length < depth) continue;
        const key = word.length === depth ? word : word.slice(0, depth);
        let bucket = buckets.get(key);
        if (!bucket) buckets.set(key, (bucket = { slots: [], words: d === deepest ? [] : null }));
        else if (d !== deepest && bucket.slots[bucket.slots.length - 1] === slot) continue;
        bucket.slots.push(slot);
        bucket.words?.push(word);
      }
    }
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

  /** Re-reads the search entries of the given cases and files them again (a case without one is gone). */
  private async reread(ids: readonly string[]): Promise<void> {
    const epoch = this.epoch;
    const rows = await this.db.caseSearch.bulkGet([...ids]);
    if (epoch !== this.epoch) return;
    ids.forEach((id, i) => {
      const row = rows[i];
      if (row) this.put(entryOf(row));
      else this.remove(id);
    });
  }

  /** Applies the writes made since the last call, re-reading the rows they touched. */
  async sync(): Promise<void> {
    if (!this.ready) return;
    if (this.reloadAll) {
      this.reloadAll = false;
      this.dirty.clear();
      this.loading = null;
      this.setStatus({ ready: false, done: 0, total: this.current.total });
      await this.load();
      return;
    }
    if (this.dirty.size === 0) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    await this.reread(ids);
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
    if (!this.ready) return;
    const newer = (await this.db.cases.where('updatedAt').above(this.newest).primaryKeys()) as string[];
    if (newer.length > 0) await this.reread(newer);
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
    const slots = this.matching(words, filters).map((i) => this.slots[i]!);
    return slots.sort(compareSlots(query)).map((slot) => slot.row);
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

/** The one index of a database's cases (created on first use; building starts with `load()`). */
export function caseIndexOf(): CaseIndex {
  let index = indexes.get(db());
  if (!index) indexes.set(db(), (index = new CaseIndex(db())));
  return index;
}
