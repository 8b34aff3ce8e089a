import { request } from 'node:https';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type RunningSyncServer } from '../../../../electron/sync-server/server';
import type { SyncStore } from '../../../../electron/sync-server/store';
import { createServerCertificate } from '../../../../electron/sync-server/tls';
import { SYNC_ERROR_CODES, SYNC_HEADERS, SyncRefusal } from '../../../../shared/sync/protocol';

const RUNS = Number(process.env.ARYZ_FUZZ_RUNS ?? 100);

/** A store that accepts one PC and records what reached it: only validated requests may. */
function fakeStore(calls: string[]): SyncStore {
  return {
    authenticate: async (pc: string | undefined, secret: string | undefined) => {
      if (pc !== 'pc-000001' || secret !== 's3cret') throw new SyncRefusal('UNAUTHORIZED', 401);
      return { id: pc };
    },
    enroll: async () => {
      calls.push('enroll');
      return { secret: 'x', approved: false };
    },
    pull: async (_c: string, checkpoint: unknown) => {
      calls.push('pull');
      return { documents: [], checkpoint: checkpoint as null };
    },
    push: async (_c: string, rows: unknown[]) => {
      calls.push('push');
      return { conflicts: [], written: rows.length };
    },
    nextRegisterNumber: async (year: number) => {
      calls.push('register');
      return { year, seq: 1 };
    },
  } as unknown as SyncStore;
}

describe('sync server requests', () => {
  let running: RunningSyncServer;
  let cert: string;
  const calls: string[] = [];

  beforeAll(async () => {
    const certificate = await createServerCertificate('fuzz', ['127.0.0.1']);
    cert = certificate.cert;
    running = await startSyncServer({ store: fakeStore(calls), cert: certificate.cert, key: certificate.key, host: '127.0.0.1', port: 0 });
  });
  afterAll(() => running?.close());

  function post(path: string, body: string, auth = true): Promise<{ status: number; json: unknown }> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: running.port, path, method: 'POST', ca: cert, checkServerIdentity: () => undefined, headers: auth ? { [SYNC_HEADERS.pc]: 'pc-000001', [SYNC_HEADERS.secret]: 's3cret' } : {} },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('answers a valid pull, push and number, and refuses a request without a credential before reading it', async () => {
    expect(await post('/v1/sync/persons/pull', JSON.stringify({ checkpoint: null, batchSize: 10 }))).toEqual({ status: 200, json: { documents: [], checkpoint: null } });
    expect(await post('/v1/sync/cases/push', JSON.stringify({ rows: [{ newDocumentState: { id: 'c1', _deleted: false, status: 'x' } }] }))).toEqual({ status: 200, json: { conflicts: [] } });
    expect(await post('/v1/register/next', JSON.stringify({ year: 2026 }))).toEqual({ status: 200, json: { year: 2026, seq: 1 } });
    calls.length = 0;
    expect(await post('/v1/sync/persons/pull', JSON.stringify({ checkpoint: null, batchSize: 10 }), false)).toEqual({ status: 401, json: { error: 'UNAUTHORIZED' } });
    expect(await post('/v1/sync/nowhere/pull', JSON.stringify({ checkpoint: null, batchSize: 10 }))).toEqual({ status: 404, json: { error: 'NOT_FOUND' } });
    expect(calls).toEqual([]);
  });

  it('answers damaged and arbitrary bodies with a result or a typed refusal, never an internal error', async () => {
    const paths = fc.constantFrom('/v1/sync/persons/pull', '/v1/sync/cases/push', '/v1/register/next', '/v1/enroll');
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.constantFrom('{"rows":[]}', '{"rows":[{"newDocumentState":{"id":"","_deleted":false}}]}', '{"checkpoint":{"seq":-1},"batchSize":10}', '{"batchSize":100000,"checkpoint":null}', '{"year":1}', '{"pcId":"../x","name":"a"}', '{"__proto__":{"x":1}}'),
    );
    await fc.assert(
      fc.asyncProperty(paths, bodies, async (path, body) => {
        const { status, json } = await post(path, body);
        if (status === 200) return;
        expect(status).toBeLessThan(500);
        expect(SYNC_ERROR_CODES).toContain((json as { error: string }).error);
      }),
      { numRuns: RUNS },
    );
  });
});
