/**
 * What happens to each field of each table at rest — the one place that decides it. schema.ts checks this
 * against the row types (`Decided<AryzDb>`), so a field added to a row without a decision does not compile, and
 * tests/unit/renderer/data/at-rest/fields.test.ts fails when a personal-looking field is left plain without
 * a reason in REVIEWED_PLAIN.
 *
 * - `sealed`: the field's value is encrypted on its own (shared/crypto/at-rest.ts). Personal values: names in
 *   every script, ПИН, document numbers, birth date and place, addresses, phones, e-mail, free text, audit
 *   changes that quote them, drafts and journals that copy them.
 * - `hashed`: an equality index over personal values; each value (or each entry of a list) is stored as its
 *   keyed hash, and queries look it up by `indexKey` (keys.ts).
 * - `plain`: ids, statuses, dates of work, regions, outgoing and case numbers, staff names: indexes need them
 *   and they say nothing about the person.
 * Cases carry no search words or sort name since v15: those live in the in-memory search index
 * (data/cases/case-index.cache.ts) and, since v17, sealed in each case's one search entry (`caseSearch.entry`,
 * data/case-search.ts); SEARCH_OWNED names them for rows written before v15.
 */
export type FieldDecision = 'sealed' | 'hashed' | 'plain';

/** Fields the in-memory search index removes from the stored rows; until then they are written as they are. */
export const SEARCH_OWNED = ['cases.words', 'cases.sortName'] as const;
type SearchOwnedField = 'words' | 'sortName';

// A union row (settings) is decided field by field over every member.
type KeysOf<Row> = Row extends unknown ? Exclude<keyof Row, SearchOwnedField> : never;
/** A decision for every field of a row type. */
export type Decisions<Row> = { readonly [K in KeysOf<Row> & string]-?: FieldDecision };

/** The at-rest marker table holds only progress (at-rest/marker.ts) and needs no decision. */
export const UNDECIDED_TABLES: readonly string[] = ['atRest'];

