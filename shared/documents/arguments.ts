import { daysInclusive, validDateOrNull } from '../case/dates';
import type { Employment, IdentityDocument, Registration, StayEntry } from '../case/schema';
import { contractRegistrationGaps } from '../diagnosis/contract-gaps';
import type { LegalRef, LetterArgument, LocalizedText } from '../reference/schema';
import { citeRu, dateRu, DOCUMENT_TYPE_RU } from './russian';
import { PLACEHOLDER } from './template-schema';

/**
 * What a letter says about the cause of a listing: the cause's letter arguments (reference data), each printed
 * only when the evidence it names is present in the case's checklist and every fact it states is in the case.
 * A paragraph relying on law is printed as the mission's statement only while its legal reference is verified;
 * otherwise its request to check («Просим проверить, не …») is printed, or nothing. The cause's explanation —
 * written for the caseworker, partly inference — never comes here.
 */

/** The case's own facts an argument may state, formatted for a Russian letter; null when the case lacks them. */
export interface ArgumentFacts {
  /** The first stretch of a contract period without migration registration, up to the letter's date. */
  gap: { from: string; to: string; days: number } | null;
  /** The contract the gap falls in, or the latest contract: «трудовой договор № 15/23 от 12.04.2023 с ООО «…»». */
  contract: { ref: string; number: string; start: string; end: string; employer: string } | null;
  /** The latest registration period on record. */
  registration: { from: string; to: string; address: string } | null;
  notification: { date: string } | null;
  termination: { date: string } | null;
  newContract: { ref: string; start: string } | null;
  entry: { date: string; checkpoint: string } | null;
  exit: { date: string } | null;
  document: { current: string; previous: string };
  names: { recorded: string };
  check: { date: string; document: string } | null;
}

export interface ArgumentCase {
  /** ISO date the letter bears: facts after it are not yet facts. */
  date: string;
  documents: readonly IdentityDocument[];
  stays: readonly StayEntry[];
  registrations: readonly Registration[];
  employments: readonly Employment[];
  otherSpellings: readonly string[];
  registerCheck?: { date: string; document: string } | null;
}

const CONTRACT_KIND: Record<Employment['contractType'], string> = { labour: 'трудовой договор', civil: 'гражданско-правовой договор' };

function contractRef(e: Employment): string {
  const number = e.contractNumber.trim();
  return `${CONTRACT_KIND[e.contractType]}${number ? ` № ${number}` : ''} от ${dateRu(e.start)} с ${e.employer.trim()}`;
}

function docShort(d: IdentityDocument): string {
  return `${DOCUMENT_TYPE_RU[d.type].short} ${[d.series, d.number].map((s) => s.trim()).filter(Boolean).join(' ')}`.trim();
}

export function argumentFacts(c: ArgumentCase): ArgumentFacts {
  const jobs = c.employments.filter((e) => validDateOrNull(e.start) !== null && e.start <= c.date);
  const found = contractRegistrationGaps(jobs, c.stays, c.registrations, c.date);
  const firstGap = found.gaps[0];
  const gapJob = firstGap ? found.periods.find((p) => p.range.from <= firstGap.to && firstGap.from <= p.range.to)?.employment : undefined;
  const latestJob = [...jobs].sort((a, b) => (a.start < b.start ? 1 : -1))[0];
  const job = gapJob ?? latestJob;
  const registrations = c.registrations.filter((r) => validDateOrNull(r.from) !== null && validDateOrNull(r.to) !== null && r.from <= c.date);
  const latestReg = [...registrations].sort((a, b) => (a.to < b.to ? 1 : -1))[0];
  const ended = jobs.find((j) => validDateOrNull(j.earlyTerminationDate) !== null && (j.earlyTerminationDate as string) <= c.date);
  const next = ended
    ? jobs.filter((o) => o.id !== ended.id && o.start >= (ended.earlyTerminationDate as string)).sort((a, b) => (a.start < b.start ? -1 : 1))[0]
    : undefined;
  const stays = c.stays.filter((s) => validDateOrNull(s.entryDate) !== null && s.entryDate <= c.date).sort((a, b) => (a.entryDate < b.entryDate ? 1 : -1));
  const exit = stays.find((s) => validDateOrNull(s.exitDate) !== null && (s.exitDate as string) <= c.date);
  const notified = job && validDateOrNull(job.employerNotifiedDate) !== null ? (job.employerNotifiedDate as string) : null;
  const current = c.documents.filter((d) => d.status === 'current');
  const previous = c.documents.filter((d) => d.status !== 'current');
  return {
    gap: firstGap ? { from: dateRu(firstGap.from), to: dateRu(firstGap.to), days: daysInclusive(firstGap.from, firstGap.to) } : null,
    contract: job
      ? { ref: contractRef(job), number: job.contractNumber.trim(), start: dateRu(job.start), end: dateRu(job.end), employer: job.employer.trim() }
      : null,
    registration: latestReg ? { from: dateRu(latestReg.from), to: dateRu(latestReg.to), address: latestReg.address.trim() } : null,
    notification: notified ? { date: dateRu(notified) } : null,
    termination: ended ? { date: dateRu(ended.earlyTerminationDate) } : null,
    newContract: next ? { ref: contractRef(next), start: dateRu(next.start) } : null,
    entry: stays[0] ? { date: dateRu(stays[0].entryDate), checkpoint: stays[0].checkpoint.trim() } : null,
    exit: exit ? { date: dateRu(exit.exitDate) } : null,
    document: { current: current.map(docShort).join(', '), previous: previous.map(docShort).join(', ') },
    names: { recorded: c.otherSpellings.map((s) => s.trim()).filter(Boolean).join('; ') },
    check: c.registerCheck ? { date: dateRu(c.registerCheck.date), document: c.registerCheck.document.trim() } : null,
  };
}

