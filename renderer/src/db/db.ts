import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  AminaStatus,
  CaseRecord,
  Employment,
  IdentityDocument,
  IntakeDraft,
  PartialDate,
  Person,
  Registration,
  StayEntry,
} from '../../../shared/case/schema';
import type { CaseworkerProfile, MissionSettings } from '../../../shared/settings/schema';

export type SettingsRow =
  | { key: 'mission'; value: MissionSettings; updatedAt: string }
  | { key: 'caseworker'; value: CaseworkerProfile; updatedAt: string };

/** A person with the history records that belong to them, plus derived keys for duplicate detection. */
export interface PersonRow extends Person {
  documents: IdentityDocument[];
  stays: StayEntry[];
  registrations: Registration[];
  employments: Employment[];
  amina: AminaStatus;
  /** ПИН digits only. */
  pinKey: string;
  /** Every document's number, with and without series, normalised. */
  docKeys: string[];
  /** Sorted name keys + birth date, one per spelling. */
  dupKeys: string[];
  createdAt: string;
  updatedAt: string;
}

/** What the list shows without loading the person. */
export interface CaseSummary {
  nameRu: string;
  nameKy: string;
  nameLat: string;
  birthDate: PartialDate;
  pin: string;
  document: string;
}

export interface CaseRow extends CaseRecord {
  /** Search index words (name keys in all scripts, ПИН, document, case and outgoing numbers). */
  words: string[];
  sortName: string;
  /** Earliest open deadline as an ISO date; '9999-12-31' when none, so every case stays in the index. */
  nextDeadline: string;
  summary: CaseSummary;
  /** Set when the caseworker saved despite a duplicate warning. */
  duplicateOverride?: { reason: string; matchedCaseIds: string[] };
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Append-only: rows are added, never changed or removed. */
export interface AuditRow {
  seq?: number;
  at: string;
  who: string;
  caseId: string;
  entity: 'case' | 'person';
  entityId: string;
  action: 'create' | 'update' | 'status' | 'duplicate_override';
  changes: FieldChange[];
  note?: string;
}

export interface DraftRow {
  key: string;
  data: IntakeDraft;
  savedAt: string;
}

export interface CounterRow {
  key: string;
  value: number;
}

export const DB_NAME = 'aryz';
export const NO_DEADLINE = '9999-12-31';

const SORT_FIELDS = ['updatedAt', 'createdAt', 'sortName', 'nextDeadline'] as const;
const FILTER_FIELDS = ['status', 'region', 'missionId', 'caseworker'] as const;
/** Each filter paired with each sort, so every list query walks one index. */
const CASE_COMPOUND_INDEXES = FILTER_FIELDS.flatMap((f) => SORT_FIELDS.map((s) => `[${f}+${s}]`));

/**
 * The case database. Every schema change is a new `version(n)` after the previous ones, never an edit of
 * an old one, and any upgrade function must be safe to run twice.
 */
export class AryzDb extends Dexie {
  settings!: EntityTable<SettingsRow, 'key'>;
  persons!: Table<PersonRow, string>;
  cases!: Table<CaseRow, string>;
  audit!: EntityTable<AuditRow, 'seq'>;
  drafts!: EntityTable<DraftRow, 'key'>;
  counters!: EntityTable<CounterRow, 'key'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      settings: 'key',
    });
    // v2: case management. New tables only, so there is nothing to migrate.
    this.version(2).stores({
      persons: 'id, pinKey, *docKeys, *dupKeys, updatedAt',
      cases: ['id', '&number', 'personId', ...FILTER_FIELDS, ...SORT_FIELDS, '*words', ...CASE_COMPOUND_INDEXES].join(', '),
      audit: '++seq, caseId, at',
      drafts: 'key',
      counters: 'key',
    });
  }
}

export const CASE_SORT_FIELDS = SORT_FIELDS;
export const CASE_FILTER_FIELDS = FILTER_FIELDS;
export type CaseSortField = (typeof SORT_FIELDS)[number];
export type CaseFilterField = (typeof FILTER_FIELDS)[number];

let instance: AryzDb | null = null;
export function db(): AryzDb {
  instance ??= new AryzDb();
  return instance;
}
