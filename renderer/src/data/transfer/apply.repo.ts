import { db } from '../schema';
import { writeAudit, writeAudits } from '../audit.repo';
import type { Table } from 'dexie';
import type { CaseRecord } from '../../../../shared/case/schema';
import { canonicalJson } from '../../../../shared/transfer/canonical';
import type { TransferTable } from '../../../../shared/transfer/bundle';
import type { AuditRow, CaseRow, FieldChange, PersonRow } from '../schema';
import { caseRow, personRow } from '../cases/case-rows';
import { allocateCaseNumbers, stripDerived, type Actor } from '../cases/cases.repo';
import { refreshCaseTracking } from '../tracking/requests.repo';
import { trackingInputFor, trackingTables } from '../tracking/tracking-input.repo';
import { mergedRow, recordSide, type Choices } from './choices';
import { recordChanges } from './diff';
import type { MergePlan, PlanItem } from './plan.repo';
import { ROW_SCHEMAS } from '../../../../shared/transfer/bundle';
import { caseContent, keyValue, OPTIONAL_TABLES, personContent, tableIfPresent } from './records.repo';

/** The data here changed between the preview and the confirmation: nothing was written, preview again. */
export class TransferStaleError extends Error {
  constructor(readonly itemId: string) {
    super(`Changed since the preview: ${itemId}`);
  }
}

/** Fields chosen from both sides do not make a valid record together: nothing was written. */
export class TransferMergeError extends Error {
  constructor(readonly itemId: string) {
    super(`The chosen fields do not make a valid record: ${itemId}`);
  }
}

export interface ApplyResult {
  written: number;
  kept: number;
  historyAdded: number;
  renumbered: { caseId: string; from: string; to: string }[];
}

type Row = Record<string, unknown>;

/** What an audit note says about a merged record; the screen words it in the caseworker's language. */
export type MergeDecision = 'new' | 'update' | 'chose_theirs' | 'kept_ours' | 'merged_fields' | 'renumbered';
export type DescribeMerge = (decision: MergeDecision, source: MergePlan['manifest']) => string;

const plainNote: DescribeMerge = (decision, m) => `${decision} · ${m.bundleId} · ${m.source.missionName || m.source.missionId} · ${m.source.caseworker} · ${m.createdAt}`;

const ENTITY: Partial<Record<TransferTable, AuditRow['entity']>> = { cases: 'case', persons: 'person', requests: 'request', checks: 'check' };

/** What each planned record ends as: written from the bundle, merged field by field, kept as it is here, or left alone. */
export function decisionOf(item: PlanItem, choices: Choices): 'write' | 'merge' | 'keep' | 'skip' {
  if (item.kind === 'new' || item.kind === 'update') return 'write';
  if (item.kind !== 'conflict') return 'skip';
  const side = recordSide(item, choices);
  return side === 'theirs' ? 'write' : side === 'ours' ? 'keep' : 'merge';
}

async function currentContent(item: PlanItem): Promise<Row | null> {
  switch (item.table) {
    case 'cases': {
      const row = await db().cases.get(item.key);
      return row ? caseContent(row) : null;
    }
    case 'persons': {
      const row = await db().persons.get(item.key);
      return row ? personContent(row) : null;
    }
    case 'requests':
      return ((await db().requests.get(item.key)) as Row | undefined) ?? null;
    case 'checks':
      return ((await db().checks.get(item.key)) as Row | undefined) ?? null;
    default: {
      const table = tableIfPresent(item.table);
      return table ? ((await table.get(keyValue(table, item.key))) ?? null) : null;
    }
  }
}

/**
 * Writes an import as the caseworker confirmed it, in one transaction: new and updated records, the chosen
 * side of each conflict, the bundle's history entries this PC lacks, every case's derived fields
 * recomputed, one audit entry per merged record (before → after, naming the bundle), and the shared
 * versions remembered for the next exchange. Anything failing — including data changed here since the
 * preview — rolls all of it back.
 */
