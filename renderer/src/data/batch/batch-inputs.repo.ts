import type { DocumentInputs } from '../../../../shared/documents/model';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';
import type { Addressee, ReferenceBundle } from '../../../../shared/reference/schema';
import type { CaseRow, PersonRow } from '../schema';
import { documentInputsFor, isNumbered } from '../documents/document-inputs.repo';
import type { StoredSettings } from '../settings/settings.repo';
import type { BatchAddresseeChoice } from './batch-rows';

/** Everything that is the same for every document of a batch. */
export interface BatchContext {
  template: DocumentTemplate;
  settings: StoredSettings;
  reference: ReferenceBundle;
  addressee: BatchAddresseeChoice;
  /** ISO date the documents bear. */
  date: string;
}

export { isNumbered };

/** A template is addressed when it prints an addressee block. */
export function isAddressed(template: Pick<DocumentTemplate, 'requisites'>): boolean {
  return template.requisites.some((r) => r.path.startsWith('addressee'));
}

/** The regional MVD body serving the region, or else the first body of any kind serving it. */
export function addresseeForRegion(reference: ReferenceBundle, region: string): Addressee | null {
  const serving = reference.addressees.filter((a) => a.regions.includes(region));
  return serving.find((a) => a.kind === 'mvd_regional') ?? serving[0] ?? null;
}

export function resolveAddressee(context: Pick<BatchContext, 'reference' | 'addressee'>, region: string): Addressee | null {
  const choice = context.addressee;
  if (choice.mode === 'none') return null;
  if (choice.mode === 'fixed') return context.reference.addressees.find((a) => a.id === choice.id) ?? null;
  return addresseeForRegion(context.reference, region);
}

/**
 * What a batch letter encloses: a copy of the citizen's current identity document, one sheet (the mission's
 * letters always carry it). Other attachments are a matter for the case page, one document at a time.
 */
export function defaultAttachments(documents: PersonRow['documents']): NonNullable<DocumentInputs['attachments']> {
  const current = documents.find((d) => d.status === 'current') ?? documents[0];
  if (!current) return [];
  const number = `${current.series} ${current.number}`.trim();
  return [{ title: `Копия документа, удостоверяющего личность${number ? ` (${number})` : ''}`, sheets: 1, copies: 1 }];
}

/**
 * The inputs of one case's document: exactly what the review screen shows for a single document
 * (documentInputsFor), with the batch's addressee, date and number, and the default enclosure when the
 * template lists attachments.
 */
export async function batchInputsFor(row: CaseRow, person: PersonRow, context: BatchContext, number: string): Promise<DocumentInputs> {
  const needsAttachments = context.template.requisites.some((r) => r.path === 'attachments');
  return documentInputsFor(row.id, {
    template: context.template,
    addressee: resolveAddressee(context, row.region),
    number,
    date: context.date,
    attachments: needsAttachments ? defaultAttachments(person.documents) : [],
  });
}

/** The same inputs with the number allocated after they were checked. */
export function withNumber(inputs: DocumentInputs, number: string): DocumentInputs {
  return { ...inputs, outgoing: number ? { number, date: inputs.date } : null };
}
