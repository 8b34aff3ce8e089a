import { Agent, request } from 'node:https';
import type { PeerCertificate } from 'node:tls';
import type { z } from 'zod';
import {
  SYNC_COLLECTIONS,
  SYNC_HEADERS,
  SyncRefusal,
  enrollResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  registerNextResponseSchema,
  syncCollectionSchema,
  syncErrorSchema,
  type SyncCollection,
  type SyncTransport,
} from '../../../shared/sync/protocol';

export interface SyncServerAddress {
  /** `https://<LAN address>:<port>` */
  url: string;
  /** The server's certificate, kept by the PC when it joined. */
  certPem: string;
  /** Its SHA-256 fingerprint, confirmed by the administrator when the PC joined; any other certificate is refused. */
  fingerprint256: string;
}

export interface SyncCredential {
  pcId: string;
  secret: string;
}

/** The certificate must be the pinned one; host names are not checked, a LAN address may change. */
function pinnedAgent(server: SyncServerAddress): Agent {
  const pinned = server.fingerprint256.toUpperCase();
  return new Agent({
    keepAlive: true,
    ca: server.certPem,
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      cert.fingerprint256?.toUpperCase() === pinned ? undefined : new Error('the sync server presented a certificate that is not the pinned one'),
  });
}

function call<T extends z.ZodType>(agent: Agent, server: SyncServerAddress, path: string, body: unknown, schema: T, credential?: SyncCredential): Promise<z.infer<T>> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, server.url),
      {
        method: 'POST',
        agent,
        timeout: 60_000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...(credential ? { [SYNC_HEADERS.pc]: credential.pcId, [SYNC_HEADERS.secret]: credential.secret } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            return reject(new Error(`sync server answered ${res.statusCode} without JSON`));
          }
          if (res.statusCode !== 200) {
            const refusal = syncErrorSchema.safeParse(json);
            return reject(refusal.success ? new SyncRefusal(refusal.data.error, res.statusCode ?? 500) : new Error(`sync server answered ${res.statusCode}`));
          }
          const parsed = schema.safeParse(json);
          if (parsed.success) resolve(parsed.data);
          else reject(new Error('sync server answered an unexpected shape'));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('sync server timed out')));
    req.on('error', reject);
    req.end(text);
  });
}

/** Asks to join the mission; the PC keeps the secret and waits for the administrator's approval. */
export function enrollPc(server: SyncServerAddress, pcId: string, name: string): Promise<z.infer<typeof enrollResponseSchema>> {
  const agent = pinnedAgent(server);
  return call(agent, server, '/v1/enroll', { pcId, name }, enrollResponseSchema).finally(() => agent.destroy());
}

/**
 * The PC's side of the sync wire over pinned TLS: RxDB's pull and push, the server's live stream (server-sent events,
 * reconnected after a drop) and the mission's outgoing numbers.
 */
export function createSyncClient(server: SyncServerAddress, credential: SyncCredential, reconnectMs = 2000): SyncTransport & { close(): void } {
  const agent = pinnedAgent(server);
  return {
    pull: (collection, checkpoint, batchSize) => call(agent, server, `/v1/sync/${collection}/pull`, { checkpoint, batchSize }, pullResponseSchema, credential),
    push: async (collection, rows) => (await call(agent, server, `/v1/sync/${collection}/push`, { rows }, pushResponseSchema, credential)).conflicts,
    nextRegisterNumber: (year) => call(agent, server, '/v1/register/next', { year }, registerNextResponseSchema, credential),
    watch(onChange: (collection: SyncCollection) => void) {
      let stopped = false;
      let current: ReturnType<typeof request> | null = null;
      const connect = () => {
        if (stopped) return;
        const req = request(new URL('/v1/sync/stream', server.url), { method: 'GET', agent: new Agent({ ca: server.certPem, checkServerIdentity: agent.options.checkServerIdentity }), headers: { [SYNC_HEADERS.pc]: credential.pcId, [SYNC_HEADERS.secret]: credential.secret } }, (res) => {
          let buffer = '';
          res.setEncoding('utf8');
          // Changes made while the stream was down are caught up by a pull of every collection.
          if (res.statusCode === 200) for (const collection of SYNC_COLLECTIONS) onChange(collection);
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const event = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = event.split('\n').find((line) => line.startsWith('data: '));
              if (!data) continue;
              try {
                const collection = syncCollectionSchema.safeParse((JSON.parse(data.slice(6)) as { collection?: unknown }).collection);
                if (collection.success) onChange(collection.data);
              } catch {
                // a damaged event only costs a pull that the next event triggers anyway
              }
            }
          });
          res.on('close', () => setTimeout(connect, reconnectMs));
        });
        req.on('error', () => setTimeout(connect, reconnectMs));
        req.end();
        current = req;
      };
      connect();
      return () => {
        stopped = true;
        current?.destroy();
      };
    },
    close: () => agent.destroy(),
  };
}
