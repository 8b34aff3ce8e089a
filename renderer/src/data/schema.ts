import Dexie, { type EntityTable, type Table } from 'dexie';
import { activeDbName } from './active-db';
import { caseWritesMiddleware } from './case-writes';
import { caseSearchMiddleware, type CaseSearchRow } from './case-search';
import { atRestMiddleware } from './at-rest/field-crypto';
import { AT_REST_FIELDS, type Decisions } from './at-rest/fields';
import { currentCodec } from './at-rest/keys';
import type { AtRestCodec } from '../../../shared/crypto/at-rest';
import { ENCRYPTION_MARKER, type AtRestMarkerRow } from './at-rest/marker';
import { SYNC_ENABLED_KEY, loadSyncSwitch, syncStampMiddleware } from './sync/stamps';
import type { SyncConflictRow, SyncMetaRow, SyncStateRow } from './sync/sync-rows';
import { dropPlainSearchKeys, rederiveSearchKeys } from './search-keys-upgrade';
import { ACT_ACTIONS, CASE_FILTER_FIELDS, CASE_SORT_FIELDS, CHECK_CHANNELS, NO_DEADLINE } from './row-values';
import type { IntakeDraft } from '../../../shared/case/schema';
import type { AppealChannel } from '../../../shared/appeals/appeal';
import type { SentItem } from '../../../shared/deadlines/facts';
import type { NumberingSettings } from '../../../shared/documents/numbering';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import type { ReferenceBundle } from '../../../shared/reference/schema';
import type { CaseworkerProfile, MissionSettings } from '../../../shared/settings/schema';
import type { BatchItemRow, BatchJobRow } from './batch/batch-rows';

// The value lists screens use live in row-values.ts (features import no value from this module); the data layer
// keeps importing them from here.
export { ACT_ACTIONS, CASE_FILTER_FIELDS, CASE_SORT_FIELDS, CHECK_CHANNELS, NO_DEADLINE };

export type SettingsRow =
  | { key: 'mission'; value: MissionSettings; updatedAt: string }
  | { key: 'caseworker'; value: CaseworkerProfile; updatedAt: string }
  | { key: 'numbering'; value: NumberingSettings; updatedAt: string };

// The person and case rows live in stored-rows.ts, which imports nothing of the data layer: the middleware that
// keeps the search entries (case-search.ts), which this module installs, is built on them.
export type { CaseRow, CaseSummary, PersonRow } from './stored-rows';
import type { CaseRow, PersonRow } from './stored-rows';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Append-only: rows are added, never changed or removed. */
/** What the access log records (sign-in and lock, from main's accounts file); rows under SESSION_TRAIL. */
export type SessionAction = 'sign_in' | 'sign_in_failed' | 'sign_out' | 'lock' | 'unlock' | 'password_changed' | 'password_reset' | 'account_added' | 'account_changed' | 'recovered';

export type ActAction = (typeof ACT_ACTIONS)[number];
export type ActEntity = 'report' | 'cases' | 'register' | 'backup' | 'bundle' | 'mission';

