/**
 * The browser host: the built renderer and the service router over HTTP, on 127.0.0.1 only.
 * Every API call must carry the per-start random token; static files are served from one folder
 * with no listing and no way out of it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Services } from '../services';
import type { HearthErrorData } from '../../shared/errors';

export interface HostOptions {
  services: Services;
  /** Folder of the built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Largest uploaded import file, in bytes. */
  maxUploadBytes?: number;
}

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

const STATUS_BY_CODE: Partial<Record<HearthErrorData['code'], number>> = {
  invalid_argument: 400,
  unauthorized: 401,
  not_found: 404,
  unknown_method: 404,
  workspace_not_open: 409,
  workspace_exists: 409,
  workspace_locked: 423,
  internal: 500,
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, error: HearthErrorData): void {
  send(res, STATUS_BY_CODE[error.code] ?? 422, { ok: false, error });
}

function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit, keep draining (so the client can read the 413) but keep nothing;
      // far past it, cut the connection.
      if (size > limit * 16) req.destroy();
      else if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit || declared > limit) reject(new Error('too_large'));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** A file name safe to create: no folders, no control or reserved characters, never empty. */
export function safeUploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\p{Cc}<>:"|?*]+/gu, '_').replace(/^\.+/, '').slice(0, 200);
  return cleaned.length > 0 ? cleaned : 'upload';
}

async function receiveUpload(req: http.IncomingMessage, dir: string, name: string, limit: number): Promise<string> {
  const folder = await fs.promises.mkdtemp(path.join(dir, 'u-'));
  const target = path.join(folder, safeUploadName(name));
  const out = fs.createWriteStream(target, { flags: 'wx' });
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new Error('too_large');
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return target;
  } catch (error) {
    out.destroy();
    await fs.promises.rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Maps a URL path to a file inside `root`, or null when it would leave it. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  const base = path.resolve(root);
  if (full !== base && !full.startsWith(base + path.sep)) return null;
  return full;
}

/**
 * Starts the host; resolves once it listens.
 *
 * @example
 * const host = await startHost({ services, staticDir: 'out/renderer' });
 * console.log(host.url); // http://127.0.0.1:53211/?token=...
 */
/**
 * The real path of a file inside the exports folder, or null for anything outside it (including
 * via symlinks or ..).
 *
 * @example
 * resolveExport('/home/a/Hearth/Exports', '/home/a/Hearth/Exports/acme-members.csv') // that path
 * resolveExport('/home/a/Hearth/Exports', '/etc/passwd') // null
 */
export function resolveExport(exportsDir: string, requested: string): string | null {
  if (!requested) return null;
  try {
    const root = fs.realpathSync(exportsDir);
    const real = fs.realpathSync(path.resolve(requested));
    return real.startsWith(root + path.sep) ? real : null;
  } catch {
    return null;
  }
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const maxUpload = options.maxUploadBytes ?? 8 * 1024 ** 3;
  const { router, ctx } = options.services;
  // Copies of files the browser could only hand over by content; private to this host run.
  const uploadsDir = path.join(ctx.homeDir, 'uploads');
  const exportsDir = path.join(ctx.workspacesDir, 'Exports');
  await fs.promises.rm(uploadsDir, { recursive: true, force: true });
  await fs.promises.mkdir(uploadsDir, { recursive: true, mode: 0o700 });
  const staticRoot = path.resolve(options.staticDir);
  const streams = new Set<http.ServerResponse>();

  const unsubscribe = ctx.events.subscribe((event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of streams) res.write(line);
  });

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, { code: 'internal', message: String(error) });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');

    if (url.pathname.startsWith('/api/')) {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const given = bearer ?? url.searchParams.get('token');
      if (!tokensMatch(token, given)) {
        sendError(res, { code: 'unauthorized', message: 'Missing or wrong token' });
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (url.pathname === '/api/download' && req.method === 'GET') {
        // Only files Hearth itself exported: a browser page can't save where the user chooses,
        // so exports land in the exports folder and are offered from here.
        const file = resolveExport(exportsDir, url.searchParams.get('path') ?? '');
        const stat = file ? await fs.promises.stat(file).catch(() => null) : null;
        if (!file || !stat?.isFile()) {
          sendError(res, { code: 'not_found', message: 'No such export' });
          return;
        }
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'content-type': file.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/octet-stream',
          'content-length': stat.size,
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(file))}`,
          'cache-control': 'no-store',
        });
        fs.createReadStream(file).pipe(res);
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(405, { ...SECURITY_HEADERS, allow: 'POST' }).end();
        return;
      }
      if (url.pathname === '/api/upload') {
        try {
          const saved = await receiveUpload(req, uploadsDir, url.searchParams.get('name') ?? 'upload', maxUpload);
          send(res, 200, { ok: true, data: { path: saved } });
        } catch (error) {
          const tooLarge = error instanceof Error && error.message === 'too_large';
          send(res, tooLarge ? 413 : 500, {
            ok: false,
            error: { code: tooLarge ? 'invalid_argument' : 'internal', message: tooLarge ? `Upload over ${maxUpload} bytes` : String(error) },
          });
          if (tooLarge) req.destroy();
        }
        return;
      }
      let input: unknown;
      try {
        const text = await readBody(req, maxBody);
        input = text.length === 0 ? {} : (JSON.parse(text) as unknown);
      } catch (error) {
        const tooLarge = error instanceof Error && error.message === 'too_large';
        if (tooLarge) {
          send(res, 413, { ok: false, error: { code: 'invalid_argument', message: `Request body over ${maxBody} bytes` } });
        } else {
          sendError(res, { code: 'invalid_argument', message: 'The request body is not valid JSON' });
        }
        return;
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const envelope = await router.call(method, input);
      if (envelope.ok) send(res, 200, envelope);
      else sendError(res, envelope.error);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveStatic(staticRoot, url.pathname);
    const stat = file ? await fs.promises.stat(file).catch(() => null) : null;
    if (!file || !stat || !stat.isFile()) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': path.basename(file) === 'index.html' ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const res of streams) res.end();
        streams.clear();
        server.closeAllConnections();
        server.close(() => {
          fs.rmSync(uploadsDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
