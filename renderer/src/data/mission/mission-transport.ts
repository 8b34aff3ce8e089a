import type { AryzApi } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/ipc/result';
import { SyncRefusal, type SyncCollection, type SyncTransport } from '../../../../shared/sync/protocol';

export type MissionApi = Pick<AryzApi, 'syncPull' | 'syncPush' | 'syncWait' | 'nextMissionRegisterNumber'>;

/** No answer from the server (down, unreachable, network cut): the engine retries; the header says offline. */
export class SyncOfflineError extends Error {
  constructor() {
    super('the mission server did not answer');
    this.name = 'SyncOfflineError';
  }
}

type Failure = { status: 'failed'; reason: string };

function unwrapResult<T extends { status: string }>(result: IpcResult<T>): Exclude<T, Failure> {
  if (!result.ok) throw new SyncOfflineError();
  const value = result.value;
  if (value.status === 'failed') {
    const reason = (value as unknown as Failure).reason;
    if (reason === 'OFFLINE' || reason === 'NOT_JOINED') throw new SyncOfflineError();
    throw new SyncRefusal(reason as SyncRefusal['code'], 0);
  }
  return value as Exclude<T, Failure>;
}

/** How long one `sync:wait` holds before answering that nothing changed; the next call follows at once. */
const WAIT_MS = 25_000;

/**
 * The replication engine's transport over the typed IPC: main makes the pinned TLS calls. The server's live stream
 * reaches the page as a long poll, so a change on another PC arrives here within one round trip.
 */
export function ipcSyncTransport(api: MissionApi, onStreamFailure: () => void = () => undefined): SyncTransport {
  return {
    pull: async (collection, checkpoint, batchSize) => unwrapResult(await api.syncPull({ collection, checkpoint, batchSize })).result,
    push: async (collection, rows) => unwrapResult(await api.syncPush({ collection, rows })).conflicts,
    watch(onChange: (collection: SyncCollection) => void) {
      let stopped = false;
      void (async () => {
        while (!stopped) {
          try {
            const result = await api.syncWait({ waitMs: WAIT_MS });
            if (stopped) break;
            if (!result.ok) throw new SyncOfflineError();
            for (const collection of result.value.changed) onChange(collection);
          } catch {
            onStreamFailure();
            await new Promise((resolve) => setTimeout(resolve, 2000));
          }
        }
      })();
      return () => {
        stopped = true;
      };
    },
    nextRegisterNumber: async (year) => unwrapResult(await api.nextMissionRegisterNumber({ year })).number,
  };
}