export interface AuditRow {
  seq?: number;
  at: string;
  who: string;
  caseId: string;
  /** The signed-in account that made the row (`who` is its name then); absent on rows from before accounts. */
  accountId?: string;
  entity: 'case' | 'person' | 'request' | 'check' | 'appeal' | 'reference' | 'attachment' | 'document' | 'template' | 'import' | 'session' | ActEntity;
  entityId: string;
  action: 'create' | 'update' | 'status' | 'duplicate_override' | 'diagnosis' | 'delete' | 'void' | 'transfer' | SessionAction | ActAction;
  changes: FieldChange[];
  note?: string;
  /** The hash chain (shared/audit/chain.ts): the previous row's hash and this row's; absent on rows from before it. */
  prevHash?: string;
  hash?: string;
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

/**
 * A citizen's own request to the mission (shared/appeals/appeal.ts) and, once given, the mission's answer.
 * The day it came and the answer's day drive the answer clock and the work queue; the texts are the person's.
 */
export interface AppealRow {
  id: string;
  caseId: string;
  receivedOn: string;
  channel: AppealChannel;
  request: string;
  answeredOn?: string;
  answerChannel?: AppealChannel;
  answerText?: string;
  createdAt: string;
  updatedAt: string;
}

export type { CheckChannel } from '../../../shared/deadlines/check-schema';
import type { CheckChannel } from '../../../shared/deadlines/check-schema';

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

/** What an attachment is evidence for: a diagnosis checklist item, a generated document or a register check. */
export interface AttachmentLink {
  kind: 'checklist' | 'document' | 'check' | 'none';
  id?: string;
}

/** A file attached to a case; the bytes live in main's content-addressed store under `sha256`. */
export interface AttachmentRow {
  id: string;
  caseId: string;
  sha256: string;
  name: string;
  mime: 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/tiff';
  bytes: number;
  /** Pages (sheets for «на N л.»); null when the PDF could not be read (see `pagesProblem`). */
  pages: number | null;
  pagesProblem?: 'encrypted' | 'unreadable';
  caption: string;
  /** The document's date (ISO) as the caseworker gives it; '' when unknown. */
  date: string;
  link: AttachmentLink;
  /** When it was moved to the trash (ISO); null while in use. */
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const GENERATED_DOC_STATUSES = ['generated', 'signed', 'sent', 'received', 'answered', 'void'] as const;
export type GeneratedDocStatus = (typeof GENERATED_DOC_STATUSES)[number];
export const SEND_METHODS = ['by_hand', 'post', 'courier', 'email'] as const;
export type SendMethod = (typeof SEND_METHODS)[number];

/** The PDF main wrote for a document, under `<dataDir>/cases/`. */
export interface GeneratedFile {
  /** Relative to `<dataDir>/cases`, forward slashes: `<caseId>/<file>.pdf`. */
  relPath: string;
  sha256: string;
  bytes: number;
  pages: number;
}

export interface DocumentEvent {
  at: string;
  kind: string;
  who: string;
  data?: Record<string, unknown>;
}

/** A document made for a case from a template; numbered ones have a row in the outgoing register. */
export interface GeneratedDocRow {
  id: string;
  caseId: string;
  templateId: string;
  templateVersion: number;
  title: string;
  addressee: string;
  /** '' when the document is not numbered (a citizen's application, a memo). */
  outgoingNumber: string;
  outgoingSeq: number | null;
  /** ISO date the document bears. */
  registeredAt: string;
  file: GeneratedFile | null;
  status: GeneratedDocStatus;
  events: DocumentEvent[];
  requestId: string | null;
  /** Signed: the date and a note (who signed; the signed scan once attachments exist). */
  signed?: { date: string; note: string };
  sent?: { date: string; method: SendMethod; tracking?: string; proof?: string };
  received?: { theirNumber: string; date: string };
  answered?: { date: string; summary: string };
  voidReason?: string;
  /**
   * What the document states about the cause: the reference data version and each letter argument printed, with
   * its version and form (assertion or request to check). Not indexed, so it needs no schema version; rows
   * generated before it have none.
   */
  statements?: DocumentStatements;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentStatements {
  referenceVersion: number | null;
  causeId: string | null;
  arguments: Array<{ id: string; version: number; form: 'assertion' | 'check' }>;
  /** Consistency warnings the caseworker acknowledged before generating (shared/documents/checks). */
  acknowledged: Array<{ key: string; code: string; params: Record<string, string | number> }>;
}

/** One allocated outgoing number; never deleted, a voided number stays with its reason. */
export interface OutgoingRow {
  number: string;
  seq: number;
  year: number;
  /** ISO date of registration. */
  date: string;
  caseId: string;
  /** Copied from the case at registration, so the register reads without joins. */
  caseNumber: string;
  personName: string;
  documentId: string;
  addressee: string;
  title: string;
  status: 'registered' | 'void';
  voidReason: string;
}

/**
 * One step in a template's history: a saved custom version, or a reset that put the factory template back
 * in force (`template` null). The row with the highest `seq` for an id is the one in force.
 */
export interface TemplateVersionRow {
  seq?: number;
  id: string;
  /** The custom version number (a reset row carries the factory version it restored). */
  version: number;
  action: 'edit' | 'reset';
  template: DocumentTemplate | null;
  at: string;
  who: string;
}

/** The template editor's unsaved work, kept across navigation and restarts until saved or discarded. */
export interface TemplateDraftRow {
  id: string;
  /** The version the draft was started from. */
  baseVersion: number;
  /** The template's own settings (title, language, type size, page budget, requisites) as JSON text. */
  meta: string;
  /** Each block: its text (for blocks that have one) and its other properties as JSON text. */
  blocks: Array<{ key: string; text: string | null; json: string }>;
  savedAt: string;
}

/** A column mapping the caseworker confirmed, found again by the file's normalised header row. */
export interface ImportMappingRow {
  signature: string;
  headers: string[];
  mapping: string[];
  savedAt: string;
}

/**
 * The journal of one import: written with each chunk, so an import stopped by a crash is still known and
 * gets its one audit entry (see import/write.ts). While it runs, each chunk adds a `part` row (id
 * `<import id>#<chunk>`) with just that chunk's cases; closing folds the parts into the journal row.
 */
export interface ImportJournalRow {
  id: string;
  fileName: string;
  who: string;
  startedAt: string;
  status: 'running' | 'part' | 'done' | 'canceled' | 'interrupted';
  created: { caseId: string; number: string; row: number }[];
  skipped: { row: number; reason: string }[];
  finishedAt?: string;
}

/**
 * What this PC last shared with another for one transferred record (exported or received): its content hash
 * then. A record whose hash here still equals it has not changed here since, so a newer incoming version
 * simply replaces it; otherwise both sides changed it and the caseworker decides.
 */
export interface TransferSyncRow {
  table: string;
  key: string;
  hash: string;
  bundleId: string;
  at: string;
  direction: 'export' | 'import';
}

export const DB_NAME = 'aryz';

const FILTER_FIELDS = CASE_FILTER_FIELDS;
/** The sorts IndexedDB still indexes since v14: `sortName` (the Russian name, personal) is no longer stored. */
const INDEXED_SORT_FIELDS = ['updatedAt', 'createdAt', 'nextDeadline'] as const;
/** Versions 2 to 13 indexed the name too; their declarations must stay as they were. */
const LEGACY_SORT_FIELDS = ['updatedAt', 'createdAt', 'sortName', 'nextDeadline'] as const;
/** Each filter paired with each sort, so every list query walks one index (v2 to v13). */
const CASE_COMPOUND_INDEXES = FILTER_FIELDS.flatMap((f) => LEGACY_SORT_FIELDS.map((s) => `[${f}+${s}]`));
/** The same for the sorts still indexed (v14 on). */
const INDEXED_COMPOUND_INDEXES = FILTER_FIELDS.flatMap((f) => INDEXED_SORT_FIELDS.map((s) => `[${f}+${s}]`));

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
  attachments!: Table<AttachmentRow, string>;
  documents!: Table<GeneratedDocRow, string>;
  outgoing!: Table<OutgoingRow, [number, number]>;
  templates!: EntityTable<TemplateVersionRow, 'seq'>;
  templateDrafts!: EntityTable<TemplateDraftRow, 'id'>;
  importMappings!: Table<ImportMappingRow, string>;
  imports!: Table<ImportJournalRow, string>;
  transferSync!: Table<TransferSyncRow, [string, string]>;
  batchJobs!: Table<BatchJobRow, string>;
  batchItems!: Table<BatchItemRow, string>;
  atRest!: Table<AtRestMarkerRow, string>;
  caseSearch!: Table<CaseSearchRow, string>;
  syncState!: Table<SyncStateRow, [string, string]>;
  syncMeta!: Table<SyncMetaRow, [string, string]>;
  syncConflicts!: Table<SyncConflictRow, string>;
  appeals!: Table<AppealRow, string>;

