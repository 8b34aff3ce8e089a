import { db } from '../schema';
import { writeAudit } from '../audit.repo';
import type { CaseRecord, IntakeForm } from '../../../../shared/case/schema';
import type { AuditRow, CaseRow, ImportJournalRow, PersonRow } from '../schema';
import { caseRow, personDataFromIntake, personRow } from '../cases/case-rows';
import { allocateCaseNumbers, type Actor } from '../cases/cases.repo';

/** A row the caseworker confirmed, with the form its dry run parsed. */
export interface ImportItem {
  rowNumber: number;
  form: IntakeForm;
}

export type SkipReason = 'errors' | 'excluded' | 'canceled';

export interface ImportPlan {
  fileName: string;
  items: readonly ImportItem[];
  /** Rows not written and why (errors, excluded by the caseworker). */
  skipped: readonly { row: number; reason: SkipReason }[];
}

export interface WriteOptions {
  now?: Date;
  chunkSize?: number;
  newId?: () => string;
  onProgress?: (done: number, total: number) => void;
  /** Asked between chunks: true stops the import there; what was written stays and is audited. */
  shouldStop?: () => boolean;
}

export interface ImportOutcome {
  importId: string;
  status: 'done' | 'canceled';
  created: ImportJournalRow['created'];
  skipped: ImportJournalRow['skipped'];
  auditSeq: number;
}

/** Imports being written in this page: their journals are "running" on purpose, not interrupted. */
const active = new Set<string>();

function auditEntry(journal: ImportJournalRow, at: string): AuditRow {
  return {
    at,
    who: journal.who,
    caseId: '',
    entity: 'import',
    entityId: journal.id,
    action: 'create',
    changes: [
      { field: 'cases', before: null, after: journal.created },
      { field: 'skipped', before: null, after: journal.skipped },
    ],
    note: `${journal.fileName}: ${journal.created.length}/${journal.created.length + journal.skipped.length} (${journal.status})`,
  };
}

/** Parts sort by chunk: `<id>#000001`, `<id>#000002`, … */
const partId = (importId: string, chunk: number) => `${importId}#${String(chunk).padStart(6, '0')}`;

/**
 * Closes a journal with its one audit entry, in one transaction: an import is audited exactly once. The cases
 * listed are the journal's own (a journal written before parts existed lists them there) and its parts', which
 * go once folded in.
 */
async function close(journal: ImportJournalRow, status: ImportJournalRow['status'], now: Date, skipped = journal.skipped): Promise<ImportJournalRow & { auditSeq: number }> {
  return db().transaction('rw', [db().imports, db().audit], async () => {
    const at = now.toISOString();
    const parts = await db().imports.where('id').between(`${journal.id}#`, `${journal.id}#\uffff`).toArray();
    const closed: ImportJournalRow = { ...journal, created: [...journal.created, ...parts.flatMap((part) => part.created)], skipped, status, finishedAt: at };
    await db().imports.bulkDelete(parts.map((part) => part.id));
    await db().imports.put(closed);
    return { ...closed, auditSeq: (await writeAudit(auditEntry(closed, at))) as number };
  });
}

/**
 * Writes the confirmed rows as cases in chunks, one transaction per chunk (persons, cases, the case-number
 * counter and the import's journal together), so stopping between chunks — or a crash — leaves whole
 * cases only, each listed in the journal. At the end (or on stop) ONE audit entry lists every case
 * created and every row skipped. Rows were validated by the dry run; they are parsed forms already.
 */
export async function writeImport(plan: ImportPlan, actor: Actor, options: WriteOptions = {}): Promise<ImportOutcome> {
  const now = options.now ?? new Date();
  const chunkSize = Math.max(1, options.chunkSize ?? 500);
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const at = now.toISOString();
  const journal: ImportJournalRow = {
    id: newId(),
    fileName: plan.fileName,
    who: actor.who,
    startedAt: at,
    status: 'running',
    created: [],
    skipped: plan.skipped.map((s) => ({ row: s.row, reason: s.reason })),
  };
  active.add(journal.id);
  try {
    await db().imports.add(journal);
    // For progress and, on a stop, the rows not written; the journal's parts hold the same for a crash.
    const written: ImportJournalRow['created'] = [];
    let stopped = false;
    for (let start = 0, chunkNo = 1; start < plan.items.length; start += chunkSize, chunkNo++) {
      if (start > 0 && options.shouldStop?.()) {
        stopped = true;
        break;
      }
      const chunk = plan.items.slice(start, start + chunkSize);
      const created = await db().transaction('rw', [db().persons, db().cases, db().counters, db().imports], async () => {
        const numbers = await allocateCaseNumbers(actor.missionPrefix, now.getFullYear(), chunk.length);
        const persons: PersonRow[] = [];
        const cases: CaseRow[] = [];
        const created: ImportJournalRow['created'] = [];
        chunk.forEach((item, i) => {
          const person = personDataFromIntake(item.form);
          const record: CaseRecord = {
            id: newId(),
            number: numbers[i]!,
            personId: person.id,
            ...item.form.case,
            missionId: actor.missionId,
            caseworker: item.form.case.caseworker || actor.who,
            status: 'intake',
            statusHistory: [{ status: 'intake', at, note: '' }],
            createdAt: at,
            updatedAt: at,
          };
          persons.push(personRow(person, at, at));
          cases.push(caseRow(record, person));
          created.push({ caseId: record.id, number: record.number, row: item.rowNumber });
        });
        await db().persons.bulkAdd(persons);
        await db().cases.bulkAdd(cases);
        // A part with this chunk's cases only: rewriting the whole list every chunk grew with the square of the rows.
        await db().imports.add({ ...journal, id: partId(journal.id, chunkNo), status: 'part', created, skipped: [] });
        return created;
      });
      for (const c of created) written.push(c);
      options.onProgress?.(written.length, plan.items.length);
    }
    let skipped = journal.skipped;
    if (stopped) {
      const done = new Set(written.map((c) => c.row));
      const rest = plan.items.filter((item) => !done.has(item.rowNumber)).map((item) => ({ row: item.rowNumber, reason: 'canceled' }));
      skipped = [...skipped, ...rest].sort((a, b) => a.row - b.row);
    }
    const status = stopped ? 'canceled' : 'done';
    const closed = await close(journal, status, options.now ?? new Date(), skipped);
    return { importId: closed.id, status, created: closed.created, skipped: closed.skipped, auditSeq: closed.auditSeq };
  } finally {
    active.delete(journal.id);
  }
}

/**
 * Imports whose page closed or crashed mid-way: their journal lists the cases written; each gets its
 * one audit entry now, marked interrupted. Safe to call any time; imports running in this page are left alone.
 */
export async function closeInterruptedImports(now = new Date()): Promise<number> {
  const running = (await db().imports.where('status').equals('running').toArray()).filter((j) => !active.has(j.id));
  for (const journal of running) await close(journal, 'interrupted', now);
  return running.length;
}

/** The journal of an import, for its report. */
export function importJournal(importId: string): Promise<ImportJournalRow | undefined> {
  return db().imports.get(importId);
}
