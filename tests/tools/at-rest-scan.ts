import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

/** One seeded value found in a file on disk. */
export interface AtRestHit {
  file: string;
  value: string;
  encoding: 'utf-8' | 'utf-16le';
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

/**
 * Finds seeded values (ПИН, document numbers, surnames) in every file under `dirs`, as UTF-8 and as UTF-16LE
 * (V8 serialises a string IndexedDB stores as Latin-1 or UTF-16, so Cyrillic lands in UTF-16LE). Only runs of
 * the characters the values are made of are looked at, each window of a value's length in a set, so ten
 * thousand values over a large profile cost seconds, not hours.
 */
export function scanForValues(dirs: readonly string[], values: readonly string[]): AtRestHit[] {
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
            if (wanted.has(window) && !found.has(`${encoding}:${window}`)) {
              found.add(`${encoding}:${window}`);
              hits.push({ file, value: window, encoding });
            }
          }
        }
      }
    }
  }
  return hits;
}
