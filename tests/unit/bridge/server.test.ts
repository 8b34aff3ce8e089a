import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONNECTIONS, startBridge, type Bridge } from '../../bridge/server';
import { setAccountKdfForTests } from '../../../electron/main/accounts/key-wrap';
import { isSealed } from '../../../electron/main/crypto/file-cipher';
import { PNG_1X1 } from '../../fixtures/scans';

const work = mkdtempSync(path.join(tmpdir(), 'aryz-bridge-test-'));
const rendererDir = path.join(work, 'renderer');
let bridge: Bridge;
let port = 0;

beforeAll(async () => {
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
  bridge = await startBridge({ rendererDir, dataDir: path.join(work, 'data') });
  port = Number(new URL(bridge.origin).port);
}, 60_000);
afterAll(async () => {
  await bridge?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(options: { path: string; method?: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A raw request line: node's client refuses to send some malformed targets itself. */
function raw(line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${line}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (c) => (text += c.toString('latin1')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

async function login(): Promise<string> {
  const answer = await send({ path: `/?token=${bridge.token}` });
  const cookie = String((answer.headers['set-cookie'] as string[])[0]).split(';')[0]!;
  return cookie;
}

describe('the test bridge', () => {
  it('[fault] refuses a request naming another host, even with the right token (DNS rebinding)', async () => {
    const cookie = await login();
    expect((await send({ path: '/', headers: { cookie } })).status).toBe(200);
    expect((await send({ path: '/', headers: { cookie, host: `evil.example:${port}` } })).status).toBe(421);
    expect((await send({ path: `/?token=${bridge.token}`, headers: { host: `localhost.evil:${port}` } })).status).toBe(421);
  });

  it("[fault] binds its cookie to its port, so another bridge's cookie is not this one's", async () => {
    const cookie = await login();
    expect(cookie.startsWith(`aryz_bridge_${port}=`)).toBe(true);
    const [, value] = cookie.split('=');
    expect((await send({ path: '/', headers: { cookie: `aryz_bridge_${port + 1}=${value}` } })).status).toBe(403);
  });

  it('[fault] answers malformed URLs with 400, not a server error', async () => {
    const cookie = await login();
    expect((await send({ path: '/assets/%E0%A4%A', headers: { cookie } })).status).toBe(400);
    expect((await send({ path: '/__bridge/rpc/%ZZ', method: 'POST', headers: { cookie } })).status).toBe(400);
    expect(await raw('GET http://other.example/ HTTP/1.1')).toMatch(/^HTTP\/1\.1 400/);
  });

  it('[fault] streams uploads to disk and removes them: oldest past the keep limit, all on close', async () => {
    const cookie = await login();
    const headers = { cookie, origin: bridge.origin, 'content-type': 'application/octet-stream' };
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const answer = await send({ path: `/__bridge/upload?name=scan-${i}.pdf`, method: 'POST', headers, body: Buffer.alloc(256 * 1024, i) });
      expect(answer.status).toBe(200);
      ids.push((JSON.parse(answer.body) as { id: string }).id);
    }
    const kept = readdirSync(path.join(bridge.dataDir, 'uploads'));
    expect(kept.sort()).toEqual(ids.slice(-16).sort());
    // A second bridge on the same data dir starts without the first one's leftovers.
    const other = await startBridge({ rendererDir, dataDir: bridge.dataDir });
    expect(existsSync(path.join(bridge.dataDir, 'uploads'))).toBe(false);
    await other.close();
  });

  it('removes a picked scan\'s upload copy once it is stored (sealed), whatever the call answered', async () => {
    setAccountKdfForTests({ N: 2 ** 10, r: 8, p: 1 });
    const cookie = await login();
    const rpc = (channel: string, payload: unknown, extra: Record<string, string> = {}) =>
      send({ path: `/__bridge/rpc/${channel}`, method: 'POST', headers: { cookie, origin: bridge.origin, 'content-type': 'application/json', ...extra }, body: JSON.stringify(payload) });
    const status = JSON.parse((await rpc('accounts:status', {})).body) as { value: { setUp: boolean } };
    if (!status.value.setUp) expect((await rpc('accounts:setup', { name: 'Токтогулов Нурлан', position: 'Консул', password: 'correct horse battery staple' })).status).toBe(200);
    const upload = await send({ path: '/__bridge/upload?name=passport.png', method: 'POST', headers: { cookie, origin: bridge.origin, 'content-type': 'application/octet-stream' }, body: Buffer.from(PNG_1X1) });
    const { id } = JSON.parse(upload.body) as { id: string };
    expect(existsSync(path.join(bridge.dataDir, 'uploads', id))).toBe(true);
    const picked = JSON.parse((await rpc('attachments:pick', {}, { 'x-aryz-picked': id })).body) as { ok: boolean; value: { status: string; files: Array<{ status: string; sha256: string }> } };
    expect(picked).toMatchObject({ ok: true, value: { status: 'done', files: [{ status: 'stored' }] } });
    expect(existsSync(path.join(bridge.dataDir, 'uploads', id))).toBe(false);
    const stored = readdirSync(path.join(bridge.dataDir, 'attachments'));
    expect(stored).not.toContain(picked.value.files[0]!.sha256);
    expect(stored.every((name) => isSealed(readFileSync(path.join(bridge.dataDir, 'attachments', name))))).toBe(true);
  });

  it('[fault] bounds its open connections', async () => {
    const sockets = await Promise.all(
      Array.from({ length: MAX_CONNECTIONS + 10 }, () => new Promise<Socket>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => resolve(socket));
        socket.on('error', () => undefined);
      })),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const open = sockets.filter((s) => !s.destroyed && s.readyState === 'open');
    const closedByServer = await Promise.all(sockets.map((s) => new Promise<boolean>((resolve) => {
      if (s.destroyed) return resolve(true);
      s.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 300);
    })));
    expect(closedByServer.filter(Boolean).length).toBeGreaterThanOrEqual(10);
    expect(open.length).toBeGreaterThan(0);
    for (const s of sockets) s.destroy();
  });
});
