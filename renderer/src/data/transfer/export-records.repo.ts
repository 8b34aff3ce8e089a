import { db } from '../schema';
import type { BundleRecord } from '../../../../shared/transfer/bundle';
import { comparableHash } from './records.repo';

/**
 * Remembers what a saved bundle held as the version shared with the other side: a record changed here
 * afterwards, and different in a bundle that comes back, is a conflict rather than a silent overwrite.
 */
export async function recordExported(bundleId: string, records: readonly BundleRecord[], now = new Date()): Promise<void> {
  const at = now.toISOString();
  const rows = [];
  for (const r of records) {
    if (r.table === 'audit') continue;
    rows.push({ table: r.table, key: r.key, hash: await comparableHash(r.row), bundleId, at, direction: 'export' as const });
  }
  await db().transferSync.bulkPut(rows);
}
