import { db } from '../schema';
import { writeAudits } from '../audit.repo';
import type { CaseRecord, IntakeForm, Outcome, StatusChange } from '../../../../shared/case/schema';
import type { AuditRow, CaseRow, PersonRow } from '../schema';
import { caseRow, personDataFromIntake, personRow } from './case-rows';
import { allocateCaseNumbers, checkIntake, type Actor } from './cases.repo';

/** One case to write: an intake form and, for imported or synthetic cases, what happened to it since. */
export interface BulkCase {
  form: IntakeForm;
  /** Default: a random UUID. */
  caseId?: string;
  /** ISO date-time the case was taken in; also decides the year in its number. Default: `now`. */
  createdAt?: string;
  /** Oldest first; the last entry is the current status. Default: «intake» at `createdAt`. */
  statusHistory?: StatusChange[];
  outcome?: Outcome;
}

export interface BulkOptions {
  now?: Date;
  /** Cases per transaction. */
  chunkSize?: number;
  /** Called after each committed chunk. */
  onProgress?: (done: number, total: number | undefined) => void;
  /** Expected number of cases, for progress when `cases` is a lazy iterable. */
  total?: number;
}

export interface BulkResult {
  created: number;
  firstNumber?: string;
  lastNumber?: string;
}

export class BulkCaseError extends Error {
  constructor(
    readonly index: number,
    readonly details: unknown,
  ) {
    super(`Case ${index} is not a valid intake: ${JSON.stringify(details).slice(0, 500)}`);
  }
}

interface Prepared {
  form: IntakeForm;
  id: string;
  createdAt: string;
  history: StatusChange[];
  outcome?: Outcome;
}

function prepare(input: BulkCase, index: number, now: Date): Prepared {
  const checked = checkIntake(input.form, now);
  if (!checked.ok) throw new BulkCaseError(index, { issues: checked.issues, errors: checked.errors });
  const createdAt = input.createdAt ?? now.toISOString();
  const history = input.statusHistory?.length ? input.statusHistory : [{ status: 'intake' as const, at: createdAt, note: '' }];
  return { form: checked.value, id: input.caseId ?? globalThis.crypto.randomUUID(), createdAt, history, ...(input.outcome ? { outcome: input.outcome } : {}) };
}

/** The numbers for a chunk, in input order, each from the per-mission counter of its intake year. */
async function numbersFor(prefix: string, chunk: readonly Prepared[]): Promise<string[]> {
  const years = chunk.map((c) => new Date(c.createdAt).getFullYear());
  const byYear = new Map<number, string[]>();
  for (const year of new Set(years)) byYear.set(year, await allocateCaseNumbers(prefix, year, years.filter((y) => y === year).length));
  return years.map((year) => byYear.get(year)!.shift()!);
}

async function writeChunk(chunk: readonly Prepared[], actor: Actor): Promise<string[]> {
  return db().transaction('rw', [db().persons, db().cases, db().audit, db().counters], async () => {
    const numbers = await numbersFor(actor.missionPrefix, chunk);
    const persons: PersonRow[] = [];
    const cases: CaseRow[] = [];
    const audit: AuditRow[] = [];
    chunk.forEach((c, i) => {
      const number = numbers[i]!;
      const person = personDataFromIntake(c.form);
      const last = c.history[c.history.length - 1]!;
      const updatedAt = last.at > c.createdAt ? last.at : c.createdAt;
      const record: CaseRecord = {
        id: c.id,
        number,
        personId: person.id,
        ...c.form.case,
        // As createCase: the case belongs to the mission of whoever writes it.
        missionId: actor.missionId,
        caseworker: c.form.case.caseworker || actor.who,
        status: last.status,
        statusHistory: c.history,
        ...(c.outcome ? { outcome: c.outcome } : {}),
        createdAt: c.createdAt,
        updatedAt,
      };
      persons.push(personRow(person, c.createdAt, updatedAt));
      cases.push(caseRow(record, person));
      audit.push({ at: c.createdAt, who: actor.who, caseId: c.id, entity: 'case', entityId: c.id, action: 'create', changes: [], note: number });
    });
    await db().persons.bulkAdd(persons);
    await db().cases.bulkAdd(cases);
    await writeAudits(audit);
    return numbers;
  });
}

/**
 * Writes many cases at once (imports, synthetic data): each intake is checked as createCase checks it
 * (an invalid one stops the run before its chunk is written), numbered from the same per-mission counter,
 * and audited with one «create» entry. Each chunk is one transaction, so a failure leaves whole chunks
 * behind, never half a case. `cases` may be a lazy iterable: only one chunk is in memory at a time.
 */
export async function bulkCreateCases(cases: Iterable<BulkCase>, actor: Actor, options: BulkOptions = {}): Promise<BulkResult> {
  const now = options.now ?? new Date();
  const chunkSize = Math.max(1, options.chunkSize ?? 2000);
  const total = options.total ?? (Array.isArray(cases) ? cases.length : undefined);
  const result: BulkResult = { created: 0 };
  let chunk: Prepared[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const numbers = await writeChunk(chunk, actor);
    result.firstNumber ??= numbers[0];
    result.lastNumber = numbers[numbers.length - 1];
    result.created += chunk.length;
    chunk = [];
    options.onProgress?.(result.created, total);
  };
  let index = 0;
  for (const input of cases) {
    chunk.push(prepare(input, index++, now));
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  return result;
}