export const AT_REST_FIELDS = {
  settings: { key: 'plain', value: 'plain', updatedAt: 'plain' },
  persons: {
    id: 'plain',
    nameKy: 'sealed',
    nameRu: 'sealed',
    nameLat: 'sealed',
    patronymicForm: 'plain',
    otherSpellings: 'sealed',
    sex: 'plain',
    birthDate: 'sealed',
    placeOfBirth: 'sealed',
    citizenship: 'plain',
    secondCitizenship: 'plain',
    pin: 'sealed',
    phones: 'sealed',
    email: 'sealed',
    ruPostalAddress: 'sealed',
    kgAddress: 'sealed',
    preferredLanguage: 'plain',
    representative: 'sealed',
    consentDate: 'plain',
    documents: 'sealed',
    stays: 'sealed',
    registrations: 'sealed',
    employments: 'sealed',
    amina: 'sealed',
    pinKey: 'hashed',
    docKeys: 'hashed',
    dupKeys: 'hashed',
    createdAt: 'plain',
    updatedAt: 'plain',
  },
  cases: {
    id: 'plain',
    number: 'plain',
    personId: 'plain',
    missionId: 'plain',
    caseworker: 'plain',
    region: 'plain',
    learnedAt: 'plain',
    learnedHow: 'plain',
    learnedNote: 'sealed',
    impacts: 'plain',
    status: 'plain',
    statusHistory: 'sealed',
    outcome: 'plain',
    createdAt: 'plain',
    updatedAt: 'plain',
    nextDeadline: 'plain',
    nextDeadlineClock: 'plain',
    nextCheck: 'plain',
    actions: 'plain',
    diagnosis: 'sealed',
    summary: 'sealed',
    duplicateOverride: 'sealed',
  },
  audit: {
    seq: 'plain',
    at: 'plain',
    who: 'plain',
    accountId: 'plain',
    caseId: 'plain',
    entity: 'plain',
    entityId: 'plain',
    action: 'plain',
    changes: 'sealed',
    note: 'sealed',
    prevHash: 'plain',
    hash: 'plain',
  },
  drafts: { key: 'plain', data: 'sealed', savedAt: 'plain' },
  requests: {
    id: 'plain',
    kind: 'plain',
    sentAt: 'plain',
    receivedAt: 'plain',
    registeredAt: 'plain',
    forwardedAt: 'plain',
    extendedByDays: 'plain',
    answeredAt: 'plain',
    follows: 'plain',
    caseId: 'plain',
    addressee: 'plain',
    ourNumber: 'plain',
    theirNumber: 'plain',
    note: 'sealed',
    answerSummary: 'sealed',
    createdAt: 'plain',
    updatedAt: 'plain',
  },
  checks: {
    id: 'plain',
    caseId: 'plain',
    at: 'plain',
    channel: 'plain',
    documentId: 'plain',
    issueDate: 'plain',
    birthDateMode: 'plain',
    listed: 'plain',
    resultText: 'sealed',
    screenshotNote: 'sealed',
    createdAt: 'plain',
  },
  appeals: {
    id: 'plain',
    caseId: 'plain',
    receivedOn: 'plain',
    channel: 'plain',
    request: 'sealed',
    answeredOn: 'plain',
    answerChannel: 'plain',
    answerText: 'sealed',
    createdAt: 'plain',
    updatedAt: 'plain',
  },
  referenceVersions: { version: 'plain', bundle: 'plain', at: 'plain', who: 'plain' },
  counters: { key: 'plain', value: 'plain' },
  attachments: {
    id: 'plain',
    caseId: 'plain',
    sha256: 'plain',
    name: 'sealed',
    mime: 'plain',
    bytes: 'plain',
    pages: 'plain',
    pagesProblem: 'plain',
    caption: 'sealed',
    date: 'plain',
    link: 'plain',
    deletedAt: 'plain',
    createdAt: 'plain',
    updatedAt: 'plain',
  },
  documents: {
    id: 'plain',
    caseId: 'plain',
    templateId: 'plain',
    templateVersion: 'plain',
    title: 'sealed',
    addressee: 'sealed',
    outgoingNumber: 'plain',
    outgoingSeq: 'plain',
    registeredAt: 'plain',
    file: 'plain',
    status: 'plain',
    events: 'sealed',
    requestId: 'plain',
    signed: 'sealed',
    sent: 'sealed',
    received: 'sealed',
    answered: 'sealed',
    voidReason: 'sealed',
    statements: 'sealed',
    createdAt: 'plain',
    updatedAt: 'plain',
  },
  outgoing: {
    number: 'plain',
    seq: 'plain',
    year: 'plain',
    date: 'plain',
    caseId: 'plain',
    caseNumber: 'plain',
    personName: 'sealed',
    documentId: 'plain',
    addressee: 'sealed',
    title: 'sealed',
    status: 'plain',
    voidReason: 'sealed',
  },
  templates: { seq: 'plain', id: 'plain', version: 'plain', action: 'plain', template: 'plain', at: 'plain', who: 'plain' },
  templateDrafts: { id: 'plain', baseVersion: 'plain', meta: 'plain', blocks: 'plain', savedAt: 'plain' },
  importMappings: { signature: 'plain', headers: 'plain', mapping: 'plain', savedAt: 'plain' },
  imports: {
    id: 'plain',
    fileName: 'sealed',
    who: 'plain',
    startedAt: 'plain',
    status: 'plain',
    created: 'plain',
    skipped: 'sealed',
    finishedAt: 'plain',
  },
  transferSync: { table: 'plain', key: 'plain', hash: 'plain', bundleId: 'plain', at: 'plain', direction: 'plain' },
  batchJobs: {
    id: 'plain',
    state: 'plain',
    template: 'plain',
    templateTitle: 'plain',
    numbered: 'plain',
    addressee: 'plain',
    date: 'plain',
    merge: 'plain',
    total: 'plain',
    filterText: 'sealed',
    who: 'plain',
    createdAt: 'plain',
    updatedAt: 'plain',
    finishedAt: 'plain',
    merged: 'plain',
  },
  batchItems: {
    id: 'plain',
    jobId: 'plain',
    index: 'plain',
    caseId: 'plain',
    caseNumber: 'plain',
    personName: 'sealed',
    state: 'plain',
    documentId: 'plain',
    outgoingNumber: 'plain',
    file: 'plain',
    error: 'sealed',
    updatedAt: 'plain',
  },
  caseSearch: {
    id: 'plain',
    number: 'plain',
    personId: 'plain',
    status: 'plain',
    region: 'plain',
    missionId: 'plain',
    caseworker: 'plain',
    updatedAt: 'plain',
    createdAt: 'plain',
    nextDeadline: 'plain',
    entry: 'sealed',
  },
  // Mission sync (data/sync/): stamps, the engine's bookkeeping and conflicts hold rows copied from UNDER this
  // layer, whose personal fields are already sealed; sealing them again would make them unreadable to the merge.
  syncState: { table: 'plain', key: 'plain', rev: 'plain', lwt: 'plain', deleted: 'plain' },
  syncMeta: { scope: 'plain', id: 'plain', doc: 'plain' },
  // `choices`: which side the caseworker kept per field (mine / theirs); the values stay in `fields`, already sealed.
  syncConflicts: { id: 'plain', table: 'plain', key: 'plain', at: 'plain', fields: 'plain', resolved: 'plain', choices: 'plain' },
} as const satisfies Record<string, Record<string, FieldDecision>>;

