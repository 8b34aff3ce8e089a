import { parentPort as threadPort } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { createBatchWorkerCore } from './worker-core';

/**
 * Entry of the batch worker, built by electron-vite as out/main/batch-worker.js. The same file runs as an
 * Electron utilityProcess (messages through `process.parentPort`, each wrapped in an event's `data`) and as a
 * Node worker thread in browser mode and tests (`worker_threads.parentPort`). Requests are handled strictly
 * one after another, so answers come back in order and one slow render never interleaves with the next.
 */

interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: WorkerRequest }) => void): void;
  postMessage(message: WorkerResponse): void;
}

const core = createBatchWorkerCore();
let queue: Promise<void> = Promise.resolve();

function connect(): { post(message: WorkerResponse): void; listen(handler: (request: WorkerRequest) => void): void } {
  if (threadPort) {
    const port = threadPort;
    return { post: (m) => port.postMessage(m), listen: (h) => port.on('message', h) };
  }
  const utility = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;
  if (utility) return { post: (m) => utility.postMessage(m), listen: (h) => utility.on('message', (event) => h(event.data)) };
  throw new Error('batch worker started outside a worker thread or utility process');
}

const channel = connect();
channel.listen((request) => {
  queue = queue
    .then(() => core.handle(request))
    .then((response) => {
      if (response) channel.post(response);
    })
    .catch((error: unknown) => {
      // core.handle answers failures itself; anything here is a bug worth the log, not a silent hang.
      console.error('batch worker:', error);
    });
});
