import Dexie, { type EntityTable, type Table } from 'dexie';
import { activeDbName } from './active-db';
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
import type { ClockId } from '../../../shared/deadlines/settings';
import type { SentItem } from '../../../shared/deadlines/facts';
import type { DiagnosisChoice } from '../../../shared/diagnosis/choice';
import type { ReferenceBundle } from '../../../shared/reference/schema';
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
  /** Which clock that deadline belongs to. */
  nextDeadlineClock: ClockId | null;
  /** Next planned check of the register; '9999-12-31' when none. */
  nextCheck: string;
  /** The caseworker's confirmed or overridden diagnosis. */
  diagnosis?: DiagnosisChoice;
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
  entity: 'case' | 'person' | 'request' | 'check' | 'reference';
  entityId: string;
  action: 'create' | 'update' | 'status' | 'duplicate_override' | 'diagnosis' | 'delete';
  changes: FieldChange[];
  note?: string;
}

/** A request, letter or note sent for a case, with the dates that drive its clocks. */
export interface RequestRow extends SentItem {
  caseId: string;
  addressee: string;
  ourNumber: string;
  theirNumber: string;
  note: string;
  answerSummary: string;
  createdAt: string;
  updatedAt: string;
}

export const CHECK_CHANNELS = ['mvd_site', 'gosuslugi', 'bank', 'other'] as const;
export type CheckChannel = (typeof CHECK_CHANNELS)[number];

/** One look at the register for a person. */
export interface CheckRow {
  id: string;
  caseId: string;
  /** Moment of the check (ISO date-time). */
  at: string;
  channel: CheckChannel;
  documentId?: string;
  issueDate?: string;
  birthDateMode: 'full' | 'month_year' | 'year';
  listed: boolean;
  resultText: string;
  screenshotNote: string;
  createdAt: string;
}

/** Every version of the reference data; the highest is in force. */
export interface ReferenceVersionRow {
  version: number;
  bundle: ReferenceBundle;
  at: string;
  who: string;
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
  requests!: Table<RequestRow, string>;
  checks!: Table<CheckRow, string>;
  referenceVersions!: Table<ReferenceVersionRow, number>;
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
    // v3: deadlines and tracking — requests sent, register checks, versioned reference data, and the
    // next re-check date on each case for the work queue. The upgrade only fills fields that are missing.
    this.version(3)
      .stores({
        cases: ['id', '&number', 'personId', ...FILTER_FIELDS, ...SORT_FIELDS, 'nextCheck', '*words', ...CASE_COMPOUND_INDEXES].join(', '),
        requests: 'id, caseId',
        checks: 'id, caseId',
        referenceVersions: 'version',
      })
      .upgrade((tx) =>
        tx
          .table('cases')
          .toCollection()
          .modify((row: Partial<CaseRow>) => {
            row.nextCheck ??= NO_DEADLINE;
            row.nextDeadlineClock ??= null;
          }),
      );
  }
}

export const CASE_SORT_FIELDS = SORT_FIELDS;
export const CASE_FILTER_FIELDS = FILTER_FIELDS;
export type CaseSortField = (typeof SORT_FIELDS)[number];
export type CaseFilterField = (typeof FILTER_FIELDS)[number];

let instance: AryzDb | null = null;
/** The app's database: the one the restore pointer names (renderer/src/db/active-db.ts), else `aryz`. */
export function db(): AryzDb {
  instance ??= new AryzDb(activeDbName(DB_NAME));
  return instance;
}
