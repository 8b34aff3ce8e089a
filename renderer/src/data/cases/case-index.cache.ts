import { db } from '../schema';
import { nameKey, nameTokens } from '../../../../shared/names';
import { caseNumberWords, matchesAllPrefixes, NO_MATCH, personSearchWords, queryWords, sortNameOf, type PartTokens } from '../../../../shared/search/case-keys';
import { nearestWord } from '../../../../shared/search/did-you-mean';
import { onCaseWrites, onOutgoingWrites, onPersonWrites } from '../case-writes';
import type { AryzDb, CaseFilterField, CaseRow, CaseSortField, PersonRow } from '../schema';

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

/** Rows read per slice while building, with a pause for the page in between. */
const LOAD_SLICE = 2000;
/** Cases filed per slice once read (filing is a few microseconds a case). */
const FILE_SLICE = 10_000;

/** What the index keeps of a person: their search words and the name the list sorts by. */
interface PersonKeys {
  words: readonly string[];
  sortName: string;
}

interface Slot {
  row: CaseListRow;
  words: readonly string[];
  /** The Russian name, surname first, lower-case (sortNameOf): the sort by name, never stored on disk. */
  sortName: string;
}

/** How far the index is: `done` of `total` rows (persons, then cases) read; `ready` once all are filed. */
export interface CaseIndexStatus {
  ready: boolean;
  done: number;
  total: number;
}

function project(row: CaseRow): CaseListRow {
  const out: Record<string, unknown> = {};
  for (const field of LIST_FIELDS) out[field] = row[field];
  return out as CaseListRow;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
 * The outgoing numbers of every case, in one read of the register (numbers are not personal). `indexed` is the
 * database the index was built for, which stays its source even when a restore points the app at another.
 */
async function outgoingByCase(indexed: AryzDb, caseIds?: readonly string[]): Promise<Map<string, string[]>> {
  const rows = caseIds ? await indexed.outgoing.where('caseId').anyOf([...caseIds]).toArray() : await indexed.outgoing.toArray();
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const list = out.get(row.caseId);
    if (list) list.push(row.number);
    else out.set(row.caseId, [row.number]);
  }
  return out;
}

