import { db } from './schema';
import type Dexie from 'dexie';
import { chainRow, GENESIS_HASH, verifyChain, type ChainVerdict } from '../../../shared/audit/chain';
import type { AuditCheck } from '../../../shared/ipc/channels/backup';
import { currentAccount } from '../lib/session';
import type { ActAction, ActEntity, AryzDb, AuditRow, SessionAction } from './schema';

/** An audit row as a write describes it; the chain numbers it (`seq`) and links it (`prevHash`, `hash`). */
export type AuditEntry = Omit<AuditRow, 'seq' | 'prevHash' | 'hash'>;

/** The audit trail of sign-in, lock and sign-out: not a case's, not the mission's reference trail. */
export const SESSION_TRAIL = '~session';

/** The last row's link; a row from before the chain links as the genesis (verifyChain's allowUnchainedPrefix). */
async function lastLink(target: AryzDb): Promise<{ seq: number; hash: string }> {
  const last = await target.audit.orderBy(':id').last();
  return last ? { seq: last.seq!, hash: last.hash ?? GENESIS_HASH } : { seq: 0, hash: GENESIS_HASH };
}

/**
 * Appends rows to the hash chain inside one transaction on the audit table (joining the caller's): reading the last
 * link and adding after it cannot interleave with another writer, and a racing add would hit the same `seq` key.
 * `target` is the app's database, or a restored one recorded before the switch (recordActIn).
 */
async function appendChained(target: AryzDb, entries: readonly AuditEntry[]): Promise<number> {
  return target.transaction('rw', target.audit, async () => {
    let previous = await lastLink(target);
    const rows: AuditRow[] = [];
    // «Кто» is the signed-in account: its id goes with every row (names may repeat over the years, ids do not).
    const accountId = currentAccount()?.accountId;
    for (const entry of entries) {
      const stamped = entry.accountId || !accountId ? entry : { ...entry, accountId };
      const row = chainRow(stamped, previous) as AuditRow & { seq: number; hash: string };
      rows.push(row);
      previous = row;
    }
    await target.audit.bulkAdd(rows);
    return previous.seq;
  });
}

/**
 * The one place an audit row is written. Every write of the case base records itself through here, inside the
 * transaction of the change it records (the caller's `db.transaction(…)` must include `db.audit`), so a change and
 * its audit row land together or not at all. This is the seam where the encryption codec (issue 16: rows sealed
 * before they reach IndexedDB) and a sync engine (each audited change shipped to another PC) will attach: they
 * see every write here, in order, without each repository having to know about them.
 */
export async function writeAudit(entry: AuditEntry): Promise<number> {
  return appendChained(db(), [entry]);
}

/** Several audit rows of one write (a bulk creation, a transfer), in one call; same rules as `writeAudit`. */
export async function writeAudits(entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length) await appendChained(db(), entries);
}

/** The audit trail of one case, oldest first; `''` is the mission's own trail (reference data, templates, numbering). */
export async function auditFor(caseId: string): Promise<AuditRow[]> {
  return db().audit.where('caseId').equals(caseId).sortBy('seq');
}

/** Sign-in, lock and sign-out events main kept while the audit was locked, written into the chain. */
export async function writeSessionEvents(events: readonly { at: string; kind: SessionAction; accountId: string; accountName: string; detail?: string }[]): Promise<void> {
  await writeAudits(
    events.map((e) => ({ at: e.at, who: e.accountName, accountId: e.accountId, caseId: SESSION_TRAIL, entity: 'session' as const, entityId: e.accountId, action: e.kind, changes: [], ...(e.detail ? { note: e.detail } : {}) })),
  );
}

/** What an act records: the case it concerns ('' for none), what was acted on and a short description. */
export interface Act {
  action: ActAction;
  entity: ActEntity | 'case' | 'document' | 'reference';
  entityId: string;
  caseId?: string;
  note?: string;
}

/** The trail of acts that concern no single case (exports of lists, reports, backups, transfers). */
export const ACTS_TRAIL = '~acts';

/**
 * Records an act that changes no row (opening a case, an export, a print, a backup…) as the signed-in account.
 * Its own transaction: there is no change for it to land with.
 */
export async function recordAct(act: Act, now: Date = new Date()): Promise<void> {
  await recordActIn(db(), act, now);
}

/** recordAct into a database that is not (yet) the app's: a restored one, recorded before the switch. */
export async function recordActIn(target: AryzDb, act: Act, now: Date = new Date()): Promise<void> {
  const account = currentAccount();
  await appendChained(target, [{
    at: now.toISOString(),
    who: account?.name ?? 'system',
    caseId: act.caseId ?? ACTS_TRAIL,
    entity: act.entity,
    entityId: act.entityId,
    action: act.action,
    changes: [],
    ...(act.note ? { note: act.note } : {}),
  }]);
}

/** The newest rows of the whole audit, newest first (the administrator's activity log). */
export async function recentAudit(limit: number): Promise<AuditRow[]> {
  return db().audit.orderBy(':id').reverse().limit(limit).toArray();
}

/**
 * Walks the whole audit in order and names the first row whose content, link or position no longer fits (a row
 * edited, removed or inserted outside the app). `expectedHead` is the head recorded at the last backup, if any.
 */
export async function verifyAudit(expectedHead?: { seq: number; hash: string }): Promise<ChainVerdict> {
  return verifyAuditOf(db(), expectedHead);
}

/** verifyAudit of any Dexie database with the audit table: a restored one, or an older version before its upgrade. */
export async function verifyAuditOf(target: Dexie, expectedHead?: { seq: number; hash: string }): Promise<ChainVerdict> {
  const rows = await target.table<AuditRow>('audit').orderBy(':id').toArray();
  return verifyChain(rows, { allowUnchainedPrefix: true, ...(expectedHead ? { expectedHead } : {}) });
}

/** The position (seq) of the row where a chain broke, or the row after the end when rows were cut from it. */
export function brokenSeqOf(verdict: Extract<ChainVerdict, { ok: false }>): number {
  const seq = (verdict.row as { seq?: unknown } | null)?.seq;
  return typeof seq === 'number' ? seq : verdict.brokenAt + 1;
}

/** A verdict in the shape a backup's manifest keeps. */
export function auditCheckOf(verdict: ChainVerdict): AuditCheck {
  return verdict.ok
    ? { ok: true, rows: verdict.rows, headSeq: verdict.headSeq, headHash: verdict.headHash }
    : { ok: false, rows: verdict.rows, brokenSeq: brokenSeqOf(verdict), reason: verdict.reason };
}

/** A short, language-neutral note of a check for an audit row (the log shows it as it is). */
export function auditCheckNote(check: AuditCheck | null): string {
  if (!check) return 'audit: not checked';
  return check.ok ? `audit: intact, ${check.rows} rows` : `audit: BROKEN at row ${check.brokenSeq} (${check.reason})`;
}
