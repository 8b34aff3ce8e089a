import { db } from '../schema';
import { writeAudit } from '../audit.repo';
import {
  aminaStatusSchema,
  caseIntakeSchema,
  employmentSchema,
  identityDocumentSchema,
  intakeFormSchema,
  personSchema,
  registrationSchema,
  stayEntrySchema,
  type CaseRecord,
  type CaseStatus,
  type IntakeDraft,
  type IntakeForm,
} from '../../../../shared/case/schema';
import { statusMove, type StatusEvent } from '../../../../shared/case/status-rules';
import { validateIntake, type Finding } from '../../../../shared/case/validate';
import type { RegistrationGraceRules } from '../../../../shared/case/registration-gaps';
import { registrationGraceRules } from '../../../../shared/reference/lookup';
import { documentKeys, duplicateNameKeys, pinKey } from '../../../../shared/search/case-keys';
import { indexKey, indexKeys } from '../at-rest/keys';
import { parseForIssues, toFieldIssues, type FieldIssue } from '../../../../shared/validation/issues';
import type { CaseRow, FieldChange, PersonRow } from '../schema';
import { trackingInputFor, trackingTables } from '../tracking/tracking-input.repo';
import { caseRow, personDataFromIntake, personRow, type PersonData } from './case-rows';
import { localTodayIso } from '../../lib/date-time';
import { missionCasePrefix } from '../sync/case-numbers';

/** Who acts and for which mission: every write is attributed. */
export interface Actor {
  who: string;
  missionId: string;
  missionPrefix: string;
}

export type DuplicateReason = 'pin' | 'document' | 'name_birth';

export interface DuplicateMatch {
  caseId: string;
  caseNumber: string;
  personId: string;
  summary: CaseRow['summary'];
  status: CaseStatus;
  reasons: { reason: DuplicateReason; value: string }[];
}

export type SaveResult<T> =
  | { ok: true; value: T; warnings: Finding[] }
  | { ok: false; issues: FieldIssue[]; errors: Finding[] };

const nowIso = (now: Date) => now.toISOString();

export const INTAKE_DRAFT_KEY = 'intake';

/** Checks shape (schema) and impossible data (hard errors) together; warnings come back but never block. */
export function checkIntake(draft: unknown, now = new Date(), grace?: RegistrationGraceRules): SaveResult<IntakeForm> {
  const parsed = parseForIssues(intakeFormSchema, draft);
  const findings = validateIntake(draft as IntakeDraft, localTodayIso(now), grace ? { grace } : {});
  if (!parsed.success || findings.errors.length > 0) {
    return { ok: false, issues: parsed.success ? [] : toFieldIssues(parsed.error), errors: findings.errors };
  }
  return { ok: true, value: parsed.data, warnings: findings.warnings };
}

/** The registration grace days of the reference data in force (the factory values before any is stored). */
async function graceInForce(): Promise<RegistrationGraceRules> {
  return registrationGraceRules((await db().referenceVersions.orderBy('version').last())?.bundle);
}

