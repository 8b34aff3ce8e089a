import './zod-jitless';
import { withPageSession } from './tools-session';
import { addDays, toDayNumber } from '../../../shared/case/dates';
import { CLOSED_STATUSES, type SentKind } from '../../../shared/deadlines/facts';
import { mixSeed, mulberry32, type Random } from '../../../shared/seed/random';
import { db, type CaseRow, type CheckRow, type RequestRow } from '../../../renderer/src/data/schema';
import { caseTracking, sentItemOf } from '../../../renderer/src/data/tracking/case-tracking';
import { queueSources, workQueueCounts, workQueueRows, type QueueBucketId } from '../../../renderer/src/data/tracking/queue.repo';
import { localTodayIso } from '../../../renderer/src/lib/date-time';

/**
 * Page-side tools of `npm run bench:queue` (bundled by esbuild, evaluated over CDP like ./seed-entry.ts).
 * The seed writes cases without correspondence; the work queue is mostly about correspondence, so this adds
 * requests and register checks in bulk to a share of the open cases — as the tracking repositories would
 * have written them over the past months — and recomputes those cases' tracking fields with the app's own
 * code. Nothing here is part of the app build.
 */

const ADDRESSEES = [
  'ГУ МВД России по г. Москве',
  'ГУ МВД России по Московской области',
  'ГУВМ МВД России',
  'МИД России',
  'УВМ ГУ МВД России по Свердловской области',
  'Прокуратура г. Москвы',
];

const KINDS: readonly (readonly [SentKind, number])[] = [
  ['mission_letter', 5],
  ['citizen_application', 3],
  ['verbal_note', 2],
  ['complaint_superior', 1],
];

export interface TrackingReport {
  scanned: number;
  cases: number;
  requests: number;
  checks: number;
  ms: number;
}

type Progress = (done: number, total: number, ms: number) => unknown;

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const between = (r: Random, from: string, to: string) => addDays(from, r.int(0, Math.max(0, toDayNumber(to) - toDayNumber(from))));

/** The correspondence of one case: a request or two, perhaps a reminder, some answered, some checks. */
function trackingFor(r: Random, row: CaseRow, today: string, at: string): { requests: RequestRow[]; checks: CheckRow[] } {
  const opened = row.createdAt.slice(0, 10);
  const earliest = minDate(maxDate(opened, addDays(today, -150)), addDays(today, -1));
  const requests: RequestRow[] = [];
  const base = (kind: SentKind, sentAt: string): RequestRow => ({
    id: globalThis.crypto.randomUUID(),
    caseId: row.id,
    kind,
    sentAt,
    addressee: r.pick(ADDRESSEES),
    ourNumber: `${row.number}/${requests.length + 1}`,
    theirNumber: '',
    note: '',
    answerSummary: '',
    createdAt: at,
    updatedAt: at,
  });
  for (let i = r.chance(0.25) ? 2 : 1; i > 0; i--) {
    const item = base(r.weighted(KINDS), between(r, earliest, addDays(today, -1)));
    if (item.kind === 'citizen_application' || item.kind === 'complaint_superior') {
      const received = addDays(item.sentAt, r.int(2, 6));
      if (received <= today && r.chance(0.7)) item.receivedAt = received;
      const registered = addDays(received, r.int(0, 4));
      if (item.receivedAt && registered <= today && r.chance(0.6)) item.registeredAt = registered;
    }
    const answered = addDays(item.sentAt, r.int(12, 60));
    if (answered <= today && r.chance(0.45)) {
      item.answeredAt = answered;
      item.answerSummary = 'Ответ получен';
    }
    requests.push(item);
    const reminderAt = addDays(item.sentAt, r.int(30, 40));
    if (!item.answeredAt && reminderAt < today && r.chance(0.4)) requests.push({ ...base('reminder', reminderAt), follows: item.id });
  }
  const firstSent = requests.reduce((d, q) => minDate(d, q.sentAt), today);
  const checks: CheckRow[] = [];
  if (r.chance(0.65)) {
    for (let i = r.int(1, 3); i > 0; i--) {
      const day = between(r, firstSent, today);
      checks.push({
        id: globalThis.crypto.randomUUID(),
        caseId: row.id,
        at: `${day}T${String(r.int(9, 17)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00+03:00`,
        channel: r.weighted([['mvd_site', 5], ['gosuslugi', 3], ['bank', 1]] as const),
        birthDateMode: 'full',
        listed: r.chance(0.93),
        resultText: '',
        screenshotNote: '',
        createdAt: at,
      });
    }
  }
  return { requests, checks };
}

