import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { AryzDb } from '../../../renderer/src/data/schema';
import type { Actor } from '../../../renderer/src/data/cases/cases.repo';

let n = 0;
/** A fresh database per test: its own IndexedDB factory, nothing shared. */
export function freshDb(): AryzDb {
  return new AryzDb(`test-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

export const actor: Actor = { who: 'Токтогулов Нурлан', missionId: 'mKR', missionPrefix: 'КР-М' };

export { intake } from '../../fixtures/intakes';
