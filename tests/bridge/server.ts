import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { memorySecretStore } from '../../electron/main/backup/secrets';
import { createBatchRunner } from '../../electron/main/batch/runner';
import { threadWorkerSpawner } from '../../electron/main/batch/spawn-thread';
import { guardHandlers } from '../../electron/main/accounts/guard';
import { AccountService } from '../../electron/main/accounts/store';
import { createHandlers } from '../../electron/main/handlers';
import { clearViewerCopiesSync, defaultViewerTempDir } from '../../electron/main/documents/viewer-copies';
import { createDispatcher, type CallContext } from '../../electron/main/ipc/dispatch';
import { createAppLog } from '../../electron/main/log/app-log';
import { createPdfEngine } from '../../electron/main/pdf/engine';
import { defaultFontDir } from '../../electron/main/pdf/fonts';
import { mimeType, securityHeaders } from '../../electron/main/protocol';
import { isChannel, payloadLimitOf } from '../../shared/ipc/contract';
import { MAX_PAYLOAD_BYTES } from '../../shared/ipc/result';
import { batchWorkerEntry, xlsxWorkerEntry } from './batch-worker';

const ROOT = path.resolve(__dirname, '../..');
/** The cookie's name carries the port: cookies are per host, not per port, so two bridges must not share one. */
const cookieName = (port: number) => `aryz_bridge_${port}`;
/** Open connections at once; a page opens a handful, anything past this is refused rather than queued. */
export const MAX_CONNECTIONS = 64;
/** Uploads kept on disk for handlers to read by path; older ones are removed (a sheet re-read needs the latest). */
const MAX_KEPT_UPLOADS = 16;

export interface BridgeOptions {
  port?: number;
  rendererDir?: string;
  dataDir?: string;
  token?: string;
  log?: (line: string) => void;
}

export interface Bridge {
  origin: string;
  /** The address to open: carries the token once, then the cookie does. */
  url: string;
  token: string;
  dataDir: string;
  close(): Promise<void>;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(req: IncomingMessage, cookie: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookie) return rest.join('=');
  }
  return null;
}

/**
 * Which browser context is calling: each gets its own sign-in session, as each Electron window does. Set with the
 * token cookie, so a reload keeps the session and a new context (a new test) starts signed out.
 */
const clientCookieName = (port: number) => `aryz_client_${port}`;

/** The body as bytes, or null past `limit` bytes (the rest is read and dropped so the connection stays sound). */
async function readBodyBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return (await readBodyBytes(req, limit))?.toString('utf8') ?? null;
}

class UploadTooLarge extends Error {}

/** Streams a request body into a file, never holding it in memory; past `limit` bytes the file is removed. */
async function streamToFile(req: IncomingMessage, target: string, limit: number): Promise<boolean> {
  let size = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(size > limit ? new UploadTooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(req, cap, createWriteStream(target, { flags: 'wx' }));
    return true;
  } catch (error) {
    await rm(target, { force: true });
    if (error instanceof UploadTooLarge) return false;
    throw error;
  }
}

/** The request's URL and path, or null for anything malformed (bad percent-encoding, an absolute URL to elsewhere). */
function parseRequestUrl(raw: string | undefined, origin: string): { url: URL; pathname: string } | null {
  if (!raw || !raw.startsWith('/')) return null;
  try {
    const url = new URL(raw, origin);
    if (url.origin !== origin) return null;
    return { url, pathname: decodeURIComponent(url.pathname) };
  } catch {
    return null;
  }
}

/** Larger than any file the app accepts, so size limits are the handlers' to enforce and test. */
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

const DOWNLOAD_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** A staged upload keeps its name (handlers may look at it) but never a folder part or a control character. */
function safeUploadName(raw: string | null): string {
  const cleaned = [...path.basename(raw ?? '')].map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'upload' : cleaned;
}

function downloadType(name: string): string {
  return DOWNLOAD_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

async function buildAdapter(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'adapter.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
  });
  return result.outputFiles[0]!.text;
}

/**
 * The test bridge: serves the built renderer on 127.0.0.1 and answers its API calls with the real
 * main-process handler table. Every request must carry the per-run token (as a cookie set from the
 * opening URL); API calls must also come from the bridge's own origin.
 */
const IMMUTABLE = { 'Cache-Control': 'public, max-age=31536000, immutable' };

