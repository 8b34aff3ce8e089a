import { REFERENCE_TABLES, type ReferenceChange, type ReferenceTable } from '../../../../shared/reference/versioning';
import type { AuditRow, ReferenceVersionRow } from '../../data/schema';
import { UPGRADE_NOTE } from '../../data/reference/reference-upgrade.repo';

export type VersionKind = 'factory' | 'edit' | 'reset_to_factory' | 'upgrade';

export interface VersionEntry {
  version: number;
  at: string;
  /** Who made it; null for the factory data stored on first run and for the app's own upgrades. */
  who: string | null;
  kind: VersionKind;
  /** Rows this version changed, from its audit entry (none for the first version). */
  changes: ReferenceChange[];
}

/** The first version is stored with this in place of a caseworker's name (reference-store's ensureReference). */
const FACTORY_WHO = 'factory';

/** An audit change's field is `<table>.<row id>`; ids may themselves contain dots, table names never do. */
function changeOf(change: AuditRow['changes'][number]): ReferenceChange | null {
  const dot = change.field.indexOf('.');
  const table = change.field.slice(0, dot);
  if (dot < 0 || !(REFERENCE_TABLES as readonly string[]).includes(table)) return null;
  const kind = change.before === null ? 'added' : change.after === null ? 'removed' : 'changed';
  return { table: table as ReferenceTable, id: change.field.slice(dot + 1), change: kind };
}

/** Versions, newest first, each with what its audit entry says changed. */
export function versionEntries(versions: readonly Pick<ReferenceVersionRow, 'version' | 'at' | 'who'>[], audit: readonly AuditRow[]): VersionEntry[] {
  const byVersion = new Map<string, AuditRow>();
  for (const row of audit) if (row.entity === 'reference') byVersion.set(row.entityId, row);
  return [...versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => {
      const entry = byVersion.get(String(v.version));
      const kind: VersionKind =
        entry?.note === 'reset_to_factory' ? 'reset_to_factory' : entry?.note === UPGRADE_NOTE ? 'upgrade' : entry ? 'edit' : 'factory';
      return {
        version: v.version,
        at: v.at,
        // The factory data and the app's own upgrades were made by nobody at the mission.
        who: (v.who === FACTORY_WHO && !entry) || kind === 'upgrade' ? null : v.who,
        kind,
        changes: entry ? entry.changes.map(changeOf).filter((c): c is ReferenceChange => c !== null) : [],
      };
    });
}