/**
 * Plain fields whose names could suggest a person's values, with the reason they stay plain. The field test
 * refuses any other personal-looking plain field.
 */
export const REVIEWED_PLAIN: Readonly<Record<string, string>> = {
  'settings.value': "the mission's requisites and the signed-in caseworker's profile: staff, not the people in the cases",
  'cases.caseworker': 'the staff member in charge; a list filter index',
  'cases.number': "the mission's case number; an index and printed on letters",
  'caseSearch.caseworker': "a copy of the case's plain field (the staff member in charge)",
  'caseSearch.number': "a copy of the case's plain field (the mission's case number)",
  'audit.who': 'the signed-in account (staff)',
  'requests.addressee': 'the Russian authority a request went to',
  'requests.ourNumber': 'an outgoing number of the mission',
  'requests.theirNumber': "the authority's incoming number",
  'checks.documentId': "the id of the person's document row, not its number",
  'checks.issueDate': 'the date a document was issued, stored without the document',
  'attachments.sha256': 'the content address of the encrypted file store; an index',
  'documents.outgoingNumber': 'an outgoing number of the mission',
  'outgoing.number': 'an outgoing number of the mission; an index',
  'outgoing.caseNumber': "the mission's case number",
  'outgoing.documentId': 'the id of a generated document',
  'referenceVersions.who': 'the account that saved reference data',
  'templates.who': 'the account that saved a template',
  'templates.template': 'a letter template: wording and placeholders, no person',
  'templateDrafts.blocks': 'template text being edited: wording and placeholders, no person',
  'importMappings.headers': "the column headings of an import file, never its rows",
  'imports.who': 'the account that ran the import',
  'imports.created': 'case ids, case numbers and file row numbers',
  'batchJobs.templateTitle': 'the title of a template',
  'batchJobs.addressee': 'which authority the batch writes to (a reference id or a mode)',
  'batchJobs.who': 'the account that started the batch',
  'batchItems.caseNumber': "the mission's case number",
  'batchItems.outgoingNumber': 'an outgoing number of the mission',
  'transferSync.hash': 'a content hash of a record (SHA-256 over the whole record), not any one value',
  'persons.patronymicForm': 'which kind of patronymic (patronymic, uulu/kyzy, none), not the name',
  'persons.sex': 'no one is found by it',
  'persons.citizenship': 'a country code',
  'persons.secondCitizenship': 'a country code',
  'persons.consentDate': 'the date consent was signed (a date of work)',
  'audit.prevHash': "the audit chain's link: a hash over the whole previous row",
  'audit.hash': "the audit chain's hash over the whole row",
  'checks.birthDateMode': 'how much of the birth date a check used (full, month and year, year), not the date',
  'counters.value': 'a counter of case or outgoing numbers',
  'documents.templateVersion': 'the version of the template a document was made from',
  'importMappings.mapping': 'which column feeds which field: field names only',
  'batchJobs.template': 'a snapshot of a letter template: wording and placeholders, no person',
  'batchJobs.numbered': 'whether the batch takes outgoing numbers',
};

/** Per table, the fields to seal and the fields to hash, as lists the middleware walks. */
export interface TablePlan {
  sealed: readonly string[];
  hashed: readonly string[];
}

export const AT_REST_PLAN: ReadonlyMap<string, TablePlan> = new Map(
  Object.entries(AT_REST_FIELDS).map(([table, fields]) => {
    const entries = Object.entries(fields as Record<string, FieldDecision>);
    return [
      table,
      { sealed: entries.filter(([, d]) => d === 'sealed').map(([f]) => f), hashed: entries.filter(([, d]) => d === 'hashed').map(([f]) => f) },
    ] as const;
  }),
);
