import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { connect } from 'node:tls';
import type { SYNC_CHANNELS, SyncSettingsState } from '../../../shared/ipc/channels/sync';
import { SyncRefusal, type SyncCollection, type SyncTransport } from '../../../shared/sync/protocol';
import { isLanAddress } from '../../sync-server/lan';
import { clientOf } from '../accounts/handlers';
import { wrappedSchema, type AccountService } from '../accounts/store';
import { requireFileKeys, type FileKeysOf } from '../crypto/session-keys';
import type { CallContext, HandlerTable } from '../ipc/dispatch';
import { createSyncClient, enrollPc, type SyncServerAddress } from './client';
import { loadSyncSettings, removeSyncSettings, saveSyncSettings, type SyncSettings } from './settings-file';

type SyncHandlers = Pick<HandlerTable, keyof typeof SYNC_CHANNELS>;
type CallFailure = { status: 'failed'; reason: SyncRefusal['code'] | 'OFFLINE' | 'NOT_JOINED' };

export interface SyncDeps {
  dataDir: string;
  accounts: AccountService;
  fileKeys: FileKeysOf;
  now(): Date;
  log?: { event(name: string, fields?: Record<string, string | number | boolean>): void };
  /** How long to wait for a server while joining (tests shorten it). */
  connectTimeoutMs?: number;
}

/** The fingerprint as typed and as Node prints it compare equal once colons and case are dropped. */
const bareFingerprint = (text: string) => text.replace(/[\s:]/g, '').toUpperCase();

function splitAddress(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(address.slice(at + 1)) };
}

/** The certificate the server presents, read without trusting it: the officer's fingerprint decides. */
function presentedCertificate(host: string, port: number, timeoutMs: number): Promise<{ pem: string; fingerprint256: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, rejectUnauthorized: false, timeout: timeoutMs }, () => {
      const cert = socket.getPeerCertificate();
      socket.destroy();
      if (!cert?.raw) return reject(new Error('no certificate'));
      const base64 = cert.raw.toString('base64').match(/.{1,64}/g)!.join('\n');
      resolve({ pem: `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`, fingerprint256: cert.fingerprint256 });
    });
    socket.on('timeout', () => socket.destroy(new Error('timed out')));
    socket.on('error', reject);
  });
}

function publicState(settings: SyncSettings | null): SyncSettingsState {
  if (!settings) return { state: 'off' };
  const { state, address, fingerprint256, pcId, pcName, since, missionKey } = settings;
  return { state, address, fingerprint: fingerprint256, pcId, pcName, since, missionKey };
}

function failure(error: unknown): CallFailure {
  if (error instanceof SyncRefusal) return { status: 'failed', reason: error.code };
  return { status: 'failed', reason: 'OFFLINE' };
}

const MISSION_KEY_ID = 'key';

/**
 * Main's side of mission sync. The page runs the replication; main keeps the credential, makes every pinned TLS
 * call, and relays the server's live stream as a long poll (`sync:wait`), since the page talks to main only by calls.
 */
