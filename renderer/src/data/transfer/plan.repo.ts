import { db } from '../schema';
import type { IntakeDraft } from '../../../../shared/case/schema';
import { contentHash } from '../../../../shared/transfer/canonical';
import type { BundleManifest, BundleRecord, TransferTable } from '../../../../shared/transfer/bundle';
import type { AuditRow, CaseRow, PersonRow } from '../schema';
import { findDuplicates, type DuplicateMatch } from '../cases/cases.repo';
import { auditContent, caseContent, comparableHash, keyValue, personContent, recordId, tableIfPresent } from './records.repo';

/**
 * What importing a bundle would do, record by record, decided against this PC's data and what it last
 * shared (transferSync):
 * - new: not here yet;
 * - identical: the same content here (skipped);
 * - update: changed there, unchanged here since it was last shared — theirs replaces ours;
 * - conflict: changed here since it was last shared (or never shared) and different there — the caseworker
 *   chooses; the suggestion is ours when theirs is exactly what was last shared, else the newer one;
 * - unsupported: a table this installation does not have (documents or attachments not installed).
 */
export type ItemKind = 'new' | 'identical' | 'update' | 'conflict' | 'unsupported';
export type Side = 'ours' | 'theirs';

export interface PlanItem {
  id: string;
  table: TransferTable;
  key: string;
  caseId: string;
  kind: ItemKind;
  theirs: Record<string, unknown>;
  /** Comparable hashes (see comparableHash); for history entries, the entry's own hash. */
  theirsHash: string;
  ours: Record<string, unknown> | null;
  oursHash: string | null;
  suggested: Side | null;
}

export interface PlanCase {
  caseId: string;
  number: string;
  personName: string;
  /** Whether the case itself is new here. */
  isNew: boolean;
  /** Cases here of what looks like the same person under another id. */
  duplicates: DuplicateMatch[];
}

export interface MergePlan {
  manifest: BundleManifest;
  items: PlanItem[];
  cases: PlanCase[];
  counts: Record<ItemKind, number>;
}

type Row = Record<string, unknown>;

function localContent(table: TransferTable, row: unknown): Row {
  if (table === 'cases') return caseContent(row as CaseRow);
  if (table === 'persons') return personContent(row as PersonRow);
  return JSON.parse(JSON.stringify(row)) as Row;
}

const updatedAt = (row: Row | null) => (row && typeof row.updatedAt === 'string' ? Date.parse(row.updatedAt) : NaN);

/** Which side to preselect in a conflict. */
function suggest(ours: Row, theirs: Row, theirsHash: string, base: string | undefined): Side {
  if (base === theirsHash) return 'ours';
  const a = updatedAt(ours);
  const b = updatedAt(theirs);
  return Number.isFinite(b) && (!Number.isFinite(a) || b > a) ? 'theirs' : 'ours';
}

async function localRows(table: TransferTable, keys: string[]): Promise<(Row | null)[] | null> {
  switch (table) {
    case 'cases':
      return (await db().cases.bulkGet(keys)).map((r) => (r ? localContent(table, r) : null));
    case 'persons':
      return (await db().persons.bulkGet(keys)).map((r) => (r ? localContent(table, r) : null));
    case 'requests':
      return (await db().requests.bulkGet(keys)).map((r) => (r ? localContent(table, r) : null));
    case 'checks':
      return (await db().checks.bulkGet(keys)).map((r) => (r ? localContent(table, r) : null));
    case 'audit':
      return null; // matched by content hash, see below
    default: {
      const t = tableIfPresent(table);
      if (!t) return null;
      return (await t.bulkGet(keys.map((k) => keyValue(t, k)))).map((r) => (r ? localContent(table, r) : null));
    }
  }
}

/** Plans the import of an opened bundle. Reads only; nothing is written. */
export async function planMerge(manifest: BundleManifest, records: readonly BundleRecord[]): Promise<MergePlan> {
  const byTable = new Map<TransferTable, BundleRecord[]>();
  for (const r of records) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
  const incomingCases = byTable.get('cases') ?? [];
  const caseOfPerson = new Map<string, string>();
  for (const c of incomingCases) if (!caseOfPerson.has(String(c.row.personId))) caseOfPerson.set(String(c.row.personId), c.key);
  const caseIds = incomingCases.map((c) => c.key);

  const bases = new Map<string, string>();
  for (const row of await db().transferSync.bulkGet(records.map((r) => [r.table, r.key] as [string, string]))) {
    if (row) bases.set(recordId(row), row.hash);
  }
  const localAudit = new Set<string>();
  const auditRows: AuditRow[] = await db().audit.where('caseId').anyOf(caseIds).toArray();
  for (const row of auditRows) localAudit.add(await contentHash(auditContent(row)));

  const items: PlanItem[] = [];
  for (const [table, list] of byTable) {
    const locals = await localRows(table, list.map((r) => r.key));
    for (let i = 0; i < list.length; i++) {
      const record = list[i]!;
      const id = recordId(record);
      const theirsHash = table === 'audit' ? record.key : await comparableHash(record.row);
      const caseId = table === 'persons' ? (caseOfPerson.get(record.key) ?? '') : table === 'cases' ? record.key : String(record.row.caseId);
      const base = { id, table, key: record.key, caseId, theirs: record.row, theirsHash };
      if (table === 'audit') {
        items.push({ ...base, kind: localAudit.has(record.key) ? 'identical' : 'new', ours: null, oursHash: null, suggested: null });
        continue;
      }
      if (locals === null) {
        items.push({ ...base, kind: 'unsupported', ours: null, oursHash: null, suggested: null });
        continue;
      }
      const ours = locals[i] ?? null;
      if (ours === null) {
        items.push({ ...base, kind: 'new', ours: null, oursHash: null, suggested: 'theirs' });
        continue;
      }
      const oursHash = await comparableHash(ours);
      const shared = bases.get(id);
      const kind: ItemKind = oursHash === theirsHash ? 'identical' : shared === oursHash ? 'update' : 'conflict';
      items.push({ ...base, kind, ours, oursHash, suggested: kind === 'conflict' ? suggest(ours, record.row, theirsHash, shared) : kind === 'update' ? 'theirs' : null });
    }
  }

  const cases: PlanCase[] = [];
  for (const c of incomingCases) {
    const personId = String(c.row.personId);
    const person = (byTable.get('persons') ?? []).find((p) => p.key === personId)?.row;
    const personItem = items.find((it) => it.table === 'persons' && it.key === personId);
    let duplicates: DuplicateMatch[] = [];
    if (person && personItem?.kind === 'new') {
      const draft = { person, documents: person.documents } as unknown as Pick<IntakeDraft, 'person' | 'documents'>;
      duplicates = (await findDuplicates(draft, personId)).filter((m) => !caseIds.includes(m.caseId));
    }
    const nameRu = (person?.nameRu ?? {}) as Record<string, string>;
    cases.push({
      caseId: c.key,
      number: String(c.row.number),
      personName: [nameRu.surname, nameRu.givenName, nameRu.patronymic].filter(Boolean).join(' '),
      isNew: items.find((it) => it.table === 'cases' && it.key === c.key)?.kind === 'new',
      duplicates,
    });
  }
  const counts: Record<ItemKind, number> = { new: 0, identical: 0, update: 0, conflict: 0, unsupported: 0 };
  for (const item of items) counts[item.kind]++;
  return { manifest, items, cases, counts };
}