  /** `codecOf`: where the at-rest codec comes from — the signed-in session, or a key a worker was handed. */
  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1], codecOf: () => AtRestCodec | null = currentCodec) {
    super(name, options);
    this.use(caseWritesMiddleware(this));
    // After case-writes (so it reports the entries this one writes): one search entry per case, kept in step.
    this.use(caseSearchMiddleware());
    // Personal fields are sealed and equality keys hashed below everything else (data/at-rest/fields.ts).
    this.use(atRestMiddleware(codecOf));
    this.use(syncStampMiddleware(this));
    this.version(1).stores({
      settings: 'key',
    });
    // v2: case management. New tables only, so there is nothing to migrate.
    this.version(2).stores({
      persons: 'id, pinKey, *docKeys, *dupKeys, updatedAt',
      cases: ['id', '&number', 'personId', ...FILTER_FIELDS, ...LEGACY_SORT_FIELDS, '*words', ...CASE_COMPOUND_INDEXES].join(', '),
      audit: '++seq, caseId, at',
      drafts: 'key',
      counters: 'key',
    });
    // v3: deadlines and tracking — requests sent, register checks, versioned reference data, and the
    // next re-check date on each case for the work queue. The upgrade only fills fields that are missing.
    this.version(3)
      .stores({
        cases: ['id', '&number', 'personId', ...FILTER_FIELDS, ...LEGACY_SORT_FIELDS, 'nextCheck', '*words', ...CASE_COMPOUND_INDEXES].join(', '),
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
    // v4: generated documents and the outgoing register. The register is keyed by [year+seq] so a number can
    // be allocated only once per year; `&number` refuses the same printed number twice. New tables only.
    this.version(4).stores({
      documents: 'id, caseId, status, registeredAt',
      outgoing: '[year+seq], &number, date, caseId, status, documentId',
    });
    // v5: document templates — every saved custom version and every reset (history), and editor drafts.
    this.version(5).stores({
      templates: '++seq, id, [id+version]',
      templateDrafts: 'id',
    });
    // v6: attachments (the files themselves live in main's store; rows name them by hash). New table only.
    this.version(6).stores({
      attachments: 'id, caseId, sha256, deletedAt',
    });
    // v8: import — saved column mappings and the journal of each import run. New tables only.
    this.version(8).stores({ importMappings: 'signature', imports: 'id, status' });
    // v9: case transfer between PCs — the last shared version of each transferred record. New table only.
    this.version(9).stores({
      transferSync: '[table+key], bundleId',
    });
    // v10: batch generation — jobs with per-item state, so an interrupted batch resumes without numbering twice.
    this.version(10).stores({
      batchJobs: 'id, state, createdAt',
      batchItems: 'id, jobId, [jobId+state]',
    });
    // v11: drops indexes no query reads, since every index entry is written with every row (restore, import).
    // A filter alone is answered by its [filter+sort] compound index (Dexie's virtual index on the first part);
    // nothing reads persons by updatedAt or the audit by time. Deleting an index is idempotent in Dexie's diff.
    this.version(11).stores({
      cases: ['id', '&number', 'personId', ...LEGACY_SORT_FIELDS, 'nextCheck', '*words', ...CASE_COMPOUND_INDEXES].join(', '),
      persons: 'id, pinKey, *docKeys, *dupKeys',
      audit: '++seq, caseId',
    });
    // v12: the work queue's actions (follow up, answers owed, court terms still open) as one multi-entry index
    // of `<action>|<due>`, and documents by [status+registeredAt] for the ones still to send. Cases written
    // before get an empty list here; the deadline refresh, which recomputes every case once its formula
    // version changes (tracking/daily-refresh.ts), fills them in.
    this.version(12)
      .stores({
        cases: ['id', '&number', 'personId', ...LEGACY_SORT_FIELDS, 'nextCheck', '*actions', '*words', ...CASE_COMPOUND_INDEXES].join(', '),
        documents: 'id, caseId, status, registeredAt, [status+registeredAt]',
      })
      .upgrade((tx) =>
        tx
          .table('cases')
          .toCollection()
          .modify((row: Partial<CaseRow>) => {
            row.actions ??= [];
          }),
      );
    // v13: no store changes; the search words and duplicate keys are derived again under the new rules
    // (a sign before a vowel is the glide й; birth dates and phones are search words). See search-keys-upgrade.ts.
    this.version(13).stores({}).upgrade((tx) => rederiveSearchKeys(tx));
    // v14: nothing readable at rest. Rows written from now on are sealed by the at-rest middleware; the rows
    // already there are sealed after this open, in batches with progress, by at-rest/encrypt-in-place.repo.ts,
    // which this marker asks for and which records its progress in it (so an interrupted run resumes). A fresh
    // database runs no upgrade and needs no marker. Writing the marker only when it is absent keeps a second
    // run from restarting a pass already under way.
    this.version(14)
      .stores({ atRest: 'key' })
      .upgrade(async (tx) => {
        const markers = tx.table('atRest');
        if (!(await markers.get(ENCRYPTION_MARKER))) await markers.put({ key: ENCRYPTION_MARKER, state: 'pending', table: null, after: null, done: 0, startedAt: null } satisfies AtRestMarkerRow);
      });
    // v15: nothing personal in plain form in an index. The search words (name keys, ПИН, document numbers,
    // birth dates, phones) and the sort name leave the rows and the indexes; search and the sort by name are
    // answered from the index built in memory after sign-in (cases/case-index.cache.ts). See search-keys-upgrade.ts.
    this.version(15)
      .stores({
        cases: ['id', '&number', 'personId', ...INDEXED_SORT_FIELDS, 'nextCheck', '*actions', ...INDEXED_COMPOUND_INDEXES].join(', '),
      })
      .upgrade((tx) => dropPlainSearchKeys(tx));
    // v16: mission sync (data/sync/). The revision and local write time of each synced row, kept beside the
    // row (rows themselves are unchanged, and a deletion leaves its stamp as the tombstone the server needs);
    // the replication engine's own bookkeeping; and same-field conflicts awaiting a choice. New tables only.
    this.version(16).stores({
      syncState: '[table+key], [table+lwt+key]',
      syncMeta: '[scope+id]',
      syncConflicts: 'id, [table+key]',
    });
    this.on('ready', () => loadSyncSwitch(this, () => this.syncMeta.get(SYNC_ENABLED_KEY)));
    // v17: one sealed search entry per case (data/case-search.ts), so the index built
    // after sign-in opens one small value per case instead of reading whole persons and cases. New table only:
    // the entries are written with every case, person and register write from now on, and those of cases
    // written before are filled in batches before the index first builds (cases/case-search.repo.ts).
    this.version(17).stores({ caseSearch: 'id' });
    // v18: citizens' requests to the mission and
    // the answers, read by case. A new table, so existing databases only gain it empty: there is nothing to
    // migrate, and opening twice changes nothing. A case's queue entry for answering is added to its `actions`
    // when a request is recorded (data/appeals/appeals.repo.ts).
    this.version(18).stores({ appeals: 'id, caseId' });
  }
}

/** Every table but the marker, with its row type: each field of each needs a decision in at-rest/fields.ts. */
type DecidedTables = { [K in keyof AryzDb as AryzDb[K] extends Table<infer _R, infer _K, infer _I> ? (K extends 'atRest' ? never : K) : never]: AryzDb[K] extends Table<infer R, infer _K, infer _I> ? Decisions<R> : never };
AT_REST_FIELDS satisfies DecidedTables;

export const CASE_INDEXED_SORT_FIELDS = INDEXED_SORT_FIELDS;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];
export type CaseIndexedSortField = (typeof INDEXED_SORT_FIELDS)[number];
export type CaseFilterField = (typeof FILTER_FIELDS)[number];

let instance: AryzDb | null = null;
/**
 * The app's database: the one the restore pointer names (renderer/src/data/active-db.ts), else `aryz`. Every
 * data-layer function reads it here, so nothing above the data layer holds a database.
 */
export function db(): AryzDb {
  instance ??= new AryzDb(activeDbName(DB_NAME));
  return instance;
}

/**
 * Tests only: makes `database` the one every data-layer function uses (each test its own fake IndexedDB); null
 * goes back to the one the restore pointer names.
 */
export function selectDatabaseForTests(database: AryzDb | null): void {
  instance = database;
}