export function createSyncHandlers(deps: SyncDeps): SyncHandlers {
  let transport: (SyncTransport & { close(): void }) | null = null;
  let transportFor: string | null = null;
  let unwatch: (() => void) | null = null;
  let connected = false;
  // Each window (session) runs its own replication, so each hears every change: one queue per caller.
  const queues = new Map<string, { changed: Set<SyncCollection>; waiters: Set<() => void> }>();
  const queueOf = (client: string) => {
    let queue = queues.get(client);
    if (!queue) queues.set(client, (queue = { changed: new Set(), waiters: new Set() }));
    return queue;
  };

  const wake = () => {
    for (const queue of queues.values()) {
      for (const waiter of queue.waiters) waiter();
      queue.waiters.clear();
    }
  };

  function dropTransport(): void {
    unwatch?.();
    unwatch = null;
    transport?.close();
    transport = null;
    transportFor = null;
    connected = false;
    wake();
    queues.clear();
  }
  // A lock drops the connection with the key: nothing talks to the server for a locked PC.
  deps.accounts.onLock(dropTransport);

  const serverOf = (settings: SyncSettings): SyncServerAddress => ({ url: settings.url, certPem: settings.certPem, fingerprint256: settings.fingerprint256 });

  function transportOf(settings: SyncSettings): SyncTransport & { close(): void } {
    const identity = `${settings.url}|${settings.pcId}|${settings.fingerprint256}`;
    if (transport && transportFor === identity) return transport;
    dropTransport();
    transport = createSyncClient(serverOf(settings), { pcId: settings.pcId, secret: settings.secret });
    transportFor = identity;
    return transport;
  }

  const settingsOf = async (ctx: CallContext) => {
    const keys = requireFileKeys(deps.fileKeys, ctx);
    return { keys, settings: await loadSyncSettings(deps.dataDir, keys) };
  };

  async function joinedTransport(ctx: CallContext): Promise<(SyncTransport & { close(): void }) | CallFailure> {
    const { settings } = await settingsOf(ctx);
    if (!settings || settings.state !== 'joined') return { status: 'failed', reason: 'NOT_JOINED' };
    return transportOf(settings);
  }

  /** The mission's key row, or null when no PC has joined yet. */
  async function missionWrapping(client: SyncTransport) {
    const page = await client.pull('mission', null, 10);
    const row = page.documents.find((doc) => doc.id === MISSION_KEY_ID && !doc._deleted);
    if (!row) return null;
    const parsed = wrappedSchema.safeParse(row.wrapped);
    return parsed.success ? parsed.data : null;
  }

  return {
    'sync:status': async (_request, ctx) => publicState((await settingsOf(ctx)).settings),

    'sync:join': async (request, ctx) => {
      const { keys, settings } = await settingsOf(ctx);
      if (settings) return { status: 'refused', reason: 'already_joined' };
      const { host, port } = splitAddress(request.address);
      const ip = await lookup(host).then((found) => found.address, () => null);
      if (ip === null) return { status: 'refused', reason: 'unreachable' };
      if (!isLanAddress(ip)) return { status: 'refused', reason: 'not_lan' };
      let presented: { pem: string; fingerprint256: string };
      try {
        presented = await presentedCertificate(ip, port, deps.connectTimeoutMs ?? 10_000);
      } catch {
        return { status: 'refused', reason: 'unreachable' };
      }
      if (bareFingerprint(presented.fingerprint256) !== request.fingerprint) {
        deps.log?.event('sync_join_refused', { reason: 'fingerprint_mismatch' });
        return { status: 'refused', reason: 'fingerprint_mismatch' };
      }
      const url = `https://${ip.includes(':') ? `[${ip}]` : ip}:${port}`;
      const pcId = `pc-${randomBytes(12).toString('hex')}`;
      const pcName = hostname().slice(0, 200) || 'Aryz';
      let secret: string;
      try {
        secret = (await enrollPc({ url, certPem: presented.pem, fingerprint256: presented.fingerprint256 }, pcId, pcName)).secret;
      } catch (error) {
        return { status: 'refused', reason: error instanceof SyncRefusal ? 'server_refused' : 'unreachable' };
      }
      const next: SyncSettings = {
        address: request.address,
        url,
        certPem: presented.pem,
        fingerprint256: presented.fingerprint256,
        pcId,
        pcName,
        secret,
        since: deps.now().toISOString(),
        state: 'pending',
        missionKey: false,
      };
      await saveSyncSettings(deps.dataDir, keys, next);
      deps.log?.event('sync_join_requested', { pcId });
      return publicState(next);
    },

    'sync:checkApproval': async (_request, ctx) => {
      const { keys, settings } = await settingsOf(ctx);
      if (!settings) return { status: 'failed', reason: 'NOT_JOINED' };
      if (settings.state === 'joined') return publicState(settings);
      const client = transportOf(settings);
      try {
        let wrapping = await missionWrapping(client);
        if (!wrapping) {
          // The first PC of the mission: its data key becomes the mission's, handed over wrapped by its recovery
          // key (the same wrapping its backups carry), so the server never holds anything that opens it.
          const own = await deps.accounts.recoveryWrapping();
          if (!own) return { status: 'failed', reason: 'NOT_JOINED' };
          try {
            await client.push('mission', [{ newDocumentState: { id: MISSION_KEY_ID, _deleted: false, wrapped: own } }]);
          } catch (error) {
            // Another PC was first a moment ago (the row is append-only): fall through to adopting its key.
            if (!(error instanceof SyncRefusal && error.code === 'APPEND_ONLY')) throw error;
          }
          wrapping = await missionWrapping(client);
        }
        const own = await deps.accounts.recoveryWrapping();
        const same = !!wrapping && !!own && wrapping.data === own.data && wrapping.salt === own.salt;
        const next: SyncSettings = { ...settings, state: same ? 'joined' : 'needs_key', missionKey: same };
        await saveSyncSettings(deps.dataDir, keys, next);
        deps.log?.event('sync_approved', { pcId: settings.pcId, missionKey: same });
        return publicState(next);
      } catch (error) {
        if (error instanceof SyncRefusal && error.code === 'PC_NOT_APPROVED') return publicState(settings);
        return failure(error);
      }
    },

    'sync:adoptKey': async (request, ctx) => {
      const { settings } = await settingsOf(ctx);
      if (!settings || settings.state !== 'needs_key') return { status: 'refused', reason: 'not_waiting_for_key' };
      let wrapping;
      try {
        wrapping = await missionWrapping(transportOf(settings));
      } catch (error) {
        return failure(error);
      }
      if (!wrapping) return { status: 'refused', reason: 'not_waiting_for_key' };
      const outcome = await deps.accounts.adoptDataKey(clientOf(ctx), { missionWrapping: wrapping, recoveryKey: request.recoveryKey, password: request.password });
      if (outcome.status !== 'ok') return { status: 'refused', reason: outcome.status };
      // The settings file is sealed with the file key of the key just replaced: seal it again under the new one.
      const keys = requireFileKeys(deps.fileKeys, ctx);
      await saveSyncSettings(deps.dataDir, keys, { ...settings, state: 'joined', missionKey: true });
      deps.log?.event('sync_mission_key_adopted', { pcId: settings.pcId });
      return { status: 'ok', dataKey: outcome.dataKey.toString('base64') };
    },

    'sync:leave': async (_request, ctx) => {
      requireFileKeys(deps.fileKeys, ctx);
      dropTransport();
      await removeSyncSettings(deps.dataDir);
      deps.log?.event('sync_left');
      return { state: 'off' };
    },

    'sync:pull': async (request, ctx) => {
      const client = await joinedTransport(ctx);
      if ('status' in client) return client;
      try {
        return { status: 'ok', result: await client.pull(request.collection, request.checkpoint, request.batchSize) };
      } catch (error) {
        return failure(error);
      }
    },

    'sync:push': async (request, ctx) => {
      const client = await joinedTransport(ctx);
      if ('status' in client) return client;
      try {
        return { status: 'ok', conflicts: await client.push(request.collection, request.rows) };
      } catch (error) {
        return failure(error);
      }
    },

    'sync:registerNext': async (request, ctx) => {
      const client = await joinedTransport(ctx);
      if ('status' in client) return client;
      try {
        return { status: 'ok', number: await client.nextRegisterNumber(request.year) };
      } catch (error) {
        return failure(error);
      }
    },

    'sync:wait': async (request, ctx) => {
      const client = await joinedTransport(ctx);
      if ('status' in client) return { changed: [], connected: false };
      const queue = queueOf(clientOf(ctx));
      if (!unwatch) {
        unwatch = client.watch((collection) => {
          connected = true;
          for (const each of queues.values()) each.changed.add(collection);
          wake();
        });
      }
      if (queue.changed.size === 0 && request.waitMs > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            queue.waiters.delete(done);
            resolve();
          }, request.waitMs);
          const done = () => {
            clearTimeout(timer);
            resolve();
          };
          queue.waiters.add(done);
        });
      }
      const answer = [...queue.changed];
      queue.changed.clear();
      return { changed: answer, connected };
    },
  };
}
