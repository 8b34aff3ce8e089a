import { utilityProcess } from 'electron';
import type { WorkerResponse } from './protocol';
import type { SpawnWorker } from './runner';

/**
 * Batch workers as Electron utility processes (the desktop app): a separate OS process per worker, so a
 * 1,000-letter batch uses neither main's event loop nor its heap, and a crash in pdfmake cannot take main down.
 */
export function utilityWorkerSpawner(entryFile: string): SpawnWorker {
  return () => {
    const child = utilityProcess.fork(entryFile, [], { serviceName: 'Aryz PDF batch', stdio: 'inherit' });
    return {
      post: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message: WorkerResponse) => listener(message)),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      terminate: () => void child.kill(),
    };
  };
}
