import type { IDBFactory } from 'fake-indexeddb';

type StoreShape = { keyPath: unknown; autoIncrement: boolean; indexes: Record<string, { keyPath: unknown; unique: boolean; multiEntry: boolean }> };

/** The schema IndexedDB itself holds for a database (not Dexie's idea of it), and its raw version. */
export async function rawSchema(indexedDB: IDBFactory, name: string): Promise<{ version: number; stores: Record<string, StoreShape> }> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const stores: Record<string, StoreShape> = {};
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names);
  for (const storeName of names) {
    const store = tx.objectStore(storeName);
    const indexes: StoreShape['indexes'] = {};
    for (const indexName of [...store.indexNames]) {
      const index = store.index(indexName);
      indexes[indexName] = { keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    }
    stores[storeName] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  }
  const version = idb.version;
  idb.close();
  return { version, stores };
}