/** Adds correspondence to about `share` of the open cases, chunk by chunk, each chunk one transaction. */
async function addTracking(share: number, seed: number, progressName?: string, chunkSize = 2000): Promise<TrackingReport> {
  const started = performance.now();
  const report = progressName ? ((window as unknown as Record<string, Progress | undefined>)[progressName] ?? null) : null;
  const today = localTodayIso();
  const at = new Date().toISOString();
  const calendar = (await db().referenceVersions.orderBy('version').last())?.bundle.calendar ?? [];
  const total = await db().cases.count();
  const out: TrackingReport = { scanned: 0, cases: 0, requests: 0, checks: 0, ms: 0 };
  let last: string | null = null;
  for (let chunk = 0; ; chunk++) {
    const rows: CaseRow[] = await (last === null ? db().cases.orderBy(':id') : db().cases.where(':id').above(last)).limit(chunkSize).toArray();
    if (rows.length === 0) break;
    last = rows[rows.length - 1]!.id;
    const r = mulberry32(mixSeed(seed, 0x71e0 + chunk));
    const chosen = rows.filter((row) => !CLOSED_STATUSES.includes(row.status) && r.chance(share));
    await db().transaction('rw', [db().cases, db().persons, db().requests, db().checks], async () => {
      const persons = await db().persons.bulkGet(chosen.map((row) => row.personId));
      const requests: RequestRow[] = [];
      const checks: CheckRow[] = [];
      const updated: CaseRow[] = [];
      chosen.forEach((row, i) => {
        const person = persons[i];
        if (!person) throw new Error(`case ${row.id}: person ${row.personId} missing`);
        const made = trackingFor(r, row, today, at);
        requests.push(...made.requests);
        checks.push(...made.checks);
        updated.push({ ...row, ...caseTracking(row, person, { requests: made.requests.map(sentItemOf), checks: made.checks, calendar, today }) });
      });
      await db().requests.bulkAdd(requests);
      await db().checks.bulkAdd(checks);
      await db().cases.bulkPut(updated);
      out.requests += requests.length;
      out.checks += checks.length;
    });
    out.scanned += rows.length;
    out.cases += chosen.length;
    void report?.(out.scanned, total, performance.now() - started);
  }
  out.ms = performance.now() - started;
  return out;
}

export interface BucketTiming {
  bucket: QueueBucketId;
  count: number;
  countMs: number;
  rowsMs: number;
}

/** Each bucket's index range timed on its own (count, then the first rows), then both reads as the screen makes them. */
async function queueTimings(limit = 100): Promise<{ today: string; buckets: BucketTiming[]; rowsMs: number; countsMs: number }> {
  const today = localTodayIso();
  const sources = queueSources(today);
  const buckets: BucketTiming[] = [];
  for (const [bucket, source] of Object.entries(sources) as [QueueBucketId, (typeof sources)[QueueBucketId]][]) {
    const t0 = performance.now();
    const count = await source.count();
    const t1 = performance.now();
    await source.rows(limit);
    buckets.push({ bucket, count, countMs: t1 - t0, rowsMs: performance.now() - t1 });
  }
  const t0 = performance.now();
  await workQueueRows(today, { limit });
  const t1 = performance.now();
  await workQueueCounts(today);
  return { today, buckets, rowsMs: t1 - t0, countsMs: performance.now() - t1 };
}

const tools = withPageSession({ addTracking, queueTimings });
export type QueueTools = typeof tools;

(window as unknown as { __aryzQueueTools: QueueTools }).__aryzQueueTools = tools;
