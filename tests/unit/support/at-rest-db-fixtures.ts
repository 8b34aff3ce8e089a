import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { AryzDb } from '../../../renderer/src/data/schema';
import { selectDb } from './db-fixtures';

let n = 0;

/** An app database (the one the data layer uses) and a raw view of the same IndexedDB (no middleware: what lies on disk). */
export async function dbWithRawView(): Promise<{ db: AryzDb; raw: () => Promise<Dexie>; indexedDB: IDBFactory; name: string }> {
  const indexedDB = new IDBFactory();
  const name = `at-rest-${++n}`;
  const db = selectDb(new AryzDb(name, { indexedDB, IDBKeyRange }));
  await db.open();
  return {
    db,
    indexedDB,
    name,
    raw: async () => {
      const view = new Dexie(name, { indexedDB, IDBKeyRange });
      await view.open();
      return view;
    },
  };
}

/** Every string inside a stored row, however deep. */
export function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}
