import type { AryzDb, AuditRow } from './schema';

/** An audit row as a write describes it; the database numbers it (`seq`). */
export type AuditEntry = Omit<AuditRow, 'seq'>;

/**
 * The one place an audit row is written. Every write of the case base records itself through here, inside the
 * transaction of the change it records (the caller's `db.transaction(…)` must include `db.audit`), so a change and
 * its audit row land together or not at all. This is the seam where the encryption codec (issue 16: rows sealed
 * before they reach IndexedDB) and a sync engine (each audited change shipped to another PC) will attach: they
 * see every write here, in order, without each repository having to know about them.
 */
export async function writeAudit(db: AryzDb, entry: AuditEntry): Promise<number> {
  return (await db.audit.add(entry)) as number;
}

/** Several audit rows of one write (a bulk creation, a transfer), in one call; same rules as `writeAudit`. */
export async function writeAudits(db: AryzDb, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length) await db.audit.bulkAdd(entries as AuditEntry[]);
}

/** The audit trail of one case, oldest first; `''` is the mission's own trail (reference data, templates, numbering). */
export async function auditFor(db: AryzDb, caseId: string): Promise<AuditRow[]> {
  return db.audit.where('caseId').equals(caseId).sortBy('seq');
}
