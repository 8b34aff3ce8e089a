import Dexie, { type EntityTable } from 'dexie';
import type { CaseworkerProfile, MissionSettings } from '../../../shared/settings/schema';

export type SettingsRow =
  | { key: 'mission'; value: MissionSettings; updatedAt: string }
  | { key: 'caseworker'; value: CaseworkerProfile; updatedAt: string };

export const DB_NAME = 'aryz';

/**
 * The case database. Every schema change is a new `version(n)` below the previous ones, never an edit of
 * an old one, and any upgrade function must be safe to run twice.
 */
export class AryzDb extends Dexie {
  settings!: EntityTable<SettingsRow, 'key'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      settings: 'key',
    });
  }
}

let instance: AryzDb | null = null;
export function db(): AryzDb {
  instance ??= new AryzDb();
  return instance;
}
