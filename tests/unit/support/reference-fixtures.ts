import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadReferenceBundle, type ReferenceBundle } from '../../../shared/reference';

export const REFERENCE_DIR = path.resolve(__dirname, '../../../resources/reference');

/** The factory files as parsed JSON, keyed by file name, exactly as the app would read them. */
export function factoryFiles(): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const name of readdirSync(REFERENCE_DIR).filter((n) => n.endsWith('.json'))) {
    files[name] = JSON.parse(readFileSync(path.join(REFERENCE_DIR, name), 'utf8'));
  }
  return files;
}

let cached: ReferenceBundle | undefined;

/** The validated factory bundle; throws with the issues if the shipped data is invalid. */
export function factoryBundle(): ReferenceBundle {
  if (cached) return cached;
  const result = loadReferenceBundle(factoryFiles());
  if (!result.ok) throw new Error(`Factory reference data is invalid: ${JSON.stringify(result.issues, null, 2)}`);
  cached = result.bundle;
  return cached;
}