export async function startBridge(options: BridgeOptions = {}): Promise<Bridge> {
  const rendererDir = options.rendererDir ?? path.join(ROOT, 'out/renderer');
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'aryz-bridge-')));
  const token = options.token ?? randomBytes(24).toString('hex');
  const log = options.log ?? (() => undefined);
  const [adapter, indexHtml] = await Promise.all([buildAdapter(), readFile(path.join(rendererDir, 'index.html'), 'utf8')]);
  // The adapter must define window.aryz before the app's module script runs. Named by its content and cached
  // like the app's assets: it stands in for the desktop app's preload, which costs a start no request at all.
  const adapterPath = `/__bridge/adapter-${createHash('sha256').update(adapter).digest('hex').slice(0, 12)}.js`;
  const page = indexHtml.replace('<script type="module"', `<script src="${adapterPath}"></script>\n    <script type="module"`);
  const downloads = new Map<string, { name: string; data: Uint8Array }>();
  // Files main "opened" (documents:open, documents:print): shown in a new tab, as the desktop app shows them in
  // the system viewer. A viewer may fetch a file more than once, so the last few stay; their ids are random.
  const views = new Map<string, { name: string; data: Uint8Array }>();
  const MAX_VIEWS = 20;
  // Files the page's file chooser picked, staged on disk so handlers read them by path as they would in Electron.
  const uploads = new Map<string, string>();
  const uploadsDir = path.join(dataDir, 'uploads');
  // Uploads are copies of files the page picked: none outlives the bridge, nor a crash of the previous one.
  await rm(uploadsDir, { recursive: true, force: true });
  // Nor do plain copies handed to the "system viewer" (documents:open and print) by a previous run.
  clearViewerCopiesSync(defaultViewerTempDir(dataDir));
  const forgetUpload = async (id: string) => {
    uploads.delete(id);
    await rm(path.join(uploadsDir, id), { recursive: true, force: true });
  };
  // Browser mode renders batches in a worker thread, the desktop app in a utility process: same worker file.
  const batch = createBatchRunner({ spawn: threadWorkerSpawner(await batchWorkerEntry(), (m, e) => log(`${m}: ${String(e)}`)), fontDir: defaultFontDir(), dataDir });
  const accounts = new AccountService(dataDir);
  // Browser mode logs as the desktop app does: redacted, rotating, in its data folder.
  const appLog = createAppLog(dataDir);
  appLog.event('app.start', { mode: 'browser', platform: process.platform, node: process.versions.node });
  const dispatch = createDispatcher(
    guardHandlers(createHandlers({
      version: process.env.npm_package_version ?? '0.0.0',
      mode: 'browser',
      dataDir,
      referenceDir: path.join(ROOT, 'resources/reference'),
      templatesDir: path.join(ROOT, 'resources/templates'),
      pdf: createPdfEngine(defaultFontDir()),
      now: () => new Date(),
      secrets: memorySecretStore(),
      batch,
      xlsxWorkerEntry: await xlsxWorkerEntry(),
      log: appLog,
      accounts,
    }), accounts),
    (message, error) => {
      appLog.error('ipc.failed', error);
      log(`${message}: ${error instanceof Error ? error.stack : String(error)}`);
    },
    (call) => appLog.event('ipc', { ...call }),
  );
  let origin = '';
  let host = '';
  let port = 0;

  const send = (res: ServerResponse, status: number, body: string | Uint8Array, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...securityHeaders(type), 'Cache-Control': 'no-store', ...extra });
    res.end(body);
  };

  const server = createServer({ headersTimeout: 20_000, requestTimeout: 120_000 }, (req, res) => {
    void (async () => {
      // Only this address, never another name for it: a web page that rebinds its own host name to 127.0.0.1
      // sends its own Host and is refused here, before any cookie or token is looked at.
      if (req.headers.host !== host) return send(res, 421, 'Misdirected request');
      const parsed = parseRequestUrl(req.url, origin);
      if (!parsed) return send(res, 400, 'Bad request');
      const { url, pathname } = parsed;
      const queryToken = url.searchParams.get('token');
      if (queryToken !== null && req.method === 'GET') {
        if (!safeEqual(queryToken, token)) return send(res, 403, 'Forbidden');
        const client = cookieValue(req, clientCookieName(port)) ?? randomBytes(12).toString('hex');
        res.writeHead(302, {
          'Set-Cookie': [`${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`, `${clientCookieName(port)}=${client}; HttpOnly; SameSite=Strict; Path=/`],
          Location: '/',
        });
        return res.end();
      }
      const presented = cookieValue(req, cookieName(port));
      if (!presented || !safeEqual(presented, token)) return send(res, 403, 'Forbidden: open the address printed by npm start');

      if (pathname.startsWith('/__bridge/rpc/')) {
        if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
        if (req.headers.origin !== origin) return send(res, 403, 'Forbidden origin');
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only');
        const channel = pathname.slice('/__bridge/rpc/'.length);
        // Bytes, not characters: UTF-8 takes up to 4 per character. Unknown channels are refused by dispatch.
        const raw = await readBody(req, (isChannel(channel) ? payloadLimitOf(channel) : MAX_PAYLOAD_BYTES) * 4);
        // Answered like main answers an oversize IPC payload: a typed result, not an HTTP error.
        if (raw === null) return send(res, 200, JSON.stringify({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } }), 'application/json');
        let payload: unknown;
        try {
          payload = JSON.parse(raw);
        } catch {
          return send(res, 400, 'Bad JSON');
        }
        let download: { id: string; name: string } | null = null;
        let view: string | null = null;
        const offer = (name: string, data: Uint8Array) => {
          const id = randomBytes(12).toString('hex');
          downloads.set(id, { name, data });
          download = { id, name };
        };
        const client = cookieValue(req, clientCookieName(port));
        const ctx: CallContext = {
          ...(client && /^[a-f0-9]{24}$/.test(client) ? { client } : {}),
          async saveFile({ defaultName, data }) {
            offer(defaultName, data);
            return { status: 'saved', fileName: defaultName };
          },
          // The adapter showed the page's file chooser and uploaded the choice before this call.
          async pickFiles() {
            const picked = String(req.headers['x-aryz-picked'] ?? '');
            if (picked === '') return null;
            const paths = picked.split(',').map((id) => uploads.get(id));
            if (paths.some((p) => p === undefined)) return null;
            return paths as string[];
          },
          // A page cannot choose a folder; the answer stays inside the bridge's data dir, named by the page.
          async pickFolder() {
            const name = String(req.headers['x-aryz-folder'] ?? 'default');
            if (!/^[\w-]{1,64}$/.test(name)) return null;
            const folder = path.join(dataDir, 'picked-folders', name);
            await mkdir(folder, { recursive: true });
            return folder;
          },
          async openPath(absolutePath) {
            const id = randomBytes(12).toString('hex');
            views.set(id, { name: path.basename(absolutePath), data: await readFile(absolutePath) });
            for (const old of views.keys()) if (views.size > MAX_VIEWS) views.delete(old);
            view = id;
          },
        };
        const result = await dispatch(channel, payload, ctx);
        // A picked scan is read once and stored sealed: its plain upload copy goes at once. (Backups, transfer
        // bundles and imports are read again by later calls; theirs go with the bridge or past MAX_KEPT_UPLOADS.)
        if (channel === 'attachments:pick') {
          for (const id of String(req.headers['x-aryz-picked'] ?? '').split(',')) if (uploads.has(id)) await forgetUpload(id);
        }
        const headers: Record<string, string> = {};
        const saved = download as { id: string; name: string } | null;
        if (result.ok && saved) {
          headers['X-Aryz-Download'] = `/__bridge/download/${saved.id}`;
          headers['X-Aryz-Download-Name'] = encodeURIComponent(saved.name);
        }
        const shown = view as string | null;
        if (result.ok && shown) headers['X-Aryz-View'] = `/__bridge/view/${shown}`;
        return send(res, 200, JSON.stringify(result), 'application/json', headers);
      }

      if (pathname === '/__bridge/upload') {
        if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
        if (req.headers.origin !== origin) return send(res, 403, 'Forbidden origin');
        const name = safeUploadName(url.searchParams.get('name'));
        const id = randomBytes(12).toString('hex');
        const folder = path.join(uploadsDir, id);
        await mkdir(folder, { recursive: true });
        const target = path.join(folder, name);
        if (!(await streamToFile(req, target, MAX_UPLOAD_BYTES))) {
          await forgetUpload(id);
          return send(res, 413, 'Too large');
        }
        uploads.set(id, target);
        while (uploads.size > MAX_KEPT_UPLOADS) await forgetUpload(uploads.keys().next().value!);
        return send(res, 200, JSON.stringify({ id }), 'application/json');
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      if (pathname.startsWith('/__bridge/download/')) {
        const id = pathname.slice('/__bridge/download/'.length);
        const file = downloads.get(id);
        if (!file) return send(res, 404, 'Not found');
        downloads.delete(id);
        return send(res, 200, file.data, downloadType(file.name), {
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        });
      }
      if (pathname.startsWith('/__bridge/view/')) {
        const file = views.get(pathname.slice('/__bridge/view/'.length));
        if (!file) return send(res, 404, 'Not found');
        // Shown by the browser's own PDF viewer: no page CSP (it is not the app's page), inline, never sniffed.
        res.writeHead(200, {
          'Content-Type': downloadType(file.name),
          'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
          'Referrer-Policy': 'no-referrer',
        });
        return res.end(req.method === 'HEAD' ? undefined : file.data);
      }
      if (pathname === adapterPath) return send(res, 200, adapter, 'text/javascript; charset=utf-8', IMMUTABLE);
      if (pathname === '/' || pathname === '/index.html') return send(res, 200, page, 'text/html; charset=utf-8');
      const target = path.resolve(rendererDir, `.${pathname}`);
      const rel = path.relative(rendererDir, target);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return send(res, 404, 'Not found');
      // Built assets are named by their content hash, so they are cached as the desktop app's own files are:
      // fetched once, and V8 keeps their compiled code (app:// has the codeCache privilege) instead of
      // compiling a megabyte of script on every start.
      const immutable = pathname.startsWith('/assets/') ? IMMUTABLE : {};
      try {
        return send(res, 200, await readFile(target), mimeType(target), immutable);
      } catch {
        return send(res, 404, 'Not found');
      }
    })().catch((error: unknown) => {
      log(`bridge request failed: ${String(error)}`);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });

  // Bounded: past MAX_CONNECTIONS new sockets are closed at once instead of piling up.
  server.maxConnections = MAX_CONNECTIONS;
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  host = `127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/?token=${token}`,
    token,
    dataDir,
    close: async () => {
      await batch.dispose();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await rm(uploadsDir, { recursive: true, force: true });
      clearViewerCopiesSync(defaultViewerTempDir(dataDir));
    },
  };
}
