import type { CaseStatus, StatusChange } from '../../../../shared/case/schema';
import { ACT_ACTIONS } from '../../data/row-values';
import type { AuditRow, FieldChange } from '../../data/schema';

/**
 * One timeline of a case from its status history and its audit trail. Status changes made in this program
 * are in both (the audit row says who); the history's own entries still matter for statuses that came
 * without an audit row (imported or older data), so each status entry is shown once, from the audit when it can be.
 */

interface Base {
  key: string;
  at: string;
  /** Caseworker's name; null when no audit row says who. */
  who: string | null;
}

export type HistoryEntry =
  | (Base & { kind: 'created'; number: string; status: CaseStatus | null })
  | (Base & { kind: 'status'; from: CaseStatus | null; to: CaseStatus; note: string })
  | (Base & { kind: 'update'; entity: AuditRow['entity']; entityId: string; changes: FieldChange[]; note: string })
  | (Base & { kind: 'override'; reason: string; matchedCaseIds: string[] });

const time = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
};

function fromAudit(row: AuditRow): HistoryEntry {
  const base = { key: `a${row.seq ?? `${row.at}-${row.action}`}`, at: row.at, who: row.who };
  switch (row.action) {
    case 'create':
      // Requests and checks are created too; only the case's own creation opens its history.
      if (row.entity !== 'case') return { ...base, kind: 'update', entity: row.entity, entityId: row.entityId, changes: row.changes, note: row.note ?? '' };
      return { ...base, kind: 'created', number: row.note ?? '', status: null };
    case 'status': {
      const change = row.changes.find((c) => c.field === 'status');
      return { ...base, kind: 'status', from: (change?.before as CaseStatus | undefined) ?? null, to: change?.after as CaseStatus, note: row.note ?? '' };
    }
    case 'duplicate_override': {
      const matched = row.changes.find((c) => c.field === 'duplicateOf')?.after;
      return { ...base, kind: 'override', reason: row.note ?? '', matchedCaseIds: Array.isArray(matched) ? matched.map(String) : [] };
    }
    default:
      return { ...base, kind: 'update', entity: row.entity, entityId: row.entityId, changes: row.changes, note: row.note ?? '' };
  }
}

/** Newest first; entries of the same moment keep the order they were written in, newest first too. */
export function buildHistory(statusHistory: readonly StatusChange[], audit: readonly AuditRow[]): HistoryEntry[] {
  // Acts (the case opened, a letter printed) changed nothing: they are in the activity log, not the case's history.
  const changes = audit.filter((row) => !(ACT_ACTIONS as readonly string[]).includes(row.action));
  const ordered = changes.map((row, i) => ({ entry: fromAudit(row), order: row.seq ?? i }));
  const sameMoment = (a: string, b: string) => time(a) === time(b);
  statusHistory.forEach((change, i) => {
    const audited = ordered.find(({ entry }) => entry.kind === 'status' && entry.to === change.status && sameMoment(entry.at, change.at));
    if (audited) return;
    const created = i === 0 ? ordered.find(({ entry }) => entry.kind === 'created' && sameMoment(entry.at, change.at)) : undefined;
    if (created && created.entry.kind === 'created') {
      created.entry.status = change.status;
      return;
    }
    ordered.push({
      entry: { key: `s${i}`, at: change.at, who: null, kind: 'status', from: i > 0 ? statusHistory[i - 1]!.status : null, to: change.status, note: change.note },
      order: -1,
    });
  });
  return ordered.sort((a, b) => time(b.entry.at) - time(a.entry.at) || b.order - a.order).map(({ entry }) => entry);
}