export type ArgumentForm = 'assertion' | 'check';

export interface PrintedArgument {
  id: string;
  version: number;
  form: ArgumentForm;
  text: string;
}

export type SkipReason = 'evidence_missing' | 'facts_missing' | 'law_unverified';

export interface SkippedArgument {
  id: string;
  version: number;
  reason: SkipReason;
  /** The evidence items or fields that are missing. */
  missing: string[];
}

function lookup(root: unknown, path: string): unknown {
  let value = root;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Fills `{{path}}`; null when any field is absent or blank (the paragraph is then not printed at all). */
export function fillArgument(text: string, scope: object): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(PLACEHOLDER, (_m, path: string) => {
    const value = lookup(scope, path);
    const printed = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (printed === '') missing.push(path);
    return printed;
  });
  return { text: filled.replace(/\s+/gu, ' ').trim(), missing };
}

/**
 * The paragraphs one cause contributes to a letter, in the reference order, and those left out with the reason.
 * `evidence` are the ids of the checklist items present in the case.
 */
export function selectArguments(
  args: readonly LetterArgument[],
  evidence: ReadonlySet<string>,
  legalRefs: readonly LegalRef[],
  facts: ArgumentFacts,
): { printed: PrintedArgument[]; skipped: SkippedArgument[] } {
  const printed: PrintedArgument[] = [];
  const skipped: SkippedArgument[] = [];
  for (const arg of args) {
    const absent = arg.evidence.filter((id) => !evidence.has(id));
    if (absent.length > 0) {
      skipped.push({ id: arg.id, version: arg.version, reason: 'evidence_missing', missing: absent });
      continue;
    }
    const ref = arg.legalRef === null ? null : (legalRefs.find((r) => r.id === arg.legalRef) ?? null);
    const verified = arg.legalRef === null || ref?.verification === 'verified';
    const source = verified ? arg.text : arg.checkText;
    if (source === undefined) {
      skipped.push({ id: arg.id, version: arg.version, reason: 'law_unverified', missing: [arg.legalRef ?? ''] });
      continue;
    }
    const law = verified && ref ? { cite: citeRu(ref.act, ref.article) } : null;
    const { text, missing } = fillArgument(source, { ...facts, law });
    if (missing.length > 0) {
      skipped.push({ id: arg.id, version: arg.version, reason: 'facts_missing', missing });
      continue;
    }
    printed.push({ id: arg.id, version: arg.version, form: verified ? 'assertion' : 'check', text });
  }
  return { printed, skipped };
}

/** What a letter takes of a cause: its id, title and arguments — never its explanation. */
export function causeForLetter(cause: { id: string; title: LocalizedText; arguments?: readonly LetterArgument[] }): { id: string; title: LocalizedText; arguments: LetterArgument[] } {
  return { id: cause.id, title: cause.title, arguments: [...(cause.arguments ?? [])] };
}
