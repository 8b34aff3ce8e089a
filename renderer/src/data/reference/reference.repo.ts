import { useLiveQuery } from 'dexie-react-hooks';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import type { AryzApi } from '../../../../shared/ipc/contract';
import { IpcCallError } from '../../../../shared/ipc/result';
import { db as defaultDb, type AryzDb } from '../schema';

/** The reference data in force: the highest stored version. */
export async function currentReference(db: AryzDb): Promise<ReferenceBundle | undefined> {
  return (await db.referenceVersions.orderBy('version').last())?.bundle;
}

/**
 * The reference data in force; on first run the factory data shipped with the app is fetched from main
 * and stored as the first version, so every later edit is a new version on top of it.
 */
export async function ensureReference(db: AryzDb, api: Pick<AryzApi, 'getFactoryReference'>): Promise<ReferenceBundle> {
  const current = await currentReference(db);
  if (current) return current;
  const factory = await api.getFactoryReference({});
  if (!factory.ok) throw new IpcCallError(factory.error, 'reference data unavailable');
  await db.transaction('rw', db.referenceVersions, async () => {
    if ((await db.referenceVersions.count()) === 0) {
      await db.referenceVersions.add({ version: factory.value.version, bundle: factory.value, at: new Date().toISOString(), who: 'factory' });
    }
  });
  return (await currentReference(db))!;
}

export function useReference(): ReferenceBundle | undefined {
  return useLiveQuery(() => currentReference(defaultDb()), []);
}

export async function referenceHistory(db: AryzDb) {
  return db.referenceVersions.orderBy('version').reverse().toArray();
}