/** «{prefix}-{yy}-{seq}», e.g. «КР-М-26-00017». */
export function formatCaseNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${String(year % 100).padStart(2, '0')}-${String(seq).padStart(5, '0')}`;
}

/**
 * Which of `candidates` (consecutive numbers) some case already has. Numbers of one width sort as they count, so
 * one range read finds them: anyOf sought each candidate with a round trip to IndexedDB, 15 ms per 500 numbers,
 * paid by every chunk of an import. Across a change of width (…-99999, …-100000) the range would hold most of
 * the year's cases, so those few calls still seek each one.
 */
async function takenNumbers(candidates: readonly string[]): Promise<Set<string>> {
  const first = candidates[0];
  const last = candidates[candidates.length - 1];
  if (first === undefined || last === undefined) return new Set();
  if (candidates.some((c) => c.length !== first.length)) return new Set((await db().cases.where('number').anyOf(candidates as string[]).keys()) as string[]);
  // Other numbers in the range (another format) are harmless: only candidates are looked up in the answer.
  return new Set((await db().cases.where('number').between(first, last, true, true).keys()) as string[]);
}

/**
 * The next `count` case numbers of the mission and year, in order, advancing the per-mission counter.
 * Must run inside a transaction that includes `cases` and `counters`.
 */
export async function allocateCaseNumbers(missionPrefix: string, year: number, count: number): Promise<string[]> {
  // A PC of a mission server numbers in its own series (data/sync/case-numbers.ts).
  const prefix = missionCasePrefix(db(), missionPrefix);
  const key = `case:${prefix}:${year}`;
  let seq = (await db().counters.get(key))?.value ?? 0;
  const numbers: string[] = [];
  // A number restored from a backup or a transfer may already exist: skip forward instead of failing.
  while (numbers.length < count) {
    const candidates = Array.from({ length: count - numbers.length }, (_, k) => formatCaseNumber(prefix, year, seq + 1 + k));
    const taken = await takenNumbers(candidates);
    for (const number of candidates) {
      seq++;
      if (!taken.has(number)) numbers.push(number);
    }
  }
  if (count > 0) await db().counters.put({ key, value: seq });
  return numbers;
}

/** Cases whose person has the same ПИН, any same document number, or the same normalised name and birth date. */
export async function findDuplicates(draft: Pick<IntakeDraft, 'person' | 'documents'>, excludePersonId?: string): Promise<DuplicateMatch[]> {
  const person = draft.person;
  const reasons = new Map<string, { reason: DuplicateReason; value: string }[]>();
  const add = (personId: string, reason: DuplicateReason, value: string) => {
    if (personId === excludePersonId) return;
    const list = reasons.get(personId) ?? [];
    if (!list.some((r) => r.reason === reason && r.value === value)) list.push({ reason, value });
    reasons.set(personId, list);
  };
  const pin = pinKey(person.pin ?? '');
  if (pin.length >= 4) {
    for (const id of await db().persons.where('pinKey').equals(indexKey(pin)).primaryKeys()) add(id, 'pin', person.pin);
  }
  const docs = (draft.documents ?? []).filter((d) => d.number?.trim());
  const keys = documentKeys(docs.map((d) => ({ series: d.series ?? '', number: d.number ?? '' })));
  if (keys.length > 0) {
    // The index holds keyed hashes (at-rest/fields.ts); each hash found names the plain key it stands for.
    const hashed = indexKeys(keys);
    for (const row of await db().persons.where('docKeys').anyOf([...hashed.keys()]).toArray()) {
      const hit = hashed.get(row.docKeys.find((k) => hashed.has(k)) ?? '') ?? '';
      const doc = docs.find((d) => documentKeys([{ series: d.series ?? '', number: d.number ?? '' }]).includes(hit));
      add(row.id, 'document', doc ? `${doc.series ?? ''} ${doc.number ?? ''}`.trim() : hit);
    }
  }
  if (person.birthDate) {
    const dupKeys = duplicateNameKeys({ ...person, birthDate: person.birthDate } as Parameters<typeof duplicateNameKeys>[0]);
    if (dupKeys.length > 0) {
      const hashed = indexKeys(dupKeys);
      for (const row of await db().persons.where('dupKeys').anyOf([...hashed.keys()]).toArray()) {
        add(row.id, 'name_birth', hashed.get(row.dupKeys.find((k) => hashed.has(k)) ?? '')?.split('|')[1] ?? '');
      }
    }
  }
  if (reasons.size === 0) return [];
  const cases = await db().cases.where('personId').anyOf([...reasons.keys()]).toArray();
  return cases
    .map((c) => ({ caseId: c.id, caseNumber: c.number, personId: c.personId, summary: c.summary, status: c.status, reasons: reasons.get(c.personId) ?? [] }))
    .sort((a, b) => b.reasons.length - a.reasons.length || a.caseNumber.localeCompare(b.caseNumber));
}

export interface CreateOptions {
  now?: Date;
  /** Saving despite duplicates needs a reason, which is audited. */
  duplicateOverride?: { reason: string; matchedCaseIds: string[] };
  newId?: () => string;
}

/** Creates person and case together, numbers the case, audits it and clears the intake draft — all or nothing. */
export async function createCase(draft: unknown, actor: Actor, options: CreateOptions = {}): Promise<SaveResult<CaseRow>> {
  const now = options.now ?? new Date();
  // The gap warnings count with the registration grace days of the reference data in force.
  const checked = checkIntake(draft, now, await graceInForce());
  if (!checked.ok) return checked;
  const form = checked.value;
  const at = nowIso(now);
  const override = options.duplicateOverride;
  if (override && !override.reason.trim()) {
    return { ok: false, issues: [{ path: 'duplicateOverride.reason', code: 'required' }], errors: [] };
  }
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const row = await db().transaction('rw', [db().persons, db().cases, db().audit, db().counters, db().drafts, ...trackingTables()], async () => {
    const [number] = (await allocateCaseNumbers(actor.missionPrefix, now.getFullYear(), 1)) as [string];
    const person = personDataFromIntake(form);
    const record: CaseRecord = {
      id: newId(),
      number,
      personId: person.id,
      ...form.case,
      missionId: actor.missionId,
      caseworker: form.case.caseworker || actor.who,
      status: 'intake',
      statusHistory: [{ status: 'intake', at, note: '' }],
      createdAt: at,
      updatedAt: at,
    };
    const created = caseRow(
      record,
      person,
      override ? { duplicateOverride: { reason: override.reason.trim(), matchedCaseIds: override.matchedCaseIds } } : {},
      await trackingInputFor(record.id, now),
    );
    await db().persons.add(personRow(person, at, at));
    await db().cases.add(created);
    await writeAudit({ at, who: actor.who, caseId: record.id, entity: 'case', entityId: record.id, action: 'create', changes: [], note: number });
    if (override) {
      await writeAudit({
        at,
        who: actor.who,
        caseId: record.id,
        entity: 'case',
        entityId: record.id,
        action: 'duplicate_override',
        changes: [{ field: 'duplicateOf', before: null, after: override.matchedCaseIds }],
        note: override.reason.trim(),
      });
    }
    await db().drafts.delete(INTAKE_DRAFT_KEY);
    return created;
  });
  return { ok: true, value: row, warnings: checked.warnings };
}

export async function getCase(caseId: string): Promise<{ record: CaseRow; person: PersonRow } | null> {
  const record = await db().cases.get(caseId);
  if (!record) return null;
  const person = await db().persons.get(record.personId);
  return person ? { record, person } : null;
}

export { auditFor } from '../audit.repo';

/** Case numbers by id, for the cases named in a duplicate warning; ids no longer in the base are left out. */
export async function caseNumbersOf(caseIds: string[]): Promise<Record<string, string>> {
  const rows = await db().cases.bulkGet(caseIds);
  return Object.fromEntries(rows.flatMap((row) => (row ? [[row.id, row.number]] : [])));
}

// ------------------------------------------------------------------ edits

type Path = (string | number)[];

function parsePath(path: string): Path {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node == null ? undefined : (node as Record<string | number, unknown>)[key]), value);
}

function setAt<T>(value: T, path: Path, next: unknown): T {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    if (node[key] == null || typeof node[key] !== 'object') throw new Error(`No such field: ${path.join('.')}`);
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = next;
  return copy as T;
}

/** The part of a person a case edit may touch, each checked by its own schema. */
const PERSON_PARTS = {
  documents: identityDocumentSchema.array(),
  stays: stayEntrySchema.array(),
  registrations: registrationSchema.array(),
  employments: employmentSchema.array(),
  amina: aminaStatusSchema,
} as const;

const EDITABLE_CASE_FIELDS = new Set(Object.keys(caseIntakeSchema.shape));

function personForm(person: PersonData, record: CaseRecord): IntakeDraft {
  const { documents, stays, registrations, employments, amina, ...core } = person;
  const personCore = Object.fromEntries(Object.entries(core).filter(([k]) => k in personSchema.shape));
  const caseCore = Object.fromEntries([...EDITABLE_CASE_FIELDS].map((k) => [k, record[k as keyof CaseRecord]]));
  return { person: personCore, documents, stays, registrations, employments, amina, case: caseCore } as unknown as IntakeDraft;
}

/** Fields of a case row that are decisions, not derived data: carried over on every rewrite. */
export function keptExtras(row: CaseRow): Pick<CaseRow, 'duplicateOverride' | 'diagnosis'> {
  return { duplicateOverride: row.duplicateOverride, diagnosis: row.diagnosis };
}

export function stripDerived(row: PersonRow): PersonData {
  const { pinKey: _p, docKeys: _d, dupKeys: _k, createdAt: _c, updatedAt: _u, ...data } = row;
  return data;
}

type WithId = { id: string };
const isIdList = (v: unknown): v is WithId[] =>
  Array.isArray(v) && v.every((item) => item !== null && typeof item === 'object' && typeof (item as Partial<WithId>).id === 'string');

function diff(before: unknown, after: unknown, prefix: string, out: FieldChange[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  // Lists of records are compared by id, so removing one item reads as that removal, not as the rest shifting up.
  if (isIdList(before) && isIdList(after)) {
    const afterIndex = new Map(after.map((item, i) => [item.id, i]));
    before.forEach((item, i) => {
      const j = afterIndex.get(item.id);
      if (j === undefined) out.push({ field: `${prefix}.${i}`, before: item, after: null });
      else diff(item, after[j], `${prefix}.${j}`, out);
    });
    const beforeIds = new Set(before.map((item) => item.id));
    after.forEach((item, j) => {
      if (!beforeIds.has(item.id)) out.push({ field: `${prefix}.${j}`, before: null, after: item });
    });
    return;
  }
  const isObj = (v: unknown) => v !== null && typeof v === 'object';
  if (isObj(before) && isObj(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before as object), ...Object.keys(after as object)]);
    for (const key of keys) diff((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  out.push({ field: prefix, before: before ?? null, after: after ?? null });
}

/**
 * Sets one field of a case or its person (`person.nameRu.surname`, `person.documents.0.number`,
 * `case.region`), validates the whole record as intake would, and writes it with an audit entry listing
 * each changed field before → after. Invalid input changes nothing.
 */
export async function updateField(caseId: string, path: string, value: unknown, actor: Actor, now = new Date()): Promise<SaveResult<CaseRow>> {
  const [scope, ...rest] = parsePath(path);
  if ((scope !== 'person' && scope !== 'case') || rest.length === 0) throw new Error(`Not an editable path: ${path}`);
  if (scope === 'case' && !EDITABLE_CASE_FIELDS.has(String(rest[0]))) throw new Error(`Not an editable case field: ${path}`);
  return db().transaction('rw', [db().persons, db().cases, db().audit, ...trackingTables()], async () => {
    const loaded = await getCase(caseId);
    if (!loaded) throw new Error(`No case ${caseId}`);
    const person = stripDerived(loaded.person);
    const before = personForm(person, loaded.record);
    const key = String(rest[0]);
    const formPath: Path = scope === 'case' ? ['case', ...rest] : key in PERSON_PARTS ? rest : ['person', ...rest];
    const after = setAt(before, formPath, value);
    const checked = checkIntake(after, now, await graceInForce());
    if (!checked.ok) return checked;
    const form = checked.value;
    const at = nowIso(now);
    const nextPerson = personDataFromIntake(form);
    const nextRecord: CaseRecord = { ...loaded.record, ...form.case, updatedAt: at };
    const changes: FieldChange[] = [];
    diff(getAt(before, formPath.slice(0, 1)), getAt(form, formPath.slice(0, 1)), String(formPath[0]), changes);
    if (changes.length === 0) return { ok: true as const, value: loaded.record, warnings: checked.warnings };
    const row = caseRow(nextRecord, nextPerson, keptExtras(loaded.record), await trackingInputFor(caseId, now));
    await db().persons.put(personRow(nextPerson, loaded.person.createdAt, at));
    await db().cases.put(row);
    await writeAudit({ at, who: actor.who, caseId, entity: scope, entityId: scope === 'case' ? caseId : person.id, action: 'update', changes });
    return { ok: true as const, value: row, warnings: checked.warnings };
  });
}

/** Adds an item to one of the person's history lists (documents, stays, registrations, employments). */
export async function addItem(caseId: string, list: 'documents' | 'stays' | 'registrations' | 'employments', item: unknown, actor: Actor, now = new Date()) {
  const loaded = await getCase(caseId);
  if (!loaded) throw new Error(`No case ${caseId}`);
  return updateField(caseId, `person.${list}`, [...loaded.person[list], item], actor, now);
}

export async function removeItem(caseId: string, list: 'documents' | 'stays' | 'registrations' | 'employments', index: number, actor: Actor, now = new Date()) {
  const loaded = await getCase(caseId);
  if (!loaded) throw new Error(`No case ${caseId}`);
  return updateField(caseId, `person.${list}`, loaded.person[list].filter((_, i) => i !== index), actor, now);
}

/**
 * Moves the case to a new status, keeping the dated history, and audits it. `event` names the work that moved
 * it by a workflow rule (shared/case/status-rules.ts); without it the change is the caseworker's own.
 */
export async function changeStatus(caseId: string, status: CaseStatus, note: string, actor: Actor, now = new Date(), event?: StatusEvent): Promise<CaseRow> {
  return db().transaction('rw', [db().persons, db().cases, db().audit, ...trackingTables()], async () => {
    const loaded = await getCase(caseId);
    if (!loaded) throw new Error(`No case ${caseId}`);
    if (loaded.record.status === status) return loaded.record;
    const at = nowIso(now);
    const record: CaseRecord = {
      ...loaded.record,
      status,
      statusHistory: [...loaded.record.statusHistory, { status, at, note: note.trim().slice(0, 2000) }],
      updatedAt: at,
    };
    const row = caseRow(record, stripDerived(loaded.person), keptExtras(loaded.record), await trackingInputFor(caseId, now));
    await db().cases.put(row);
    await writeAudit({
      at,
      who: actor.who,
      caseId,
      entity: 'case',
      entityId: caseId,
      action: 'status',
      changes: [{ field: 'status', before: loaded.record.status, after: status }, ...(event ? [{ field: 'status.event', before: null, after: event }] : [])],
      note: note.trim().slice(0, 2000),
    });
    return row;
  });
}

/**
 * Applies the workflow rule `event` triggers, if any, inside the caller's transaction (which must hold the
 * tables changeStatus writes: persons, cases, audit and the tracking tables). Answers the new status, or null.
 */
export async function followWork(caseId: string, event: StatusEvent, actor: Actor, now = new Date()): Promise<CaseStatus | null> {
  const row = await db().cases.get(caseId);
  if (!row) return null;
  const rule = statusMove(row.status, event);
  if (!rule) return null;
  await changeStatus(caseId, rule.to, rule.note, actor, now, event);
  return rule.to;
}

