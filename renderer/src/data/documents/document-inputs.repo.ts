import { db } from '../schema';
import { isValidIsoDate } from '../../../../shared/case/dates';
import { causeForLetter } from '../../../../shared/documents/arguments';
import { expectedAnswer } from '../../../../shared/documents/expected-answer';
import { DOCUMENT_TYPE_RU, SENT_KIND_RU } from '../../../../shared/documents/russian';
import { documentTitleKy, SENT_KIND_KY } from '../../../../shared/documents/titles';
import { documentRegimes, termStatedAsLaw } from '../../../../shared/reference/lookup';
import { presentEvidence } from '../../../../shared/diagnosis/diagnose';
import type { AttachmentInput, DocumentInputs } from '../../../../shared/documents/model';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';
import type { Addressee } from '../../../../shared/reference/schema';
import type { AppealRow, GeneratedDocRow } from '../schema';
import { openAppeals } from '../../../../shared/appeals/appeal';
import { getCase, stripDerived } from '../cases/cases.repo';
import { loadSettings } from '../settings/settings.repo';
import { attachmentRefsFor } from '../attachments/attachments.repo';
import { localTodayIso } from '../../lib/date-time';
import { caseFacts, deadlinesOf, sentItemOf } from '../tracking/case-tracking';
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
export async function citableDocuments(caseId: string): Promise<GeneratedDocRow[]> {
  const rows = await db().documents.where('caseId').equals(caseId).toArray();
  return rows.filter((d) => d.status !== 'void' && d.outgoingNumber !== '').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * The request an answer letter is about: the earliest one still open (its answer not yet recorded, so the review
 * asks for it), else the one whose answer was recorded last. Null when the citizen made none.
 */
export function appealForAnswer(appeals: readonly AppealRow[]): DocumentInputs['appeal'] {
  const open = openAppeals(appeals)[0];
  const chosen = open ?? [...appeals].filter((a) => a.answeredOn).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).pop();
  if (!chosen) return null;
  const { receivedOn, channel, request, answeredOn, answerText } = chosen;
  return { receivedOn, channel, request, ...(answeredOn ? { answeredOn } : {}), ...(answerText ? { answerText } : {}) };
}

export async function documentInputsFor(caseId: string, choice: DocumentChoice): Promise<DocumentInputs> {
  const [loaded, settings, reference, checks, docs, requests, attachmentRefs, appeals] = await Promise.all([
    getCase(caseId),
    loadSettings(),
    currentReference(),
    db().checks.where('caseId').equals(caseId).toArray(),
    db().documents.where('caseId').equals(caseId).toArray(),
    db().requests.where('caseId').equals(caseId).toArray(),
    attachmentRefsFor(caseId),
    db().appeals.where('caseId').equals(caseId).toArray(),
  ]);
  if (!loaded) throw new Error(`No case ${caseId}`);
  const { record } = loaded;
  const { documents, stays, registrations, employments, amina: _amina, ...person } = stripDerived(loaded.person);

  const causeId = record.diagnosis?.causeId;
  const cause = causeId ? reference?.causes.find((c) => c.id === causeId) : undefined;
  // What the case proves of that cause: an argument of the letter prints only on its own evidence.
  const facts = { ...caseFacts(record, loaded.person, requests.map(sentItemOf), checks), attachments: attachmentRefs };
  const evidence = cause && reference ? presentEvidence(cause.id, facts, reference, isValidIsoDate(choice.date) ? choice.date : localTodayIso()) : [];

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

  const numbered = docs
    .filter((d) => d.status !== 'void' && d.outgoingNumber !== '')
    .sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || (a.outgoingSeq ?? 0) - (b.outgoingSeq ?? 0));
  // What went out: the case's numbered documents, and the letters recorded as sent that are not among them (sent
  // by other means): the memo must not say «nothing sent» next to the answer term of a letter sent.
  const byHand = requests
    .filter((r) => !numbered.some((d) => r.ourNumber !== '' && d.outgoingNumber === r.ourNumber))
    .filter((r) => !isValidIsoDate(choice.date) || r.sentAt <= choice.date)
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  const sent = [
    ...numbered.map((d) => ({ title: d.title, titleKy: documentTitleKy(d.templateId, d.title), addressee: d.addressee, number: d.outgoingNumber, date: d.registeredAt })),
    ...byHand.map((r) => ({ title: SENT_KIND_RU[r.kind], titleKy: SENT_KIND_KY[r.kind], addressee: r.addressee, number: r.ourNumber, date: r.sentAt })),
  ];

  // The answer the memo announces: the term of a request actually sent (tracked in `requests`), named.
  const today = isValidIsoDate(choice.date) ? choice.date : localTodayIso();
  const deadlines = deadlinesOf(record, loaded.person, { requests: requests.map(sentItemOf), checks, calendar: reference?.calendar ?? [], today, regimes: documentRegimes(reference) });
  const letters = requests.map((r) => {
    const doc = docs.find((d) => d.outgoingNumber !== '' && d.outgoingNumber === r.ourNumber);
    const title = doc?.title ?? SENT_KIND_RU[r.kind];
    return { id: r.id, title, titleKy: doc ? documentTitleKy(doc.templateId, doc.title) : SENT_KIND_KY[r.kind], number: r.ourNumber, date: r.sentAt, lawVerified: termStatedAsLaw(reference, r.kind) };
  });

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
    cause: cause ? causeForLetter(cause) : null,
    evidence,
    statement: '',
    registerCheck,
    legalRefs: reference?.legalRefs ?? [],
    sent,
    expectedAnswer: expectedAnswer(deadlines, letters, today),
    appeal: appealForAnswer(appeals),
  };
}
