import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import {
  SYNC_HEADERS,
  SyncRefusal,
  enrollRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  registerNextRequestSchema,
  syncCollectionSchema,
  type SyncCollection,
} from '../../shared/sync/protocol';
import { isLanAddress } from './lan';
import type { PcIdentity, SyncStore } from './store';

const MAX_BODY = 32 * 1024 * 1024;

export interface SyncServerOptions {
  store: SyncStore;
  cert: string;
  key: string;
  host: string;
  port: number;
  log?: (line: string) => void;
}

export interface RunningSyncServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SyncRefusal('INVALID_PAYLOAD', 413);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new SyncRefusal('INVALID_PAYLOAD', 400);
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new SyncRefusal('INVALID_PAYLOAD', 400);
  return result.data;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/**
 * The mission's sync server: RxDB's replication endpoints (pull with a checkpoint, push with the assumed state, a
 * live stream of server-sent events telling PCs to pull) plus joining a PC and the mission's outgoing numbers.
 * HTTPS only, bound to a LAN address, every request but enrolment from an approved PC with a valid credential.
 */
export function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  if (!isLanAddress(options.host)) return Promise.reject(new Error(`refusing to listen on ${options.host}: not a LAN address`));
  const { store } = options;
  const log = options.log ?? (() => undefined);
  const changes = new EventEmitter();
  changes.setMaxListeners(0);

  async function auth(req: IncomingMessage): Promise<PcIdentity> {
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    return store.authenticate(header(SYNC_HEADERS.pc), header(SYNC_HEADERS.secret));
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://server');
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method === 'POST' && url.pathname === '/v1/enroll') {
      const body = parse(enrollRequestSchema, await readJson(req));
      const enrolled = await store.enroll(body.pcId, body.name);
      log(`enroll pc=${body.pcId}`);
      return send(res, 200, { pcId: body.pcId, ...enrolled });
    }
    const pc = await auth(req);
    if (req.method === 'GET' && url.pathname === '/v1/sync/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      const onChange = (collection: SyncCollection) => res.write(`event: change\ndata: ${JSON.stringify({ collection })}\n\n`);
      const keepAlive = setInterval(() => res.write(': ping\n\n'), 20_000);
      changes.on('change', onChange);
      req.on('close', () => {
        clearInterval(keepAlive);
        changes.off('change', onChange);
      });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/v1/register/next') {
      const body = parse(registerNextRequestSchema, await readJson(req));
      const number = await store.nextRegisterNumber(body.year, pc);
      log(`register pc=${pc.id} year=${number.year} seq=${number.seq}`);
      return send(res, 200, number);
    }
    if (req.method === 'POST' && parts.length === 4 && parts[0] === 'v1' && parts[1] === 'sync') {
      const collection = syncCollectionSchema.safeParse(parts[2]);
      if (!collection.success) throw new SyncRefusal('NOT_FOUND', 404);
      if (parts[3] === 'pull') {
        const body = parse(pullRequestSchema, await readJson(req));
        return send(res, 200, await store.pull(collection.data, body.checkpoint, body.batchSize));
      }
      if (parts[3] === 'push') {
        const started = Date.now();
        const body = parse(pushRequestSchema, await readJson(req));
        const result = await store.push(collection.data, body.rows, pc);
        log(`push pc=${pc.id} collection=${collection.data} rows=${body.rows.length} written=${result.written} conflicts=${result.conflicts.length} ms=${Date.now() - started}`);
        if (result.written > 0) changes.emit('change', collection.data);
        return send(res, 200, { conflicts: result.conflicts });
      }
    }
    throw new SyncRefusal('NOT_FOUND', 404);
  }

  const server = createServer({ cert: options.cert, key: options.key, minVersion: 'TLSv1.2' }, (req, res) => {
    if (!isLanAddress(req.socket.remoteAddress ?? '')) {
      req.socket.destroy();
      return;
    }
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof SyncRefusal) {
        log(`refused ${req.method} ${req.url?.split('?')[0]} code=${error.code}`);
        return send(res, error.status, { error: error.code });
      }
      // The kind of failure only (a PostgreSQL SQLSTATE, an error class): a message could quote a document.
      const kind = (error as { code?: unknown }).code ?? (error instanceof Error ? error.name : typeof error);
      log(`error ${req.method} ${req.url?.split('?')[0]} kind=${String(kind)}`);
      send(res, 500, { error: 'INTERNAL' });
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
