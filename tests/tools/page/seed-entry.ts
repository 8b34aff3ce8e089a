import './zod-jitless';
import { withPageSession } from './tools-session';
import { db, type PersonRow } from '../../../renderer/src/data/schema';
import { caseNumberWords, personSearchWords } from '../../../shared/search/case-keys';
import { bulkCreateCases } from '../../../renderer/src/data/cases/bulk.repo';
import { caseIndexOf } from '../../../renderer/src/data/cases/case-index.cache';
import { openCaseList, scanCases } from '../../../renderer/src/data/cases/list-query.repo';
import { loadSettings, saveSettings } from '../../../renderer/src/data/settings/settings.repo';
import { actorFrom } from '../../../renderer/src/data/settings/use-actor';
import { DEFAULT_CASEWORKERS, generateCase, seedIdPrefix, type SeedOptions } from '../../../shared/seed/generate';

/**
 * Tools evaluated inside the app's page (bundled by esbuild, injected over CDP, which the page's CSP does
 * not govern). They use the app's own Dexie schema and database, so whatever they write is what the app
 * reads. Nothing here is part of the app build.
 */

const DEFAULT_SETTINGS = {
  mission: {
    nameRu: 'Посольство Кыргызской Республики в Российской Федерации',
    nameKy: 'Кыргыз Республикасынын Россия Федерациясындагы Элчилиги',
    address: '119017, г. Москва, ул. Большая Ордынка, д. 64',
    phones: '+7 495 000-00-00',
    outgoingPrefix: 'КР-М',
  },
  caseworker: { fullName: 'Токтогулов Нурлан Асанович', position: 'Консул', phone: '' },
};

export interface SeedReport {
  created: number;
  ms: number;
  firstNumber?: string;
  lastNumber?: string;
  /** The generator options used, so the caller can regenerate any case (e.g. to build queries). */
  options: SeedOptions;
}

export interface QueryTiming {
  ms: number;
  count: number;
}

type Progress = (done: number, total: number, ms: number) => unknown;

async function seed(count: number, seedValue: number, progressName?: string, chunkSize = 2000): Promise<SeedReport> {
  const started = performance.now();
  let settings = await loadSettings();
  // The app's case screens need a mission and a caseworker; keep the user's if there are any.
  if (!settings.complete) settings = await saveSettings(DEFAULT_SETTINGS);
  const actor = actorFrom(settings)!;
  const existing = await db().persons.where('id').startsWith(seedIdPrefix(seedValue)).count();
  if (existing > 0) throw new Error(`This database already holds ${existing} cases of seed ${seedValue}; choose another --seed.`);
  const options: SeedOptions = {
    missionId: actor.missionId,
    caseworkers: [actor.who, ...DEFAULT_CASEWORKERS.filter((name) => name !== actor.who).slice(0, 5)],
  };
  const report = progressName ? ((window as unknown as Record<string, Progress | undefined>)[progressName] ?? null) : null;
  function* cases() {
    for (let i = 0; i < count; i++) yield generateCase(i, count, seedValue, options);
  }
  const result = await bulkCreateCases(cases(), actor, {
    total: count,
    chunkSize,
    onProgress: (done) => void report?.(done, count, performance.now() - started),
  });
  return { ...result, ms: performance.now() - started, options };
}

const listQuery = (text: string) => ({ text, filters: {}, sort: 'updatedAt' as const, direction: 'desc' as const });

/** Each query as the list runs it: open the list, read its first page. */
async function bench(queries: readonly string[], pageSize = 50): Promise<QueryTiming[]> {
  // The case list shows all cases before anyone types: open it first, as the screen does (not timed).
  await (await openCaseList(listQuery(''))).page(0, pageSize);
  const out: QueryTiming[] = [];
  for (const text of queries) {
    const t0 = performance.now();
    const handle = await openCaseList(listQuery(text));
    await handle.page(0, pageSize);
    out.push({ ms: performance.now() - t0, count: handle.count });
  }
  return out;
}

/**
 * The same queries as a linear scan over every case's words, derived here from the persons, cases and
 * outgoing register (the database stores no search words) and held in memory once (not timed).
 */
async function scan(queries: readonly string[]): Promise<{ loadMs: number; rows: number; timings: QueryTiming[] }> {
  const t0 = performance.now();
  const persons = new Map<string, { words: string[] }>();
  let last: string | null = null;
  for (;;) {
    const batch: PersonRow[] = await (last === null ? db().persons.orderBy(':id') : db().persons.where(':id').above(last)).limit(5000).toArray();
    if (batch.length === 0) break;
    for (const p of batch) persons.set(p.id, { words: personSearchWords(p, p.documents) });
    last = batch[batch.length - 1]!.id;
  }
  const outgoing = new Map<string, string[]>();
  for (const row of await db().outgoing.toArray()) outgoing.set(row.caseId, [...(outgoing.get(row.caseId) ?? []), row.number]);
  const rows: { id: string; words: string[] }[] = [];
  last = null;
  for (;;) {
    const batch: { id: string; personId: string; number: string }[] = await (last === null ? db().cases.orderBy(':id') : db().cases.where(':id').above(last))
      .limit(5000)
      .toArray((list) => list.map((r) => ({ id: r.id, personId: r.personId, number: r.number })));
    if (batch.length === 0) break;
    for (const r of batch) rows.push({ id: r.id, words: [...new Set([...(persons.get(r.personId)?.words ?? []), ...caseNumberWords(r.number, outgoing.get(r.id))])] });
    last = batch[batch.length - 1]!.id;
  }
  const loadMs = performance.now() - t0;
  const timings = queries.map((text) => {
    const start = performance.now();
    const count = scanCases(rows, text).length;
    return { ms: performance.now() - start, count };
  });
  return { loadMs, rows: rows.length, timings };
}

/** Waits for the list's in-memory search index, which the case list starts loading once it shows. */
async function searchIndex(): Promise<{ loadMs: number; size: number }> {
  const index = caseIndexOf();
  await index.load();
  return { loadMs: index.loadMs, size: index.size };
}

const tools = withPageSession({ seed, bench, scan, searchIndex, count: () => db().cases.count() });
export type PageTools = typeof tools;

(window as unknown as { __aryzTools: PageTools }).__aryzTools = tools;
