import { formatDate, validDateOrNull } from '../case/dates';
import type { Employment, IdentityDocument, StayEntry } from '../case/schema';
import { checkDay, type AttachmentRef, type CaseFacts } from '../deadlines/facts';
import type { EvidenceItem, FieldPredicate } from '../reference/schema';
import { contractRegistrationGaps } from './contract-gaps';
import { documentLabel } from './rules/document-replaced';
import type { ChecklistMark, Focus } from './types';

/**
 * Marks a cause's evidence items present or missing. An attachment tagged with the item id proves it (and is
 * named as the proof, being the stronger evidence); otherwise the item's case-field check may prove it, looking
 * at the records the finding is about (`Focus`) or, without a focus, at all records.
 */

interface FieldResult {
  present: boolean;
  detail?: string;
}

function pick<T extends { id: string }>(rows: readonly T[], ids: readonly string[] | undefined): readonly T[] {
  return ids && ids.length > 0 ? rows.filter((r) => ids.includes(r.id)) : rows;
}

function latestStay(stays: readonly StayEntry[]): StayEntry | undefined {
  return [...stays].filter((s) => validDateOrNull(s.entryDate) !== null).sort((a, b) => (a.entryDate < b.entryDate ? 1 : -1))[0];
}

function staysFor(stays: readonly StayEntry[], focus: Focus): readonly StayEntry[] {
  if (focus.stayIds && focus.stayIds.length > 0) return pick(stays, focus.stayIds);
  const latest = latestStay(stays);
  return latest ? [latest] : [];
}

const yes = (detail?: string): FieldResult => (detail ? { present: true, detail } : { present: true });
const no: FieldResult = { present: false };

function documentsCurrent(documents: readonly IdentityDocument[]): FieldResult {
  const doc = documents.find((d) => d.status === 'current');
  return doc ? yes(documentLabel(doc)) : no;
}

export function evaluateField(predicate: FieldPredicate, facts: CaseFacts, focus: Focus, today: string): FieldResult {
  const { person } = facts;
  const jobs = pick(person.employments, focus.employmentIds);
  switch (predicate) {
    case 'documents.current':
      return documentsCurrent(person.documents);
    case 'documents.previous': {
      const old = pick(person.documents, focus.documentIds).filter((d) => d.status !== 'current');
      return old.length > 0 ? yes(old.map(documentLabel).join(', ')) : no;
    }
    case 'stays.entry': {
      const stay = staysFor(person.stays, focus).find((s) => validDateOrNull(s.entryDate) !== null);
      return stay ? yes(formatDate(stay.entryDate)) : no;
    }
    case 'stays.migrationCard': {
      const list = staysFor(person.stays, focus);
      return list.length > 0 && list.every((s) => s.migrationCard.trim() !== '') ? yes(list.map((s) => s.migrationCard.trim()).join(', ')) : no;
    }
    case 'stays.purposeWork': {
      const list = staysFor(person.stays, focus);
      return list.length > 0 && list.every((s) => s.purpose === 'work') ? yes() : no;
    }
    case 'stays.exitDate': {
      const list = focus.stayIds && focus.stayIds.length > 0 ? pick(person.stays, focus.stayIds) : person.stays.filter((s) => validDateOrNull(s.exitDate) !== null);
      const exits = list.map((s) => validDateOrNull(s.exitDate));
      return exits.length > 0 && exits.every((d) => d !== null) ? yes(exits.map((d) => formatDate(d as string)).join(', ')) : no;
    }
    case 'registrations.any': {
      const latest = [...person.registrations]
        .filter((r) => validDateOrNull(r.from) !== null && validDateOrNull(r.to) !== null)
        .sort((a, b) => (a.to < b.to ? 1 : -1))[0];
      return latest ? yes(`${formatDate(latest.from)}–${formatDate(latest.to)}`) : no;
    }
    case 'registrations.coversContract': {
      if (jobs.length === 0) return no;
      const result = contractRegistrationGaps(jobs, person.stays, person.registrations, today);
      return result.periods.length > 0 && result.gaps.length === 0 ? yes() : no;
    }
    case 'employment.contract':
      return jobs.length > 0 ? yes(jobs.map((j) => [j.employer, j.contractNumber.trim() && `№ ${j.contractNumber.trim()}`].filter(Boolean).join(' ')).join('; ')) : no;
    case 'employment.employerNotifiedDate': {
      const all = jobs.length > 0 && jobs.every((j) => validDateOrNull(j.employerNotifiedDate) !== null);
      return all ? yes(jobs.map((j) => formatDate(j.employerNotifiedDate as string)).join(', ')) : no;
    }
    case 'employment.earlyTerminationDate': {
      const ended = jobs.filter((j) => validDateOrNull(j.earlyTerminationDate) !== null);
      return ended.length > 0 ? yes(ended.map((j) => formatDate(j.earlyTerminationDate as string)).join(', ')) : no;
    }
    case 'employment.newContractAfterTermination': {
      const ended = jobs.filter((j) => validDateOrNull(j.earlyTerminationDate) !== null);
      if (ended.length === 0) return no;
      const next = ended.map((j) =>
        person.employments.filter((o) => o.id !== j.id && validDateOrNull(o.start) !== null && o.start >= (j.earlyTerminationDate as string)).sort((a, b) => (a.start < b.start ? -1 : 1))[0],
      );
      return next.every((n) => n !== undefined) ? yes(next.map((n) => formatDate((n as Employment).start)).join(', ')) : no;
    }
    case 'amina.cardNumber':
      return person.amina.cardNumber.trim() !== '' ? yes(person.amina.cardNumber.trim()) : no;
    case 'amina.deregisteredDate': {
      const day = validDateOrNull(person.amina.deregisteredDate);
      return day ? yes(formatDate(day)) : no;
    }
    case 'person.otherSpellings': {
      const list = (person.otherSpellings ?? []).map((s) => s.trim()).filter(Boolean);
      return list.length > 0 ? yes(list.join('; ')) : no;
    }
    case 'person.nameLat':
      return person.nameLat && person.nameLat.surname.trim() !== '' ? yes() : no;
    case 'person.nameKy':
      return person.nameKy && person.nameKy.surname.trim() !== '' ? yes() : no;
    case 'registerCheck.listed': {
      const days = (facts.registerChecks ?? []).filter((c) => c.listed).map(checkDay).filter((d) => validDateOrNull(d) !== null).sort();
      const last = days[days.length - 1];
      return last ? yes(formatDate(last)) : no;
    }
    case 'registerCheck.eachDocument': {
      const checked = new Set((facts.registerChecks ?? []).map((c) => c.documentId).filter((id): id is string => id !== undefined));
      return person.documents.length > 0 && person.documents.every((d) => checked.has(d.id)) ? yes() : no;
    }
    case 'parents.listed':
      return (facts.parents ?? []).some((p) => p.listed !== null) ? yes() : no;
  }
}

export function markEvidence(item: EvidenceItem, facts: CaseFacts, focus: Focus, today: string, attachments: readonly AttachmentRef[]): ChecklistMark {
  if (item.attachment) {
    const attached = attachments.find((a) => a.checklistItemId === item.id);
    if (attached) return { itemId: item.id, present: true, provenBy: 'attachment', detail: attached.label ?? attached.id };
  }
  if (item.field !== null) {
    const result = evaluateField(item.field, facts, focus, today);
    if (result.present) return { itemId: item.id, present: true, provenBy: 'field', ...(result.detail ? { detail: result.detail } : {}) };
  }
  return { itemId: item.id, present: false };
}
