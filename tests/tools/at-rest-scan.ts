import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

/** One seeded value found in a file on disk. */
export interface AtRestHit {
  file: string;
  value: string;
  encoding: 'utf-8' | 'utf-16le';
  /** What surrounds it in the file (unprintable characters as «·»), for a person to judge a hit. */
  context?: string;
}

/** Every file under `dir` (links are not followed). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Encoded values (hex digests, base64url of sealed values and keyed hashes) are runs at least this long. */
export const ENCODED_RUN = 22;

const isTokenCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** Why a window that equals a seeded value is no hit; null when it is one. */
export type ChanceMatch = 'inside an encoded run' | 'in leveldb\'s own log';

/**
 * Whether text[start, start + length) lies inside a run of at least ENCODED_RUN characters of the hex and
 * base64url alphabets that holds something other than digits: a hex digest (the audit chain's SHA-256 links,
 * content hashes) or the base64url of a sealed value or a keyed hash, which the app writes instead of the value.
 * Seven digits in a row occur there by chance: 10,000 audit rows hold about 24,000 such windows in their links
 * alone, so dozens of 20,000 seeded seven-digit document numbers turn up without anything having been stored.
 * A plain value is bounded by the bytes around it (quotes, a length, a space); a run of digits only (a ПИН
 * holding a document number) is never set aside.
 */
export function insideEncodedRun(text: string, start: number, length: number): boolean {
  for (let i = start; i < start + length; i++) if (!isTokenCode(text.charCodeAt(i))) return false;
  let from = start;
  while (from > 0 && isTokenCode(text.charCodeAt(from - 1))) from--;
  let to = start + length;
  while (to < text.length && isTokenCode(text.charCodeAt(to))) to++;
  if (to - from < ENCODED_RUN) return false;
  for (let i = from; i < to; i++) if (!isDigitCode(text.charCodeAt(i))) return true;
  return false;
}

/** LevelDB's info log (LOG, LOG.old beside the tables): compaction figures such as «2118294 bytes», never data. */
const isLevelDbLog = (file: string) => /^LOG(\.old)?$/.test(path.basename(file));

/**
 * Finds seeded values (ПИН, document numbers, surnames) in every file under `dirs`, as UTF-8 and as UTF-16LE
 * (V8 serialises a string IndexedDB stores as Latin-1 or UTF-16, so Cyrillic lands in UTF-16LE). Only runs of
 * the characters the values are made of are looked at, each window of a value's length in a set, so ten
 * thousand values over a large profile cost seconds, not hours. A window inside an encoded run (see
 * insideEncodedRun) or in LevelDB's info log is a chance match, no hit; `onChance` is told of each, so a run can
 * say how many it set aside and why.
 */
export function scanForValues(dirs: readonly string[], values: readonly string[], onChance: (value: string, file: string, why: ChanceMatch) => void = () => undefined): AtRestHit[] {
  const wanted = new Set(values.filter((v) => v.length >= 4));
  if (wanted.size === 0) return [];
  const lengths = [...new Set([...wanted].map((v) => v.length))];
  const alphabet = [...new Set([...wanted].join(''))].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
  const runs = new RegExp(`[${alphabet}]{${Math.min(...lengths)},}`, 'gu');
  const hits: AtRestHit[] = [];
  for (const file of dirs.flatMap(filesUnder)) {
    let bytes: Buffer;
    try {
      if (statSync(file).size > 1024 * 1024 * 1024) continue;
      bytes = readFileSync(file);
    } catch {
      continue; // a lock file, or one removed meanwhile
    }
    const texts: Array<[AtRestHit['encoding'], string]> = [
      ['utf-8', bytes.toString('utf8')],
      ['utf-16le', bytes.toString('utf16le')],
      // UTF-16LE read from an odd offset: a string inside a record can start anywhere.
      ['utf-16le', bytes.subarray(1).toString('utf16le')],
    ];
    const found = new Set<string>();
    for (const [encoding, text] of texts) {
      for (const match of text.matchAll(runs)) {
        const run = match[0];
        for (const length of lengths) {
          for (let i = 0; i + length <= run.length; i++) {
            const window = run.slice(i, i + length);
            if (!wanted.has(window)) continue;
            const why: ChanceMatch | null = isLevelDbLog(file) ? "in leveldb's own log" : insideEncodedRun(text, match.index + i, length) ? 'inside an encoded run' : null;
            if (why) {
              onChance(window, file, why);
              continue;
            }
            if (!found.has(`${encoding}:${window}`)) {
              found.add(`${encoding}:${window}`);
              const at = match.index + i;
              const context = text.slice(Math.max(0, at - 24), at + length + 24).replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, '·');
              hits.push({ file, value: window, encoding, context });
            }
          }
        }
      }
    }
  }
  return hits;
}
