import { db } from '../schema';
import { writeAudit } from '../audit.repo';
import {
  checkLifecycleStep,
  sentKindOf,
  type LifecycleAction,
  type LifecycleInput,
  type LifecycleIssue,
} from '../../../../shared/documents/lifecycle';
import type { GeneratedDocRow, RequestRow } from '../schema';
import { localTodayIso } from '../../lib/date-time';
import type { Actor } from '../cases/cases.repo';
import { trackingTables } from '../tracking/tracking-input.repo';
import { addRequest, updateRequest } from '../tracking/requests.repo';

/**
 * Records a step of a document's life (signed, sent, received, answered) and carries it to the deadlines:
 * sending a letter, a note or a citizen's appeal creates its tracked request (or adopts one the caseworker
 * already recorded with the same outgoing number), so the deadline engine starts the clocks of its kind;
 * the incoming number and the answer update that request. Document, request, case deadlines and audit
 * change in one transaction, or not at all.
 */

export type LifecycleResult = { ok: true; value: GeneratedDocRow } | { ok: false; issues: LifecycleIssue[] };

const METHOD_RU = { by_hand: 'нарочным', post: 'почтой', courier: 'дипломатической почтой', email: 'по электронной почте' } as const;

/** The request note: how it went and what proves it, in the caseworker's language of record (Russian). */
function sentNote(doc: GeneratedDocRow, sent: LifecycleInput<'sent'>): string {
  const parts = [`${doc.title}: отправлено ${METHOD_RU[sent.method]}`];
  if (sent.tracking) parts.push(`трек-номер ${sent.tracking}`);
  if (sent.proof) parts.push(sent.proof);
  return parts.join('; ').slice(0, 2000);
}

/** The request the reminder chases: the one of the earlier document it cites. */
async function followedRequest(doc: GeneratedDocRow): Promise<string | undefined> {
  const data = doc.events.find((e) => e.kind === 'registered')?.data as { previousDocumentId?: string | null } | undefined;
  if (!data?.previousDocumentId) return undefined;
  return (await db().documents.get(data.previousDocumentId))?.requestId ?? undefined;
}

async function startRequest(doc: GeneratedDocRow, sent: LifecycleInput<'sent'>, actor: Actor, now: Date): Promise<string | null> {
  const kind = sentKindOf(doc.templateId);
  if (!kind) return null;
  // A request the caseworker recorded by hand for this very letter is adopted, not duplicated.
  if (doc.outgoingNumber !== '') {
    const linked = new Set((await db().documents.where('caseId').equals(doc.caseId).toArray()).map((d) => d.requestId).filter(Boolean));
    const existing = (await db().requests.where('caseId').equals(doc.caseId).toArray()).find(
      (r: RequestRow) => r.ourNumber === doc.outgoingNumber && r.kind === kind && r.sentAt === sent.date && !linked.has(r.id),
    );
    if (existing) return existing.id;
  }
  const follows = kind === 'reminder' ? await followedRequest(doc) : undefined;
  const created = await addRequest(
    doc.caseId,
    { kind, addressee: doc.addressee || doc.title, ourNumber: doc.outgoingNumber, sentAt: sent.date, note: sentNote(doc, sent), ...(follows ? { follows } : {}) },
    actor,
    now,
  );
  if (!created.ok) throw new Error(`request refused: ${JSON.stringify(created.issues)}`);
  return created.value.id;
}

async function patchRequest(requestId: string | null, patch: Record<string, string>, actor: Actor, now: Date): Promise<void> {
  if (!requestId || !(await db().requests.get(requestId))) return;
  const result = await updateRequest(requestId, patch, actor, now);
  if (!result.ok) throw new Error(`request update refused: ${JSON.stringify(result.issues)}`);
}

export async function recordLifecycleStep<A extends LifecycleAction>(documentId: string, action: A, input: unknown, actor: Actor, now = new Date()): Promise<LifecycleResult> {
  const at = now.toISOString();
  return db().transaction('rw', [db().documents, db().cases, db().persons, db().audit, ...trackingTables()], async (): Promise<LifecycleResult> => {
    const doc = await db().documents.get(documentId);
    if (!doc) throw new Error(`No document ${documentId}`);
    const dates = { generated: doc.registeredAt, signed: doc.signed?.date, sent: doc.sent?.date, received: doc.received?.date };
    const checked = checkLifecycleStep(action, input, doc.status, dates, localTodayIso(now));
    if (!checked.ok) return checked;
    const value = checked.value;
    const next: GeneratedDocRow = { ...doc, status: action, updatedAt: at, events: [...doc.events, { at, kind: action, who: actor.who, data: { ...value } }] };
    switch (action) {
      case 'signed': {
        const v = value as LifecycleInput<'signed'>;
        next.signed = { date: v.date, note: v.note };
        break;
      }
      case 'sent': {
        const v = value as LifecycleInput<'sent'>;
        next.sent = { date: v.date, method: v.method, ...(v.tracking ? { tracking: v.tracking } : {}), ...(v.proof ? { proof: v.proof } : {}) };
        next.requestId = doc.requestId ?? (await startRequest(doc, v, actor, now));
        break;
      }
      case 'received': {
        const v = value as LifecycleInput<'received'>;
        next.received = { theirNumber: v.theirNumber, date: v.date };
        // The incoming number's date is when the addressee registered it: the start of a 59-ФЗ answer term.
        await patchRequest(doc.requestId, { registeredAt: v.date, theirNumber: v.theirNumber }, actor, now);
        break;
      }
      case 'answered': {
        const v = value as LifecycleInput<'answered'>;
        next.answered = { date: v.date, summary: v.summary };
        await patchRequest(doc.requestId, { answeredAt: v.date, answerSummary: v.summary }, actor, now);
        break;
      }
    }
    await db().documents.put(next);
    await writeAudit({
      at,
      who: actor.who,
      caseId: doc.caseId,
      entity: 'document',
      entityId: doc.id,
      // 'update', not 'status': the case history reads a 'status' row as a change of the case's own status.
      action: 'update',
      changes: [
        { field: 'document.status', before: doc.status, after: action },
        { field: `document.${action}`, before: null, after: value },
        ...(next.requestId !== doc.requestId ? [{ field: 'document.requestId', before: doc.requestId, after: next.requestId }] : []),
      ],
      ...(doc.outgoingNumber ? { note: doc.outgoingNumber } : {}),
    });
    return { ok: true, value: next };
  });
}
