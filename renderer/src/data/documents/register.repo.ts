import { db } from '../schema';
import { writeAudit } from '../audit.repo';
import Dexie from 'dexie';
import { defaultNumbering, formatOutgoingNumber, numberingSettingsSchema, yearOfIsoDate, type NumberingSettings } from '../../../../shared/documents/numbering';
import type { DocumentStatements, GeneratedDocRow, GeneratedFile, OutgoingRow } from '../schema';
import { followWork, type Actor } from '../cases/cases.repo';
import { trackingTables } from '../tracking/tracking-input.repo';
import { missionRegisterSeq } from '../sync/register-source';

/**
 * The outgoing register (журнал исходящих) and the documents of a case. A number is allocated in the same
 * IndexedDB transaction that writes the document and its register row: IndexedDB runs read-write transactions
 * over the same tables one after another, even from two tabs, so the next number read inside the transaction
 * is always the one after the last written — never given twice, never skipped. The register's key
 * `[year+seq]` and its unique `number` index refuse a duplicate even if that reasoning were wrong.
 */

export interface RegisterInput {
  caseId: string;
  templateId: string;
  templateVersion: number;
  title: string;
  addressee: string;
  /** ISO date the document bears; its year picks the numbering year. */
  date: string;
  /** Letters and notes take an outgoing number; a citizen's application or a memo does not. */
  numbered: boolean;
  /** What the caseworker chose (addressee, attachments …), kept on the registration event to regenerate the file. */
  choice?: Record<string, unknown>;
  /** The cause's arguments the document prints and the warnings acknowledged for it. */
  statements?: DocumentStatements;
}

export const VOID_REASON_MAX = 500;

/** The numbering format in Settings, or the default when none was saved. */
export async function loadNumbering(): Promise<NumberingSettings> {
  const row = await db().settings.get('numbering');
  const parsed = numberingSettingsSchema.safeParse(row?.key === 'numbering' ? row.value : undefined);
  return parsed.success ? parsed.data : defaultNumbering;
}

export async function saveNumbering(input: unknown, actor: Actor): Promise<NumberingSettings> {
  const value = numberingSettingsSchema.parse(input);
  const at = new Date().toISOString();
  await db().transaction('rw', db().settings, db().audit, async () => {
    const before = await loadNumbering();
    await db().settings.put({ key: 'numbering', value, updatedAt: at });
    if (before.format !== value.format) {
      await writeAudit({ at, who: actor.who, caseId: '', entity: 'document', entityId: 'numbering', action: 'update', changes: [{ field: 'numbering.format', before: before.format, after: value.format }] });
    }
  });
  return value;
}

/** The last allocated sequence number of a year (0 when none), read inside the caller's transaction. */
async function lastSeq(year: number): Promise<number> {
  const last = await db().outgoing.where('[year+seq]').between([year, Dexie.minKey], [year, Dexie.maxKey]).last();
  return last?.seq ?? 0;
}

async function missionPrefix(actor: Actor): Promise<string> {
  const row = await db().settings.get('mission');
  return row?.key === 'mission' && row.value.outgoingPrefix.trim() !== '' ? row.value.outgoingPrefix : actor.missionPrefix;
}

/** Registers a document of a case, allocating its outgoing number when it takes one; audited. */
export async function registerDocument(input: RegisterInput, actor: Actor, now = new Date()): Promise<GeneratedDocRow> {
  const year = yearOfIsoDate(input.date);
  const at = now.toISOString();
  // A PC joined to a mission takes the number from the mission's server (one register for all its PCs).
  const missionSeq = input.numbered ? await missionRegisterSeq(db(), year) : null;
  return db().transaction('rw', [db().documents, db().outgoing, db().settings, db().cases, db().audit], async () => {
    const caseRow = await db().cases.get(input.caseId);
    if (!caseRow) throw new Error(`No case ${input.caseId}`);
    const doc: GeneratedDocRow = {
      id: globalThis.crypto.randomUUID(),
      caseId: input.caseId,
      templateId: input.templateId,
      templateVersion: input.templateVersion,
      title: input.title.trim(),
      addressee: input.addressee.trim(),
      outgoingNumber: '',
      outgoingSeq: null,
      registeredAt: input.date,
      file: null,
      status: 'generated',
      events: [{ at, kind: 'registered', who: actor.who, ...(input.choice ? { data: input.choice } : {}) }],
      requestId: null,
      ...(input.statements ? { statements: input.statements } : {}),
      createdAt: at,
      updatedAt: at,
    };
    if (input.numbered) {
      const [numbering, prefix] = await Promise.all([loadNumbering(), missionPrefix(actor)]);
      const seq = missionSeq ?? (await lastSeq(year)) + 1;
      doc.outgoingNumber = formatOutgoingNumber(numbering.format, { prefix, seq, year });
      doc.outgoingSeq = seq;
      const register: OutgoingRow = {
        number: doc.outgoingNumber,
        seq,
        year,
        date: input.date,
        caseId: input.caseId,
        caseNumber: caseRow.number,
        personName: caseRow.summary.nameRu,
        documentId: doc.id,
        addressee: doc.addressee,
        title: doc.title,
        status: 'registered',
        voidReason: '',
      };
      // The case's in-memory search index learns the number from this write (data/case-writes.ts).
      await db().outgoing.add(register);
    }
    await db().documents.add(doc);
    await writeAudit({
      at,
      who: actor.who,
      caseId: input.caseId,
      entity: 'document',
      entityId: doc.id,
      action: 'create',
      changes: [
        { field: 'document', before: null, after: { title: doc.title, templateId: doc.templateId, templateVersion: doc.templateVersion, outgoingNumber: doc.outgoingNumber, addressee: doc.addressee, date: doc.registeredAt } },
        ...(input.statements ? [{ field: 'statements', before: null, after: { referenceVersion: input.statements.referenceVersion, causeId: input.statements.causeId, arguments: input.statements.arguments } }] : []),
        // A warning generated over is the caseworker's decision: the audit keeps which, and what it said.
        ...(input.statements && input.statements.acknowledged.length > 0 ? [{ field: 'acknowledgedWarnings', before: null, after: input.statements.acknowledged }] : []),
      ],
    });
    return doc;
  });
}

