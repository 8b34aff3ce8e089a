import { db } from '../schema';
import { writeAudit } from '../audit.repo';
import { upgradeStoredReference } from '../../../../shared/reference/upgrade';
import { commitReferenceEdit, referenceRow } from '../../../../shared/reference/versioning';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import type { AryzApi } from '../../../../shared/ipc/contract';

/** The audit note of a version the app made itself to bring stored data up to what this release needs. */
export const UPGRADE_NOTE = 'upgrade_factory_arguments';
/** Who made such a version: the app, not a caseworker. */
export const SYSTEM_WHO = 'system';

/**
 * Adds the factory letter arguments to causes stored before arguments existed, and the reference dates to data
 * stored before dates existed (shared/reference/upgrade), as a new
 * reference version audited like an edit, so the history shows what the app added and when. Runs in one
 * transaction against the version in force at that moment; a second run finds nothing to add and stores nothing.
 * Data the upgrade would make invalid is not stored: the version in force stays, and the reason is thrown.
 */
export async function upgradeReferenceData(api: Pick<AryzApi, 'getFactoryReference'>): Promise<ReferenceBundle> {
  const factory = await api.getFactoryReference({});
  if (!factory.ok) throw new Error(`reference data unavailable: ${factory.error.code}`);
  return db().transaction('rw', [db().referenceVersions, db().audit], async () => {
    // Read here rather than through ./reference.repo, which loads this module on demand (no import cycle).
    const current = (await db().referenceVersions.orderBy('version').last())?.bundle;
    if (!current) throw new Error('no reference data stored yet');
    const upgrade = upgradeStoredReference(current, factory.value);
    if (!upgrade) return current;
    const at = new Date().toISOString();
    const result = commitReferenceEdit(current, upgrade.bundle, at);
    if (!result.ok) throw new Error(`reference upgrade refused: ${result.issues.map((i) => `${i.path} ${i.code}`).join('; ')}`);
    if (result.bundle.version === current.version) return current;
    await db().referenceVersions.add({ version: result.bundle.version, bundle: result.bundle, at, who: SYSTEM_WHO });
    await writeAudit({
      at,
      who: SYSTEM_WHO,
      caseId: '',
      entity: 'reference',
      entityId: String(result.bundle.version),
      action: 'update',
      changes: result.changes.map((c) => ({ field: `${c.table}.${c.id}`, before: referenceRow(current, c.table, c.id), after: referenceRow(result.bundle, c.table, c.id) })),
      note: UPGRADE_NOTE,
    });
    return result.bundle;
  });
}
