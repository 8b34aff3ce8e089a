import { db } from '../schema';
import type { BundleRecord } from '../../../../shared/transfer/bundle';
import { caseContent, keyOf, OPTIONAL_TABLES, personContent, recordOfAudit, rowsForCases, tableIfPresent } from './records.repo';

export interface Gathered {
  records: BundleRecord[];
  /** Content hashes of attachment files to put into the bundle. */
  attachments: string[];
  caseCount: number;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Everything that makes up the chosen cases: each case with its person, requests, register checks and audit
 * trail, and — where those features are installed — generated documents, outgoing-register rows and
 * attachment rows with their files. Persons shared by several chosen cases are carried once.
 */
export async function gatherCases(caseIds: readonly string[]): Promise<Gathered> {
  const ids = [...new Set(caseIds)];
  const cases = (await db().cases.bulkGet(ids)).filter((c) => c !== undefined);
  const found = cases.map((c) => c.id);
  const personIds = [...new Set(cases.map((c) => c.personId))];
  const persons = (await db().persons.bulkGet(personIds)).filter((p) => p !== undefined);
  const [requests, checks, audit] = await Promise.all([
    db().requests.where('caseId').anyOf(found).toArray(),
    db().checks.where('caseId').anyOf(found).toArray(),
    db().audit.where('caseId').anyOf(found).toArray(),
  ]);
  const records: BundleRecord[] = [
    ...persons.map((p) => ({ table: 'persons' as const, key: p.id, row: personContent(p) })),
    ...cases.map((c) => ({ table: 'cases' as const, key: c.id, row: caseContent(c) })),
    ...requests.map((r) => ({ table: 'requests' as const, key: r.id, row: JSON.parse(JSON.stringify(r)) as Record<string, unknown> })),
    ...checks.map((c) => ({ table: 'checks' as const, key: c.id, row: JSON.parse(JSON.stringify(c)) as Record<string, unknown> })),
  ];
  // The same audit entry twice (identical content) is one record.
  const auditKeys = new Set<string>();
  for (const row of audit.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
    const record = await recordOfAudit(row);
    if (auditKeys.has(record.key)) continue;
    auditKeys.add(record.key);
    records.push(record);
  }
  const attachments = new Set<string>();
  for (const name of OPTIONAL_TABLES) {
    const table = tableIfPresent(name);
    if (!table) continue;
    for (const row of await rowsForCases(table, found)) {
      const content = JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
      records.push({ table: name, key: keyOf(table, row), row: content });
      // A trashed attachment travels as a row; its file only while it is not deleted.
      if (name === 'attachments' && !row.deletedAt && typeof row.sha256 === 'string' && SHA256.test(row.sha256)) attachments.add(row.sha256);
    }
  }
  return { records, attachments: [...attachments], caseCount: cases.length };
}
