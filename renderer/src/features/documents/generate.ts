import type { AttachmentInput, DocumentInputs } from '../../../../shared/documents/model';
import { causeArguments } from '../../../../shared/documents/model';
import { checkRequisitesOf, type DocumentRefusal } from '../../../../shared/documents/requisites';
import { consistencyAllows, type ConsistencyFinding } from '../../../../shared/documents/checks';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';
import { documentInputsSchema, type DocumentInputsPayload } from '../../../../shared/ipc/channels/documents';
import type { AryzApi } from '../../../../shared/ipc/contract';
import type { IpcError } from '../../../../shared/ipc/result';
import type { Addressee } from '../../../../shared/reference/schema';
import type { GeneratedDocRow } from '../../data/schema';
import type { Actor } from '../../data/cases/cases.repo';
import { documentInputsFor, isNumbered, templateTitle } from '../../data/documents/document-inputs.repo';
import { recordGeneratedFile, registerDocument } from '../../data/documents/register.repo';
import { consistencyFor, currentReferenceVersion } from '../../data/documents/consistency.repo';

export { consistencyFor };

/**
 * One document from review to file: check what main will check, register it (the number is allocated then),
 * gather the inputs again with that number, have main render and store the PDF, and record the file. A
 * refusal before registration uses no number; a failure after it leaves the document registered without a
 * file, to be generated again or voided — its number is never lost or reused.
 */

export interface GenerateRequest {
  caseId: string;
  template: DocumentTemplate;
  addressee: Addressee | null;
  date: string;
  attachments: AttachmentInput[];
  previousDocumentId: string | null;
  /** Keys of the consistency warnings the caseworker acknowledged (see shared/documents/checks). */
  acknowledged?: readonly string[];
}

export type GenerateOutcome =
  | { status: 'generated'; document: GeneratedDocRow }
  | DocumentRefusal
  /** The document contradicts its case (or a warning is not acknowledged): nothing registered. */
  | { status: 'inconsistent'; findings: ConsistencyFinding[] }
  /** Inputs main would refuse (settings incomplete, a stored value out of range): nothing registered. */
  | { status: 'invalid'; fields: string[] }
  /** Registered, but main failed: the document keeps its number and waits for another try. */
  | { status: 'failed'; document: GeneratedDocRow; error: IpcError | { code: 'REFUSED'; refusal: DocumentRefusal } };

/** Inputs of the review: the real ones, with a stand-in number so the outgoing number does not read as missing. */
export async function reviewInputs(request: GenerateRequest, number: string): Promise<DocumentInputs> {
  return documentInputsFor(request.caseId, {
    template: request.template,
    addressee: request.addressee,
    number: isNumbered(request.template) ? number : '',
    date: request.date,
    attachments: request.attachments,
    previousDocumentId: request.previousDocumentId,
  });
}

/** Paths main's schema would refuse in these inputs. */
export function invalidInputFields(inputs: DocumentInputs): string[] {
  const parsed = documentInputsSchema.safeParse(inputs);
  return parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => i.path.map(String).join('.')))];
}

/** What the document's registration event keeps, so a failed file can be generated again the same way. */
interface RegisteredChoice {
  addressee: Addressee | null;
  attachments: AttachmentInput[];
  previousDocumentId: string | null;
}

async function renderAndRecord(api: Pick<AryzApi, 'generateDocument'>, doc: GeneratedDocRow, template: DocumentTemplate, choice: RegisteredChoice, actor: Actor): Promise<GenerateOutcome> {
  const inputs = await documentInputsFor(doc.caseId, { template, addressee: choice.addressee, number: doc.outgoingNumber, date: doc.registeredAt, attachments: choice.attachments, previousDocumentId: choice.previousDocumentId });
  // The model's input type is read-only; the payload type is the schema's (mutable) shape of the same data.
  const result = await api.generateDocument({ caseId: doc.caseId, documentId: doc.id, template, inputs: inputs as DocumentInputsPayload });
  if (!result.ok) return { status: 'failed', document: doc, error: result.error };
  if (result.value.status === 'refused') return { status: 'failed', document: doc, error: { code: 'REFUSED', refusal: result.value } };
  const { relPath, sha256, bytes, pages } = result.value;
  return { status: 'generated', document: await recordGeneratedFile(doc.id, { relPath, sha256, bytes, pages }, actor) };
}

export async function generateDocument(api: Pick<AryzApi, 'generateDocument'>, request: GenerateRequest, actor: Actor): Promise<GenerateOutcome> {
  const check = await reviewInputs(request, 'X');
  const refusal = checkRequisitesOf(request.template, check);
  if (refusal) return refusal;
  const invalid = invalidInputFields(check);
  if (invalid.length > 0) return { status: 'invalid', fields: invalid };
  const findings = await consistencyFor(request, check);
  const acknowledged = new Set(request.acknowledged ?? []);
  if (!consistencyAllows(findings, acknowledged)) return { status: 'inconsistent', findings: findings.filter((f) => f.severity === 'contradiction' || !acknowledged.has(f.key)) };
  const statements = {
    referenceVersion: await currentReferenceVersion(),
    causeId: check.cause?.id ?? null,
    arguments: causeArguments(check).printed.map(({ id, version, form }) => ({ id, version, form })),
    acknowledged: findings.map(({ key, code, params }) => ({ key, code, params })),
  };
  const choice: RegisteredChoice = { addressee: request.addressee, attachments: request.attachments, previousDocumentId: request.previousDocumentId };
  const doc = await registerDocument(
    {
      caseId: request.caseId,
      templateId: request.template.id,
      templateVersion: request.template.version,
      title: templateTitle(request.template),
      addressee: request.addressee?.nameRu ?? '',
      date: request.date,
      numbered: isNumbered(request.template),
      choice: { addressee: choice.addressee, attachments: choice.attachments, previousDocumentId: choice.previousDocumentId },
      statements,
    },
    actor,
  );
  return renderAndRecord(api, doc, request.template, choice, actor);
}

/** Another try at the file of a registered document, with the template and choices it was registered with. */
export async function regenerateDocument(api: Pick<AryzApi, 'generateDocument'>, doc: GeneratedDocRow, template: DocumentTemplate, actor: Actor): Promise<GenerateOutcome> {
  const data = doc.events.find((e) => e.kind === 'registered')?.data as Partial<RegisteredChoice> | undefined;
  return renderAndRecord(api, doc, template, { addressee: data?.addressee ?? null, attachments: data?.attachments ?? [], previousDocumentId: data?.previousDocumentId ?? null }, actor);
}