/**
 * The in-memory search index of the cases and the case list's mirror: a projection of every case (what a
 * list row shows), its search words and its sort name, filed in prefix buckets. Nothing of it is stored:
 * the words (name keys in every script, ПИН, document numbers, birth dates, phones) and the name are derived
 * here from the persons, cases and outgoing register read through the data layer, after sign-in, and the
 * whole index is dropped on lock and sign-out (see search-index-session.ts). It is built in slices that
 * yield to the page, so the first screen is usable meanwhile; until it is ready a search waits for it
 * (`status` tells how far it is). It is kept current by re-reading exactly the cases every write touched
 * (see data/case-writes.ts): the case, its person or its outgoing numbers.
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
  private dirtyPersons = new Set<string>();
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
    onCaseWrites(db, (writes) => {
      if (writes === 'all') this.reloadAll = true;
      else for (const id of writes) this.dirty.add(id);
    });
    onOutgoingWrites(db, (writes) => {
      if (writes === 'all') this.reloadAll = true;
      else for (const id of writes) this.dirty.add(id);
    });
    onPersonWrites(db, (writes) => {
      if (writes === 'all') this.reloadAll = true;
      else for (const id of writes) this.dirtyPersons.add(id);
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
    this.dirtyPersons.clear();
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
   * Reads every person (their words and sort name; the rest of the row is not kept) and every case (what a
   * list row shows) side by side, each in slices, then files the cases in updatedAt order (ties by id, as
   * the database's index orders them), so that slots — and with them every bucket — are in the list's
   * default order and a search needs no sort. The two reads overlap: while IndexedDB reads one table's
   * slice, the page folds the other's names.
   */
  private async readAll(epoch: number): Promise<void> {
    const started = performance.now();
    this.clear();
    const [personCount, caseCount] = await Promise.all([this.db.persons.count(), this.db.cases.count()]);
    this.check(epoch);
    const total = personCount + caseCount;
    let done = 0;
    const progress = (rows: number) => {
      done += rows;
      this.setStatus({ ready: false, done: Math.min(done, total), total });
    };
    this.setStatus({ ready: false, done, total });
    const people = new Map<string, PersonKeys>();
    const tokensOf = memoTokens();
    const readPersons = async () => {
      let last: string | null = null;
      for (;;) {
        const from: string | null = last;
        const rows: PersonRow[] = await (from === null ? this.db.persons.orderBy(':id') : this.db.persons.where(':id').above(from)).limit(this.slice).toArray();
        this.check(epoch);
        for (const person of rows) people.set(person.id, this.personKeys(person, tokensOf));
        progress(rows.length);
        if (rows.length < this.slice) return;
        last = rows[rows.length - 1]!.id;
        await pause();
        this.check(epoch);
      }
    };
    const listed: CaseListRow[] = [];
    const readCases = async () => {
      let after: string | null = null;
      // Ids already read whose updatedAt equals `after`: the next slice starts at that value again.
      let seen = new Set<string>();
      for (;;) {
        const want = this.slice + seen.size;
        const from: string | null = after;
        const rows: CaseRow[] = await (from === null ? this.db.cases.orderBy('updatedAt') : this.db.cases.where('updatedAt').aboveOrEqual(from)).limit(want).toArray();
        this.check(epoch);
        let fresh = 0;
        for (const row of rows) {
          if (row.updatedAt === after && seen.has(row.id)) continue;
          fresh++;
          listed.push(project(row));
          if (row.updatedAt !== after) {
            after = row.updatedAt;
            seen = new Set();
          }
          seen.add(row.id);
        }
        progress(fresh);
        if (rows.length < want) return;
        await pause();
        this.check(epoch);
      }
    };
    const [, , outgoing] = await Promise.all([readPersons(), readCases(), outgoingByCase(this.db)]);
    this.check(epoch);
    for (let i = 0; i < listed.length; i++) {
      const row = listed[i]!;
      this.put(row, people.get(row.personId), outgoing.get(row.id));
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

  private personKeys(person: PersonRow, tokensOf?: PartTokens): PersonKeys {
    return { words: personSearchWords(person, person.documents ?? [], tokensOf).map((word) => this.intern(word)), sortName: sortNameOf(person) };
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

  /** Files a case with its person's keys (none when the person is missing) and its outgoing numbers. */
  private put(row: CaseListRow, person: PersonKeys | undefined, outgoing: readonly string[] | undefined): void {
    const own = caseNumberWords(row.number, outgoing);
    const words = person ? (own.length === 0 ? person.words : [...new Set([...person.words, ...own.map((word) => this.intern(word))])]) : own.map((word) => this.intern(word));
    const sortName = person?.sortName ?? '';
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

  /** Re-reads the given cases with their persons and outgoing numbers, and files them again. */
  private async reread(ids: readonly string[]): Promise<void> {
    const epoch = this.epoch;
    const rows = await this.db.cases.bulkGet([...ids]);
    const present = rows.filter((row): row is CaseRow => row !== undefined);
    const [persons, outgoing] = await Promise.all([this.db.persons.bulkGet(present.map((row) => row.personId)), outgoingByCase(this.db, present.map((row) => row.id))]);
    if (epoch !== this.epoch) return;
    const people = new Map<string, PersonKeys>();
    for (const person of persons) if (person) people.set(person.id, this.personKeys(person));
    ids.forEach((id, i) => {
      const row = rows[i];
      if (row) this.put(project(row), people.get(row.personId), outgoing.get(row.id));
      else this.remove(id);
    });
  }

  /** Applies the writes made since the last call, re-reading the rows they touched. */
  async sync(): Promise<void> {
    if (!this.ready) return;
    if (this.reloadAll) {
      this.reloadAll = false;
      this.dirty.clear();
      this.dirtyPersons.clear();
      this.loading = null;
      this.setStatus({ ready: false, done: 0, total: this.current.total });
      await this.load();
      return;
    }
    if (this.dirtyPersons.size > 0) {
      // A person's cases are found among the slots (a person edit is rare; the walk is a millisecond).
      const persons = this.dirtyPersons;
      this.dirtyPersons = new Set();
      for (const slot of this.slots) if (slot && persons.has(slot.row.personId)) this.dirty.add(slot.row.id);
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

/** A cache in front of `nameTokens` for one build: each distinct part of a name is folded once. */
function memoTokens(): PartTokens {
  const known = new Map<string, readonly string[]>();
  return (part) => {
    let tokens = known.get(part);
    if (tokens === undefined) known.set(part, (tokens = nameTokens(part)));
    return tokens;
  };
}

/** The one index of the active database's cases (created on first use; building starts with `load()`). */
export function caseIndexOf(): CaseIndex {
  const database = db();
  let index = indexes.get(database);
  if (!index) indexes.set(database, (index = new CaseIndex(database)));
  return index;
}
