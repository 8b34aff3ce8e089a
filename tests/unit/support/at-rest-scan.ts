import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface PlainHit {
  file: string;
  value: string;
  encoding: 'utf8' | 'utf16le';
}

/** Every file under `dir` (links are not followed). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info) continue;
    if (info.isDirectory()) out.push(...filesUnder(file));
    else if (info.isFile()) out.push(file);
  }
  return out;
}

/**
 * Where any of `values` lies readable under `dir`, in UTF-8 or UTF-16LE (what Chromium and Windows tools write).
 * Tests first show it finds them in a plain control copy, so an empty answer means something.
 */
export function findPlainValues(dir: string, values: readonly string[]): PlainHit[] {
  const hits: PlainHit[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const value of values) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(value, encoding))) hits.push({ file: path.relative(dir, file), value, encoding });
      }
    }
  }
  return hits;
}
