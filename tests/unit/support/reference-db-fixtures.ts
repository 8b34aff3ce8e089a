import { ensureReference } from '../../../renderer/src/data/reference/reference.repo';
import { factoryBundle } from './reference-fixtures';
import { freshDb } from './db-fixtures';

export const clone = <T>(value: T): T => structuredClone(value);

/** A database holding the factory reference data as version 1, as on first run. */
export async function seededDb() {
  const db = freshDb();
  await ensureReference({ getFactoryReference: async () => ({ ok: true as const, value: factoryBundle() }) });
  return db;
}
