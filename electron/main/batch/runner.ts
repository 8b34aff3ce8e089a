import { randomUUID } from 'node:crypto';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import type { RenderItem, StoredFile, TaskFailure, WorkerRequest, WorkerResponse } from './protocol';

/**
 * Batch PDF generation off main's event loop. Main only keeps the books — a queue of items per job, which
 * worker renders what, results and progress — while workers (Electron utility processes, or worker threads
 * in browser mode and tests) lay out, render and write the files. The caller feeds items in chunks and is
 * refused more while a job already holds `maxQueued` waiting items, so memory stays bounded whatever the
 * batch size: main holds at most one chunk of inputs, each worker one document, and no PDF bytes at all.
 */

/** One worker as the runner sees it, whatever runs it. */
export interface WorkerHandle {
  post(message: WorkerRequest): void;
  onMessage(listener: (message: WorkerResponse) => void): void;
  /** Called once when the worker is gone, whether it crashed or was terminated. */
  onExit(listener: (code: number | null) => void): void;
  terminate(): void;
}

export type SpawnWorker = () => WorkerHandle;

export interface BatchRunnerOptions {
  spawn: SpawnWorker;
  fontDir: string;
  dataDir: string;
  /** Workers rendering in parallel (default 1: the machines have 2 cores and the UI needs one). */
  workers?: number;
  /** Items a job may hold waiting for a worker; `add` refuses beyond (default 200). */
  maxQueued?: number;
  /** Idle workers are stopped after this long with no job running (default 60 s), freeing their memory. */
  idleMs?: number;
  /** Finished jobs kept for status calls (default 50). */
  keepJobs?: number;
  now?: () => Date;
}

export type ItemResult = { key: string; ok: true; file: StoredFile } | { key: string; ok: false; error: TaskFailure };

export type JobState = 'running' | 'done' | 'canceled' | 'failed';

export interface JobStatus {
  jobId: string;
  kind: 'render' | 'merge';
  state: JobState;
  /** Items received so far; the total once the last chunk is in. */
  received: number;
  total: number | null;
  done: number;
  failed: number;
  queued: number;
  inFlight: number;
  /** True when no more results will come (finished, or canceled and nothing in flight). */
  settled: boolean;
  /** Results from index `since` on, in completion order. */
  results: ItemResult[];
  /** Index to pass as `since` next time. */
  next: number;
  elapsedMs: number;
  merged: StoredFile | null;
  error: TaskFailure | null;
  /** Highest resident set size a worker reported while working on this job (bytes). */
  peakRss: number;
}

export type AddResult = { status: 'accepted'; queued: number } | { status: 'refused'; reason: 'UNKNOWN_JOB' | 'NOT_RUNNING' | 'CLOSED' | 'QUEUE_FULL'; queued: number };

export interface BatchRunner {
  /** `contentKey` seals the stored files: the files key of the session that started the job, dropped when it settles. */
  start(request: { template: DocumentTemplate; contentKey: Uint8Array }): { jobId: string };
  add(jobId: string, items: readonly RenderItem[], last: boolean): AddResult;
  merge(files: readonly string[], contentKey: Uint8Array): { jobId: string };
  status(jobId: string, since?: number): JobStatus | null;
  cancel(jobId: string): JobStatus | null;
  /** Resolves when the job is settled (tests and the benchmark; the UI polls). */
  settled(jobId: string): Promise<JobStatus | null>;
  /** Highest RSS any worker reported, over the runner's life. */
  peakRss(): number;
  dispose(): Promise<void>;
}

interface Job {
  id: string;
  kind: 'render' | 'merge';
  state: JobState;
  templateKey: string;
  template: DocumentTemplate | null;
  /** Base64 of the key the job's files are sealed with; null once settled. */
  contentKey: string | null;
  generatedAt: string;
  queue: RenderItem[];
  mergeFiles: string[] | null;
  inFlight: number;
  received: number;
  closed: boolean;
  done: number;
  failed: number;
  results: ItemResult[];
  startedAt: number;
  finishedAt: number | null;
  merged: StoredFile | null;
  error: TaskFailure | null;
  peakRss: number;
  waiters: Array<() => void>;
}

interface Task {
  taskId: number;
  job: Job;
  key: string;
}

interface Slot {
  handle: WorkerHandle;
  task: Task | null;
  templates: Set<string>;
  alive: boolean;
}