export async function applyPlan(
  plan: MergePlan,
  choices: Choices,
  actor: Actor,
  now = new Date(),
  describe: DescribeMerge = plainNote,
): Promise<ApplyResult> {
  const at = now.toISOString();
  const { manifest } = plan;
  const optional = OPTIONAL_TABLES.map((name) => tableIfPresent(name)).filter((t): t is Table<Row, unknown> => t !== null);
  const tables = [db().cases, db().persons, db().audit, db().counters, db().transferSync, ...trackingTables(), ...optional];
  const result: ApplyResult = { written: 0, kept: 0, historyAdded: 0, renumbered: [] };

  await db().transaction('rw', tables, async () => {
    const touchedCases = new Set<string>();
    const caseWrites: PlanItem[] = [];
    const audit: AuditRow[] = [];
    const auditFor = (item: PlanItem, changes: FieldChange[], decision: MergeDecision) =>
      audit.push({
        at,
        who: actor.who,
        caseId: item.caseId,
        entity: ENTITY[item.table] ?? (item.table as AuditRow['entity']),
        entityId: item.key,
        action: 'transfer',
        changes,
        note: describe(decision, manifest),
      });

    for (const item of plan.items) {
      if (item.kind === 'unsupported') continue;
      if (item.table === 'audit') {
        if (item.kind === 'new') {
          await writeAudit(item.theirs as unknown as AuditRow);
          result.historyAdded++;
        }
        continue;
      }
      const decision = decisionOf(item, choices);
      // The preview compared against what was here then; refuse to overwrite anything edited since. Compared as
      // canonical text, not hashed: Web Crypto inside an IndexedDB transaction would let it commit early.
      const current = await currentContent(item);
      if ((current === null) !== (item.ours === null) || (current !== null && canonicalJson(current) !== canonicalJson(item.ours))) {
        throw new TransferStaleError(item.id);
      }
      if (decision === 'keep') {
        result.kept++;
        auditFor(item, [], 'kept_ours');
      }
      if (decision !== 'write' && decision !== 'merge') continue;
      result.written++;
      let row = item.theirs;
      if (decision === 'merge') {
        row = { ...mergedRow(item, choices), ...('updatedAt' in item.theirs ? { updatedAt: at } : {}) };
        if (!ROW_SCHEMAS[item.table].safeParse(row).success) throw new TransferMergeError(item.id);
      }
      // A record new here has no before; the entry says where it came from, the record itself is the after.
      const changes = item.ours === null ? [] : recordChanges(item.table, item.ours, row);
      auditFor(item, changes, decision === 'merge' ? 'merged_fields' : item.kind === 'conflict' ? 'chose_theirs' : item.kind === 'new' ? 'new' : 'update');
      touchedCases.add(item.caseId);
      switch (item.table) {
        case 'cases':
          caseWrites.push({ ...item, theirs: row });
          break;
        case 'persons': {
          const { createdAt, updatedAt, ...data } = row as unknown as PersonRow;
          const person = stripDerived({ ...(data as PersonRow), pinKey: '', docKeys: [], dupKeys: [], createdAt, updatedAt });
          await db().persons.put(personRow(person, createdAt, updatedAt));
          break;
        }
        case 'requests':
          await db().requests.put(row as never);
          break;
        case 'checks':
          await db().checks.put(row as never);
          break;
        default:
          await tableIfPresent(item.table)!.put(row);
      }
    }

    for (const item of caseWrites) {
      const { diagnosis, duplicateOverride, ...record } = item.theirs as unknown as CaseRow;
      let number = record.number;
      // Two PCs of one mission number from the same prefix: a number already used here by another case is replaced.
      const holder = await db().cases.where('number').equals(number).first();
      if (holder && holder.id !== record.id) {
        const [next] = await allocateCaseNumbers(actor.missionPrefix, new Date(record.createdAt).getFullYear(), 1);
        result.renumbered.push({ caseId: record.id, from: number, to: next! });
        audit.push({ at, who: actor.who, caseId: record.id, entity: 'case', entityId: record.id, action: 'transfer', changes: [{ field: 'case.number', before: number, after: next }], note: describe('renumbered', manifest) });
        number = next!;
      }
      const person = await db().persons.get(record.personId);
      if (!person) throw new Error(`Person ${record.personId} missing for case ${record.id}`);
      const extras = { ...(diagnosis ? { diagnosis } : {}), ...(duplicateOverride ? { duplicateOverride } : {}) };
      await db().cases.put(caseRow({ ...(record as CaseRecord), number }, stripDerived(person), extras, await trackingInputFor(record.id, now)));
      touchedCases.delete(record.id);
    }
    // Cases kept as they are whose person, requests or checks arrived: their deadlines and search words follow.
    for (const caseId of touchedCases) if (await db().cases.get(caseId)) await refreshCaseTracking(caseId, now);

    await writeAudits(audit);
    await db().transferSync.bulkPut(
      plan.items
        .filter((item) => item.kind !== 'unsupported' && item.table !== 'audit')
        .map((item) => ({ table: item.table, key: item.key, hash: item.theirsHash, bundleId: manifest.bundleId, at, direction: 'import' as const })),
    );
  });
  return result;
}
