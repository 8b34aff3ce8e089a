import { activeDbName } from './active-db';
import { DB_NAME, db } from './schema';

/**
 * What the screens may know of the app's database without holding it: its name and schema version (the upgrade
 * backup, the report worker, a restore's compatibility check) and closing it before a restore reloads the app.
 */
export const appDbName = (): string => db().name;

/** The name the restore pointer names, before the database is opened (the pre-upgrade backup). */
export const pointedDbName = (): string => activeDbName(DB_NAME);

export const appDbVersion = (): number => db().verno;

export function closeAppDb(): void {
  db().close();
}