export function createBatchRunner(options: BatchRunnerOptions): BatchRunner {
  const size = Math.max(1, options.workers ?? 1);
  const maxQueued = Math.max(1, options.maxQueued ?? 200);
  const idleMs = options.idleMs ?? 60_000;
  const keepJobs = options.keepJobs ?? 50;
  const now = options.now ?? (() => new Date());
  const jobs = new Map<string, Job>();
  const slots: Slot[] = [];
  let nextTaskId = 1;
  let peak = 0;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  const settled = (job: Job) => job.state !== 'running' && job.inFlight === 0;

  function finish(job: Job, state: JobState): void {
    if (job.state === 'running') job.state = state;
    if (!settled(job)) return;
    job.finishedAt ??= Date.now();
    for (const slot of slots) {
      if (slot.alive && slot.templates.delete(job.templateKey)) slot.handle.post({ type: 'forgetTemplate', key: job.templateKey });
    }
    job.template = null;
    job.contentKey = null;
    for (const wake of job.waiters.splice(0)) wake();
    prune();
  }

  function prune(): void {
    const finished = [...jobs.values()].filter((j) => j.finishedAt !== null).sort((a, b) => a.finishedAt! - b.finishedAt!);
    for (const job of finished.slice(0, Math.max(0, finished.length - keepJobs))) jobs.delete(job.id);
  }

  function checkDone(job: Job): void {
    if (job.state !== 'running') return finish(job, job.state);
    if (job.kind === 'render' && job.closed && job.queue.length === 0 && job.inFlight === 0) finish(job, 'done');
  }

  function record(job: Job, result: ItemResult): void {
    job.results.push(result);
    if (result.ok) job.done++;
    else job.failed++;
  }

  function spawnSlot(): Slot {
    const slot: Slot = { handle: options.spawn(), task: null, templates: new Set(), alive: true };
    slot.handle.onMessage((message) => onMessage(slot, message));
    slot.handle.onExit((code) => onExit(slot, code));
    slot.handle.post({ type: 'init', fontDir: options.fontDir, dataDir: options.dataDir });
    slots.push(slot);
    return slot;
  }

  function onMessage(slot: Slot, message: WorkerResponse): void {
    if ('rss' in message) peak = Math.max(peak, message.rss);
    if (message.type === 'ready') return;
    const task = slot.task;
    if (!task || task.taskId !== message.taskId) return;
    slot.task = null;
    const job = task.job;
    job.inFlight--;
    job.peakRss = Math.max(job.peakRss, message.rss);
    if (message.type === 'rendered') {
      record(job, message.ok ? { key: message.key, ok: true, file: message.file } : { key: message.key, ok: false, error: message.error });
      checkDone(job);
    } else {
      if (message.ok) {
        job.merged = message.file;
        job.done = 1;
        finish(job, 'done');
      } else {
        job.error = message.error;
        job.failed = 1;
        finish(job, 'failed');
      }
    }
    pump();
  }

  function onExit(slot: Slot, code: number | null): void {
    slot.alive = false;
    slots.splice(slots.indexOf(slot), 1);
    const task = slot.task;
    slot.task = null;
    if (task) {
      const job = task.job;
      job.inFlight--;
      const error = { code: 'WORKER_EXITED', message: `The PDF worker stopped (exit code ${code ?? 'none'})` };
      if (job.kind === 'render') {
        record(job, { key: task.key, ok: false, error });
        checkDone(job);
      } else {
        job.error = error;
        job.failed = 1;
        finish(job, 'failed');
      }
    }
    if (!disposed) pump();
  }

  /** The next task in job order (oldest running job first), or null. */
  function nextWork(): { job: Job; item: RenderItem | null } | null {
    for (const job of jobs.values()) {
      if (job.state !== 'running') continue;
      if (job.kind === 'merge' && job.mergeFiles && job.inFlight === 0) return { job, item: null };
      if (job.kind === 'render' && job.queue.length > 0) return { job, item: job.queue[0]! };
    }
    return null;
  }

  function pump(): void {
    if (disposed) return;
    for (;;) {
      const work = nextWork();
      if (!work) break;
      let slot = slots.find((s) => s.alive && s.task === null);
      if (!slot && slots.length < size) slot = spawnSlot();
      if (!slot) break;
      const { job, item } = work;
      const taskId = nextTaskId++;
      job.inFlight++;
      if (item) {
        job.queue.shift();
        if (!slot.templates.has(job.templateKey)) {
          slot.handle.post({ type: 'template', key: job.templateKey, template: job.template! });
          slot.templates.add(job.templateKey);
        }
        slot.task = { taskId, job, key: item.key };
        slot.handle.post({ type: 'render', taskId, templateKey: job.templateKey, item, generatedAt: job.generatedAt, contentKey: job.contentKey! });
      } else {
        const files = job.mergeFiles!;
        job.mergeFiles = null;
        slot.task = { taskId, job, key: job.id };
        slot.handle.post({ type: 'merge', taskId, files, jobId: job.id, contentKey: job.contentKey! });
      }
    }
    scheduleIdle();
  }

  function scheduleIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const busy = [...jobs.values()].some((j) => j.state === 'running' || j.inFlight > 0);
    if (busy || slots.length === 0) return;
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if ([...jobs.values()].some((j) => j.state === 'running' || j.inFlight > 0)) return;
      for (const slot of [...slots]) if (slot.task === null) slot.handle.terminate();
    }, idleMs);
    idleTimer.unref?.();
  }

  function newJob(kind: Job['kind'], template: DocumentTemplate | null, contentKey: Uint8Array): Job {
    const id = randomUUID();
    const job: Job = {
      id,
      kind,
      state: 'running',
      templateKey: id,
      template,
      contentKey: Buffer.from(contentKey).toString('base64'),
      generatedAt: now().toISOString(),
      queue: [],
      mergeFiles: null,
      inFlight: 0,
      received: 0,
      closed: false,
      done: 0,
      failed: 0,
      results: [],
      startedAt: Date.now(),
      finishedAt: null,
      merged: null,
      error: null,
      peakRss: 0,
      waiters: [],
    };
    jobs.set(id, job);
    return job;
  }

  function statusOf(job: Job, since = 0): JobStatus {
    const from = Math.max(0, Math.min(since, job.results.length));
    return {
      jobId: job.id,
      kind: job.kind,
      state: job.state,
      received: job.received,
      total: job.kind === 'merge' ? 1 : job.closed ? job.received : null,
      done: job.done,
      failed: job.failed,
      queued: job.queue.length,
      inFlight: job.inFlight,
      settled: settled(job),
      results: job.results.slice(from),
      next: job.results.length,
      elapsedMs: (job.finishedAt ?? Date.now()) - job.startedAt,
      merged: job.merged,
      error: job.error,
      peakRss: job.peakRss,
    };
  }

  return {
    start({ template, contentKey }) {
      const job = newJob('render', template, contentKey);
      return { jobId: job.id };
    },

    add(jobId, items, last) {
      const job = jobs.get(jobId);
      if (!job || job.kind !== 'render') return { status: 'refused', reason: 'UNKNOWN_JOB', queued: 0 };
      if (job.state !== 'running') return { status: 'refused', reason: 'NOT_RUNNING', queued: job.queue.length };
      if (job.closed) return { status: 'refused', reason: 'CLOSED', queued: job.queue.length };
      if (items.length > 0 && job.queue.length + items.length > maxQueued) return { status: 'refused', reason: 'QUEUE_FULL', queued: job.queue.length };
      job.queue.push(...items);
      job.received += items.length;
      if (last) job.closed = true;
      pump();
      checkDone(job);
      return { status: 'accepted', queued: job.queue.length };
    },

    merge(files, contentKey) {
      const job = newJob('merge', null, contentKey);
      job.mergeFiles = [...files];
      job.received = 1;
      job.closed = true;
      pump();
      return { jobId: job.id };
    },

    status(jobId, since) {
      const job = jobs.get(jobId);
      return job ? statusOf(job, since) : null;
    },

    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job) return null;
      if (job.state === 'running') {
        job.queue = [];
        job.mergeFiles = null;
        finish(job, 'canceled');
      }
      pump();
      return statusOf(job);
    },

    settled(jobId) {
      const job = jobs.get(jobId);
      if (!job) return Promise.resolve(null);
      if (settled(job)) return Promise.resolve(statusOf(job));
      return new Promise((resolve) => job.waiters.push(() => resolve(statusOf(job))));
    },

    peakRss: () => peak,

    async dispose() {
      disposed = true;
      if (idleTimer) clearTimeout(idleTimer);
      for (const job of jobs.values()) {
        job.queue = [];
        if (job.state === 'running') job.state = 'canceled';
      }
      const exits = slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            slot.handle.onExit(() => resolve());
            slot.handle.terminate();
          }),
      );
      await Promise.all(exits);
    },
  };
}
