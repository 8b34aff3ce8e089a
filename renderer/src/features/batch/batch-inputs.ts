import { personSchema, type Person } from '../../../../shared/case/schema';
import type { DocumentInputs } from '../../../../shared/documents/model';
import type { DocumentTemplate } from '../../../../shared/documents/template-schema';
import type { Addressee, ReferenceBundle } from '../../../../shared/reference/schema';
import type { AryzDb, CaseRow, PersonRow } from '../../db/db';
import type { StoredSettings } from '../settings/settings-store';
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

/** A template takes an outgoing number when it prints one. */
export function isNumbered(template: Pick<DocumentTemplate, 'requisites'>): boolean {
  return template.requisites.some((r) => r.path.startsWith('outgoing.'));
}

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

/** The register check that showed the person listed, most recent first. */
async function lastListedCheck(db: AryzDb, caseId: string, person: PersonRow): Promise<DocumentInputs['registerCheck']> {
  const checks = (await db.checks.where('caseId').equals(caseId).toArray()).filter((c) => c.listed).sort((a, b) => b.at.localeCompare(a.at));
  const check = checks[0];
  if (!check) return null;
  const doc = person.documents.find((d) => d.id === check.documentId);
  return { date: check.at.slice(0, 10), document: doc ? `${doc.series} ${doc.number}`.trim() : '' };
}

/**
 * The inputs of one case's document: the case and person as stored, the mission and caseworker from
 * Settings, the addressee and the diagnosed cause from the reference data in force, and the outgoing number.
 */
export async function batchInputsFor(db: AryzDb, row: CaseRow, person: PersonRow, context: BatchContext, number: string): Promise<DocumentInputs> {
  const { documents, stays, registrations, employments } = person;
  // Only the person's own fields: main checks the inputs as strictly as the case itself.
  const personData = Object.fromEntries(Object.keys(personSchema.shape).flatMap((key) => (key in person ? [[key, person[key as keyof PersonRow]]] : []))) as Person;
  const causeId = row.diagnosis?.causeId;
  const cause = causeId ? context.reference.causes.find((c) => c.id === causeId) : undefined;
  return {
    date: context.date,
    mission: context.settings.mission,
    caseworker: context.settings.caseworker,
    signatory: null,
    person: personData,
    documents,
    stays,
    registrations,
    employments,
    caseRecord: {
      number: row.number,
      region: row.region,
      learnedAt: row.learnedAt,
      learnedHow: row.learnedHow,
      learnedNote: row.learnedNote,
      impacts: row.impacts,
    },
    addressee: resolveAddressee(context, row.region),
    outgoing: number ? { number, date: context.date } : null,
    attachments: defaultAttachments(documents),
    cause: cause ? { title: cause.title, explanation: cause.explanation } : null,
    registerCheck: await lastListedCheck(db, row.id, person),
    legalRefs: context.reference.legalRefs,
  };
}
