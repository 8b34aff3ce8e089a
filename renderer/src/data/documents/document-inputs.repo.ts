import { DOCUMENT_TYPE_RU } from '../../../../shared/documents/russian';
import type { AttachmentInput, DocumentInputs } from '../../../../shared/documents/model';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';
import type { Addressee } from '../../../../shared/reference/schema';
import { NO_DEADLINE, type AryzDb, type GeneratedDocRow } from '../schema';
import { getCase, stripDerived } from '../cases/cases.repo';
import { loadSettings } from '../settings/settings.repo';
import { currentReference } from '../reference/reference.repo';

/**
 * Everything a template may print for one case, gathered from the database: the case and its person, the
 * mission and caseworker from Settings, the reference data in force (cause, legal references), the register
 * check that showed the listing and the case's earlier documents. The review screen and the generation use
 * this one function, so what the caseworker reviewed is what main renders.
 */

export interface DocumentChoice {
  template: DocumentTemplate;
  addressee?: Addressee | null;
  /** The outgoing number ('' while not yet allocated). */
  number: string;
  /** ISO date the document bears. */
  date: string;
  attachments?: readonly AttachmentInput[];
  /** The earlier document a reminder or complaint refers to. */
  previousDocumentId?: string | null;
}

/** Letters and notes carry an outgoing number; applications, memos and receipts do not. */
export function isNumbered(template: Pick<DocumentTemplate, 'requisites'>): boolean {
  return template.requisites.some((r) => r.path === 'outgoing.number');
}

/** Whether the template asks for an earlier letter of ours (reminder, complaint). */
export function needsPrevious(template: DocumentTemplate): boolean {
  return template.requisites.some((r) => r.path.startsWith('previous.'));
}

/** A template's title in the document list and the register. */
export function templateTitle(template: Pick<DocumentTemplate, 'title'>): string {
  return template.title.ru;
}

/** Earlier numbered documents of a case a reminder may cite, newest first. */
export async function citableDocuments(db: AryzDb, caseId: string): Promise<GeneratedDocRow[]> {
  const rows = await db.documents.where('caseId').equals(caseId).toArray();
  return rows.filter((d) => d.status !== 'void' && d.outgoingNumber !== '').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function documentInputsFor(db: AryzDb, caseId: string, choice: DocumentChoice): Promise<DocumentInputs> {
  const [loaded, settings, reference, checks, docs, requests] = await Promise.all([
    getCase(db, caseId),
    loadSettings(db),
    currentReference(db),
    db.checks.where('caseId').equals(caseId).toArray(),
    db.documents.where('caseId').equals(caseId).toArray(),
    db.requests.where('caseId').equals(caseId).toArray(),
  ]);
  if (!loaded) throw new Error(`No case ${caseId}`);
  const { record } = loaded;
  const { documents, stays, registrations, employments, amina: _amina, ...person } = stripDerived(loaded.person);

  const causeId = record.diagnosis?.causeId;
  const cause = causeId ? reference?.causes.find((c) => c.id === causeId) : undefined;

  // The latest check that found the person listed, with the document it was made with.
  const listed = checks.filter((c) => c.listed).sort((a, b) => b.at.localeCompare(a.at))[0];
  const checkedDoc = listed?.documentId ? documents.find((d) => d.id === listed.documentId) : undefined;
  const registerCheck = listed
    ? { date: listed.at.slice(0, 10), document: checkedDoc ? `${DOCUMENT_TYPE_RU[checkedDoc.type].short} ${[checkedDoc.series, checkedDoc.number].filter(Boolean).join(' ')}` : '' }
    : null;

  const previousDoc = choice.previousDocumentId ? docs.find((d) => d.id === choice.previousDocumentId) : undefined;
  const previousRequest = previousDoc ? requests.find((r) => r.ourNumber !== '' && r.ourNumber === previousDoc.outgoingNumber) : undefined;
  const previous = previousDoc
    ? {
        number: previousDoc.outgoingNumber,
        date: previousDoc.registeredAt,
        addressee: previousDoc.addressee,
        incomingNumber: previousDoc.received?.theirNumber ?? previousRequest?.theirNumber ?? '',
        incomingDate: previousDoc.received?.date ?? previousRequest?.registeredAt ?? '',
      }
    : null;

  const sent = docs
    .filter((d) => d.status !== 'void' && d.outgoingNumber !== '')
    .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || (a.outgoingSeq ?? 0) - (b.outgoingSeq ?? 0))
    .map((d) => ({ title: d.title, addressee: d.addressee, number: d.outgoingNumber, date: d.registeredAt }));

  return {
    date: choice.date,
    mission: settings.mission,
    caseworker: settings.caseworker,
    signatory: null,
    person,
    documents,
    stays,
    registrations,
    employments,
    caseRecord: {
      number: record.number,
      region: record.region,
      learnedAt: record.learnedAt,
      learnedHow: record.learnedHow,
      learnedNote: record.learnedNote,
      impacts: record.impacts,
    },
    addressee: choice.addressee ?? null,
    outgoing: choice.number ? { number: choice.number, date: choice.date } : null,
    previous,
    attachments: choice.attachments ?? [],
    cause: cause ? { title: cause.title, explanation: cause.explanation } : null,
    statement: '',
    registerCheck,
    legalRefs: reference?.legalRefs ?? [],
    sent,
    answerDue: record.nextDeadline && record.nextDeadline !== NO_DEADLINE ? record.nextDeadline : null,
  };
}
