import { useSyncExternalStore } from 'react';
import { getApi } from '../../api';
import { actorFrom } from '../../data/settings/use-actor';
import { loadSettings } from '../../data/settings/settings.repo';
import { ensureReference } from '../../data/reference/reference.repo';
import { runBatchJob, type BatchOutcome, type BatchProgress, type BatchRunHandle } from '../../data/batch/batch-run.repo';

/**
 * The batch runs this page is driving, kept outside React so a run goes on while the caseworker looks at
 * other screens; screens subscribe to its progress. A job marked running in IndexedDB but absent here was
 * interrupted (the page or the app closed) and can be resumed.
 */

export interface RunSnapshot {
  jobId: string;
  progress: BatchProgress | null;
  outcome: BatchOutcome | null;
  /** Why the run could not start or finish; the screen words it (ui/error-text). */
  error: { cause: unknown } | null;
}

const runs = new Map<string, { handle: BatchRunHandle | null; snapshot: RunSnapshot; cancelRequested: boolean }>();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

function update(jobId: string, patch: Partial<RunSnapshot>): void {
  const entry = runs.get(jobId);
  if (!entry) return;
  entry.snapshot = { ...entry.snapshot, ...patch };
  emit();
}

/** Starts (or resumes) a job in this page; a second call for a job already running is ignored. */
export function startRun(jobId: string): void {
  const existing = runs.get(jobId);
  if (existing && !existing.snapshot.outcome && !existing.snapshot.error) return;
  const entry = { handle: null as BatchRunHandle | null, snapshot: { jobId, progress: null, outcome: null, error: null } as RunSnapshot, cancelRequested: false };
  runs.set(jobId, entry);
  emit();
  void (async () => {
    try {
      const settings = await loadSettings();
      const actor = actorFrom(settings);
      if (!actor) throw new Error('NO_SETTINGS');
      const reference = await ensureReference(getApi());
      const handle = runBatchJob(jobId, { api: getApi(), actor, settings, reference, onProgress: (progress) => update(jobId, { progress }) });
      entry.handle = handle;
      if (entry.cancelRequested) handle.cancel();
      update(jobId, { outcome: await handle.done });
    } catch (error) {
      update(jobId, { error: { cause: error } });
    }
  })();
}

export function cancelRun(jobId: string): void {
  const entry = runs.get(jobId);
  if (!entry) return;
  entry.cancelRequested = true;
  entry.handle?.cancel();
  emit();
}

/** True while this page drives the job. */
export function isDriving(jobId: string): boolean {
  const entry = runs.get(jobId);
  return !!entry && !entry.snapshot.outcome && !entry.snapshot.error;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRun(jobId: string): RunSnapshot | undefined {
  return useSyncExternalStore(subscribe, () => runs.get(jobId)?.snapshot);
}

/** Changes whenever any run starts, progresses or ends. */
export function useRunsVersion(): number {
  return useSyncExternalStore(subscribe, () => runs.size + [...runs.values()].reduce((n, r) => n + (r.snapshot.outcome || r.snapshot.error ? 1 : 0), 0) * 1000);
}
