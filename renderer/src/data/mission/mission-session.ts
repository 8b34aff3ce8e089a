import { db } from '../schema';
import type { AryzApi } from '../../../../shared/ipc/contract';
import { SyncRefusal, type SyncTransport } from '../../../../shared/sync/protocol';
import { getApi } from '../../api';
import { sessionSnapshot, subscribeSession } from '../../lib/session';
import { startMissionSync, type MissionSync } from '../sync/replicate';
import { SYNC_ENABLED_KEY, onSyncedWrites, syncCoreState } from '../sync/stamps';
import { missionStatus, setMissionStatus } from './mission-status.store';
import { ipcSyncTransport } from './mission-transport';

type Api = Pick<AryzApi, 'getSyncStatus' | 'syncPull' | 'syncPush' | 'syncWait' | 'nextMissionRegisterNumber'>;

interface Running {
  sync: MissionSync;
  unsubscribe: () => void;
}

let controller: { reapply(): Promise<void> } | null = null;

/** Settings joined or left the mission: stop what runs and start again from main's state. */
export function missionMembershipChanged(): Promise<void> {
  return controller?.reapply() ?? Promise.resolve();
}

/**
 * Ties mission sync to the session, as the search index is: it starts once someone is signed in and the screen is
 * unlocked (main holds the credential, sealed with the data key, so nothing could start before), and stops on lock
 * and sign-out. Every write keeps being stamped while stopped, so the next start pushes it. Answers the unsubscribe.
 */
export function keepMissionSyncWithSession(api: Api = getApi()): () => void {
  let running: Running | null = null;
  let generation = 0;
  let waiting = 0;
  let lastSyncAt: number | null = null;
  let offlineSince: number | null = null;
  let refused: SyncRefusal['code'] | null = null;

  const show = () => {
    if (refused) return setMissionStatus({ kind: 'refused', reason: refused });
    if (offlineSince !== null) return setMissionStatus({ kind: 'offline', since: offlineSince, waiting, lastSyncAt });
    setMissionStatus({ kind: 'syncing', waiting, lastSyncAt });
  };

  async function settle(gen: number): Promise<void> {
    const current = running;
    if (!current) return;
    const waitingAtStart = waiting;
    show();
    await current.sync.idle();
    if (gen !== generation || refused || offlineSince !== null) return;
    waiting = Math.max(0, waiting - waitingAtStart);
    lastSyncAt = Date.now();
    if (waiting === 0) setMissionStatus({ kind: 'synced', at: lastSyncAt });
    else void settle(gen);
  }

  async function stop(): Promise<void> {
    generation++;
    const current = running;
    running = null;
    if (current) {
      current.unsubscribe();
      await current.sync.stop().catch((error: unknown) => console.warn('mission sync stop:', error));
    }
  }

  async function start(): Promise<void> {
    const gen = ++generation;
    const answer = await api.getSyncStatus({});
    if (gen !== generation) return;
    if (!answer.ok || answer.value.state === 'off') return setMissionStatus({ kind: 'off' });
    if (answer.value.state !== 'joined') return setMissionStatus({ kind: 'pending' });
    waiting = 0;
    offlineSince = null;
    refused = null;
    const reached = () => {
      if (offlineSince === null && refused === null) return;
      offlineSince = null;
      refused = null;
      void settle(gen);
    };
    const base = ipcSyncTransport(api, () => {
      offlineSince ??= Date.now();
      if (gen === generation) show();
    });
    // Any answer from the server means it is reachable again: the header leaves «offline».
    const transport: SyncTransport = {
      ...base,
      pull: (...args) => base.pull(...args).then((r) => (reached(), r)),
      push: (...args) => base.push(...args).then((r) => (reached(), r)),
      watch: (onChange) => base.watch((collection) => {
        onChange(collection);
        if (gen === generation) void settle(gen);
      }),
    };
    const unsubscribe = onSyncedWrites(db(), (_table, docs, context) => {
      if (context !== 'aryz-local-write' || gen !== generation) return;
      waiting += docs.length;
      void settle(gen);
    });
    const sync = await startMissionSync(db(), transport, {
      writer: answer.value.pcId,
      onError: (_table, error) => {
        if (gen !== generation) return;
        if (error instanceof SyncRefusal) refused = error.code;
        else offlineSince ??= Date.now();
        show();
      },
    });
    if (gen !== generation) {
      unsubscribe();
      await sync.stop();
      return;
    }
    running = { sync, unsubscribe };
    void settle(gen);
  }

  let unlocked = false;
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (task: () => Promise<void>) => {
    chain = chain.then(task).catch((error: unknown) => console.warn('mission sync:', error));
    return chain;
  };
  const apply = () => {
    const snapshot = sessionSnapshot();
    const now = snapshot.key !== null && snapshot.info !== null && !snapshot.info.mustChangePassword;
    if (now === unlocked) return;
    unlocked = now;
    void enqueue(async () => {
      await stop();
      if (unlocked) await start();
      else setMissionStatus({ kind: 'off' });
    });
  };
  controller = {
    reapply: () =>
      enqueue(async () => {
        await stop();
        if (unlocked) await start();
      }),
  };
  apply();
  const unsubscribeSession = subscribeSession(apply);
  return () => {
    unsubscribeSession();
    controller = null;
    void enqueue(stop);
  };
}

/**
 * Leaving the mission on this PC's side: nothing is stamped any more, and the engine's checkpoints and stamps are
 * dropped so a later join starts clean. Unresolved conflicts stay, each keeping both values.
 */
export async function forgetMissionReplication(): Promise<void> {
  const state = syncCoreState(db());
  state.stamping = false;
  await db().transaction('rw', db().syncMeta, db().syncState, async () => {
    await db().syncMeta.delete(SYNC_ENABLED_KEY);
    await db().syncMeta.clear();
    await db().syncState.clear();
  });
}

export { missionStatus };
