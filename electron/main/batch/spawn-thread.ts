import { Worker } from 'node:worker_threads';
import type { WorkerResponse } from './protocol';
import type { SpawnWorker } from './runner';

/**
 * Batch workers as Node worker threads running the built worker entry (browser mode, tests, the benchmark).
 * A thread has its own event loop and heap, so rendering never blocks the bridge's or main's loop.
 */
export function threadWorkerSpawner(entryFile: string, log: (message: string, error?: unknown) => void = console.error): SpawnWorker {
  return () => {
    const worker = new Worker(entryFile);
    // An uncaught error in the thread ends it; the exit listener reports the task, this one the reason.
    worker.on('error', (error) => log('batch worker thread failed', error));
    return {
      post: (message) => worker.postMessage(message),
      onMessage: (listener) => worker.on('message', (message: WorkerResponse) => listener(message)),
      onExit: (listener) => worker.on('exit', (code) => listener(code)),
      terminate: () => void worker.terminate(),
    };
  };
}