/** Stores what main wrote for the document (path, hash, size, pages); a regeneration replaces it. */
export async function recordGeneratedFile(documentId: string, file: GeneratedFile, actor: Actor, now = new Date()): Promise<GeneratedDocRow> {
  const at = now.toISOString();
  return db().transaction('rw', [db().documents, db().cases, db().persons, db().audit, ...trackingTables()], async () => {
    const doc = await db().documents.get(documentId);
    if (!doc) throw new Error(`No document ${documentId}`);
    if (doc.status === 'void') throw new Error(`Document ${documentId} is void`);
    const next: GeneratedDocRow = {
      ...doc,
      file: { ...file },
      events: [...doc.events, { at, kind: 'file', who: actor.who, data: { sha256: file.sha256, bytes: file.bytes, pages: file.pages } }],
      updatedAt: at,
    };
    await db().documents.put(next);
    await writeAudit({ at, who: actor.who, caseId: doc.caseId, entity: 'document', entityId: doc.id, action: 'update', changes: [{ field: 'document.file', before: doc.file, after: next.file }] });
    await followWork(doc.caseId, 'document_generated', actor, now);
    return next;
  });
}

export type VoidResult = { ok: true; value: GeneratedDocRow } | { ok: false; reason: 'reason_required' | 'reason_too_long' | 'already_void' | 'not_found' };

/** Voids a document; its number stays in the register, marked void with the reason. */
export async function voidDocument(documentId: string, reason: string, actor: Actor, now = new Date()): Promise<VoidResult> {
  const why = reason.trim();
  if (why === '') return { ok: false, reason: 'reason_required' };
  if (why.length > VOID_REASON_MAX) return { ok: false, reason: 'reason_too_long' };
  const at = now.toISOString();
  return db().transaction('rw', [db().documents, db().outgoing, db().audit], async (): Promise<VoidResult> => {
    const doc = await db().documents.get(documentId);
    if (!doc) return { ok: false, reason: 'not_found' };
    if (doc.status === 'void') return { ok: false, reason: 'already_void' };
    const next: GeneratedDocRow = { ...doc, status: 'void', voidReason: why, events: [...doc.events, { at, kind: 'void', who: actor.who, data: { reason: why } }], updatedAt: at };
    await db().documents.put(next);
    if (doc.outgoingNumber !== '') {
      const updated = await db().outgoing.where('number').equals(doc.outgoingNumber).modify({ status: 'void', voidReason: why });
      if (updated !== 1) throw new Error(`Register row of ${doc.outgoingNumber} not found`);
    }
    await writeAudit({
      at,
      who: actor.who,
      caseId: doc.caseId,
      entity: 'document',
      entityId: doc.id,
      action: 'void',
      changes: [{ field: 'document.status', before: doc.status, after: 'void' }],
      note: why,
    });
    return { ok: true, value: next };
  });
}

/** The documents of a case, newest first. */
export async function documentsFor(caseId: string): Promise<GeneratedDocRow[]> {
  const rows = await db().documents.where('caseId').equals(caseId).toArray();
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

export interface RegisterFilter {
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  status?: OutgoingRow['status'];
  /** Part of the addressee's name, any case. */
  addressee?: string;
  /** Part of the number, title, case number, citizen's name or void reason, any case. */
  text?: string;
}

const folded = (text: string) => text.normalize('NFC').toLocaleLowerCase('ru').replace(/ё/g, 'е');

/**
 * The register rows a filter selects, in register order (year, then number), newest last. Pure query: the
 * register screen and the export both call it.
 */
export async function registerRows(filter: RegisterFilter = {}): Promise<OutgoingRow[]> {
  const from = filter.from || '0000-01-01';
  const to = filter.to || '9999-12-31';
  const rows =
    filter.from || filter.to ? await db().outgoing.where('date').between(from, to, true, true).toArray() : await db().outgoing.toArray();
  const addressee = filter.addressee ? folded(filter.addressee.trim()) : '';
  const text = filter.text ? folded(filter.text.trim()) : '';
  return rows
    .filter((r) => !filter.status || r.status === filter.status)
    .filter((r) => !addressee || folded(r.addressee).includes(addressee))
    .filter((r) => !text || [r.number, r.title, r.caseNumber, r.personName, r.voidReason].some((v) => folded(v).includes(text)))
    .sort((a, b) => a.year - b.year || a.seq - b.seq);
}

/** The number the next numbered document of that date's year would get; shown in review, not allocated. */
export async function peekNextNumber(date: string, prefix: string): Promise<string> {
  const year = yearOfIsoDate(date);
  const [numbering, last] = await Promise.all([
    loadNumbering(),
    db().outgoing.where('[year+seq]').between([year, Dexie.minKey], [year, Dexie.maxKey]).last(),
  ]);
  return formatOutgoingNumber(numbering.format, { prefix, seq: (last?.seq ?? 0) + 1, year });
}
