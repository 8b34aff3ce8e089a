import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadReferenceBundle, REFERENCE_FILES } from '../../../shared/reference/load';
import type { ReferenceBundle } from '../../../shared/reference/schema';
import { HandlerError } from '../ipc/dispatch';

let cached: { dir: string; bundle: Promise<ReferenceBundle> } | null = null;

/**
 * Reads and validates the shipped reference files once per folder. A damaged or missing file is an
 * installation problem: it is logged with the file and path at fault and reported as IO_ERROR.
 */
export function loadFactoryReference(dir: string): Promise<ReferenceBundle> {
  if (cached?.dir === dir) return cached.bundle;
  const bundle = (async () => {
    const files: Record<string, unknown> = {};
    for (const name of Object.values(REFERENCE_FILES)) {
      try {
        files[name] = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
      } catch (error) {
        console.error(`reference data: cannot read ${name}`, error);
        throw new HandlerError('IO_ERROR');
      }
    }
    const result = loadReferenceBundle(files);
    if (!result.ok) {
      console.error('reference data: invalid factory files', JSON.stringify(result.issues.slice(0, 20)));
      throw new HandlerError('IO_ERROR');
    }
    return result.bundle;
  })();
  cached = { dir, bundle };
  bundle.catch(() => {
    if (cached?.bundle === bundle) cached = null;
  });
  return bundle;
}
