import { z } from 'zod';
import { parseForIssues, toFieldIssues, type FieldIssueCode } from '../validation/issues';
import { INTEGRITY_CODES, type IntegrityCode } from './integrity';
import {
  addresseeSchema,
  calendarYearSchema,
  errorCauseSchema,
  evidenceItemSchema,
  groundsSchema,
  legalRefSchema,
  missionSchema,
  documentClockSchema,
  referenceDateSchema,
  referenceBundleSchema,
  referenceMetaSchema,
  referenceTermSchema,
  type ReferenceBundle,
} from './schema';

/**
 * The factory reference data ships as one JSON file per table in resources/reference/. Whoever reads the files
 * (the main process, a test, an import dialog) passes their parsed contents here, keyed by file name; this
 * validates each file on its own (so a problem is reported against the file a person would open), assembles
 * the bundle and checks it as a whole.
 */

export const REFERENCE_FILES = {
  meta: 'meta.json',
  grounds: 'grounds.json',
  evidence: 'evidence.json',
  causes: 'causes.json',
  addressees: 'addressees.json',
  missions: 'missions.json',
  calendar: 'calendar.json',
  legalRefs: 'legal-refs.json',
  dates: 'dates.json',
  documentClocks: 'document-clocks.json',
  terms: 'terms.json',
} as const;

type Table = keyof typeof REFERENCE_FILES;

const FILE_SCHEMAS = {
  meta: referenceMetaSchema,
  grounds: groundsSchema,
  evidence: z.array(evidenceItemSchema),
  causes: z.array(errorCauseSchema),
  addressees: z.array(addresseeSchema),
  missions: z.array(missionSchema),
  calendar: z.array(calendarYearSchema),
  legalRefs: z.array(legalRefSchema),
  dates: z.array(referenceDateSchema),
  documentClocks: z.array(documentClockSchema),
  terms: z.array(referenceTermSchema),
} satisfies Record<Table, z.ZodType>;

export type ReferenceIssueCode = FieldIssueCode | IntegrityCode | 'missing_file' | 'unknown_file';

export interface ReferenceIssue {
  /** File name as in REFERENCE_FILES; null for a bundle given as one object. */
  file: string | null;
  /** Dot path inside that file (or inside the bundle). */
  path: string;
  code: ReferenceIssueCode;
  limit?: number;
  /** The duplicated or unknown id, for integrity problems. */
  value?: string;
}

export type ReferenceResult = { ok: true; bundle: ReferenceBundle } | { ok: false; issues: ReferenceIssue[] };

const TABLE_BY_FILE = new Map<string, Table>(Object.entries(REFERENCE_FILES).map(([table, file]) => [file, table as Table]));

/** `…/resources/reference/causes.json`, `causes.json` and `causes` all name the causes file. */
function tableOf(name: string): Table | undefined {
  const base = name.split(/[\\/]/).pop() ?? name;
  return TABLE_BY_FILE.get(base.endsWith('.json') ? base : `${base}.json`);
}

function issuesOf(error: z.ZodError, file: string | null): ReferenceIssue[] {
  const out: ReferenceIssue[] = [];
  for (const issue of error.issues) {
    const params: { code?: unknown; value?: unknown } | undefined = issue.code === 'custom' ? issue.params : undefined;
    const code = params?.code;
    if (typeof code === 'string' && (INTEGRITY_CODES as readonly string[]).includes(code)) {
      const value = params?.value;
      out.push({ file, path: issue.path.map(String).join('.'), code: code as IntegrityCode, ...(typeof value === 'string' ? { value } : {}) });
      continue;
    }
    for (const field of toFieldIssues(new z.ZodError([issue]))) {
      out.push({ file, path: field.path, code: field.code, ...(field.limit !== undefined ? { limit: field.limit } : {}) });
    }
  }
  return out;
}

/** Validates and assembles the per-table files. Every file in REFERENCE_FILES must be present. */
export function loadReferenceBundle(files: Readonly<Record<string, unknown>>): ReferenceResult {
  const issues: ReferenceIssue[] = [];
  const parsed: Partial<Record<Table, unknown>> = {};
  const given = new Set<Table>();

  for (const [name, content] of Object.entries(files)) {
    const table = tableOf(name);
    if (!table) {
      issues.push({ file: name, path: '', code: 'unknown_file' });
      continue;
    }
    given.add(table);
    const result = parseForIssues(FILE_SCHEMAS[table], content);
    if (result.success) parsed[table] = result.data;
    else issues.push(...issuesOf(result.error, REFERENCE_FILES[table]));
  }
  for (const table of Object.keys(REFERENCE_FILES) as Table[]) {
    if (!given.has(table)) issues.push({ file: REFERENCE_FILES[table], path: '', code: 'missing_file' });
  }
  if (issues.length > 0) return { ok: false, issues };

  const meta = parsed.meta as z.output<typeof referenceMetaSchema>;
  const assembled = {
    version: meta.version,
    updatedAt: meta.updatedAt,
    grounds: parsed.grounds,
    evidence: parsed.evidence,
    causes: parsed.causes,
    addressees: parsed.addressees,
    missions: parsed.missions,
    calendar: parsed.calendar,
    legalRefs: parsed.legalRefs,
    dates: parsed.dates,
    documentClocks: parsed.documentClocks,
    terms: parsed.terms,
  };
  const whole = parseForIssues(referenceBundleSchema, assembled);
  if (whole.success) return { ok: true, bundle: whole.data };
  // Whole-bundle problems are cross-table ones: report them against the file of the table they sit in.
  return {
    ok: false,
    issues: issuesOf(whole.error, null).map((issue) => {
      const [head, ...rest] = issue.path.split('.');
      const table = head as Table;
      return table in REFERENCE_FILES ? { ...issue, file: REFERENCE_FILES[table], path: rest.join('.') } : issue;
    }),
  };
}

/** Validates a whole bundle given as one object (an import, or what Settings stored). */
export function parseReferenceBundle(data: unknown): ReferenceResult {
  const result = parseForIssues(referenceBundleSchema, data);
  return result.success ? { ok: true, bundle: result.data } : { ok: false, issues: issuesOf(result.error, null) };
}

/** The bundle split back into its files (for writing a factory-style export). */
export function referenceFiles(bundle: ReferenceBundle): Record<string, unknown> {
  return {
    [REFERENCE_FILES.meta]: { version: bundle.version, updatedAt: bundle.updatedAt },
    [REFERENCE_FILES.grounds]: bundle.grounds,
    [REFERENCE_FILES.evidence]: bundle.evidence,
    [REFERENCE_FILES.causes]: bundle.causes,
    [REFERENCE_FILES.addressees]: bundle.addressees,
    [REFERENCE_FILES.missions]: bundle.missions,
    [REFERENCE_FILES.calendar]: bundle.calendar,
    [REFERENCE_FILES.legalRefs]: bundle.legalRefs,
    [REFERENCE_FILES.dates]: bundle.dates,
    [REFERENCE_FILES.documentClocks]: bundle.documentClocks,
    [REFERENCE_FILES.terms]: bundle.terms,
  };
}
