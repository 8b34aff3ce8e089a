import { sha256 } from '@noble/hashes/sha2';
import { canonicalJson, toHex } from '../transfer/canonical';

/**
 * A tamper-evident audit log, as certificate-transparency logs and git do it: every row carries the hash of the
 * row before it, and its own hash covers its content and that link. Editing, removing or inserting a row outside
 * the app breaks the chain at that row, and `verifyChain` names the first row where it breaks.
 *
 * Hashing is synchronous (@noble/hashes, the audited pure-JS SHA-256): a row is chained inside the IndexedDB
 * transaction of the change it records, and awaiting WebCrypto there would let the transaction commit early.
 *
 * The chain proves order and integrity, not authorship: whoever can write the database can rebuild the whole chain
 * from the first row. What stops that is that the rows live encrypted under the data key and the last hash is
 * kept outside the database too (the backup manifest), so a rebuilt chain no longer matches it.
 */

/** The hash a chain's first row links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** Fields the chain adds to a row; everything else in the row is its content. */
export interface ChainLink {
  /** Position in the chain, from 1, so a removed last row or a swap is visible even with matching hashes. */
  seq: number;
  prevHash: string;
  hash: string;
}

export type Chained<T> = T & ChainLink;

/** The content a hash covers: the row without its own `hash` (and without a storage key the database assigns). */
function hashedContent(row: object, ignore: readonly string[]): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'hash' || ignore.includes(key)) continue;
    content[key] = value;
  }
  return content;
}

export function sha256Hex(text: string): string {
  return toHex(sha256(new TextEncoder().encode(text)));
}

/** SHA-256 over the canonical JSON of the row (with seq and prevHash, without hash). */
export function rowHash(row: object, ignore: readonly string[] = []): string {
  return sha256Hex(canonicalJson(hashedContent(row, ignore)));
}

/** Links `content` after `previous` (null for the first row). */
export function chainRow<T extends object>(content: T, previous: Pick<ChainLink, 'seq' | 'hash'> | null, ignore: readonly string[] = []): Chained<T> {
  const linked = { ...content, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? GENESIS_HASH } as Record<string, unknown>;
  delete linked.hash;
  const hash = rowHash(linked, ignore);
  return { ...linked, hash } as Chained<T>;
}

export type ChainBreak =
  /** The row's content no longer matches its hash: it was edited. */
  | 'edited'
  /** The row does not link to the row before it: a row was removed or inserted before it. */
  | 'link'
  /** The row's position is not the next one: a row was removed (or the order changed). */
  | 'sequence'
  /** The last row's hash differs from the one recorded elsewhere: rows were removed from the end. */
  | 'head';

export type ChainVerdict =
  | { ok: true; rows: number; headHash: string; headSeq: number; unchained: number }
  | { ok: false; rows: number; brokenAt: number; reason: ChainBreak; row: Record<string, unknown> | null };

export interface VerifyOptions {
  /** Fields a database adds after the hash was made (an auto-increment key). */
  ignore?: readonly string[];
  /** The head hash recorded outside the log (e.g. at the last backup); catches removals from the end. */
  expectedHead?: { seq: number; hash: string };
  /**
   * Rows written before the chain existed (a database from before the upgrade) carry no hash: they are skipped
   * while they come first. The first chained row then starts the chain; any unchained row after it is a break.
   */
  allowUnchainedPrefix?: boolean;
}

/**
 * Walks rows in chain order (by seq) and reports the first break. `brokenAt` is the index in the given order
 * (0-based) of the first row that fails; for a missing tail it is the row count.
 */
export async function verifyChain(rows: Iterable<object> | AsyncIterable<object>, options: VerifyOptions = {}): Promise<ChainVerdict> {
  const ignore = options.ignore ?? [];
  let previous: { seq: number; hash: string } | null = null;
  let index = 0;
  let unchained = 0;
  for await (const item of rows as AsyncIterable<object>) {
    const row = item as Record<string, unknown>;
    const seq = row.seq;
    const prevHash = row.prevHash;
    const hash = row.hash;
    if (previous === null && hash === undefined && options.allowUnchainedPrefix) {
      unchained++;
      index++;
      continue;
    }
    // The chain starts at the genesis link: at position 1, or after the unchained rows of an older database.
    previous ??= { seq: unchained > 0 && typeof seq === 'number' ? seq - 1 : 0, hash: GENESIS_HASH };
    if (typeof hash !== 'string' || rowHash(row, ignore) !== hash) return { ok: false, rows: index, brokenAt: index, reason: 'edited', row };
    if (prevHash !== previous.hash) return { ok: false, rows: index, brokenAt: index, reason: 'link', row };
    if (seq !== previous.seq + 1) return { ok: false, rows: index, brokenAt: index, reason: 'sequence', row };
    previous = { seq: seq as number, hash };
    index++;
  }
  const head = previous ?? { seq: 0, hash: GENESIS_HASH };
  const expected = options.expectedHead;
  if (expected && (head.seq < expected.seq || (head.seq === expected.seq && head.hash !== expected.hash))) {
    return { ok: false, rows: index, brokenAt: index, reason: 'head', row: null };
  }
  return { ok: true, rows: index, headHash: head.hash, headSeq: head.seq, unchained };
}
