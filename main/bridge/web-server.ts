import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Handlers } from '../ipc/dispatch';
import { dispatch } from '../ipc/dispatch';
import type { EventBus } from '../core/event-bus';
import { rendererCsp, resolveRendererFile } from '../security/renderer-files';

export interface WebBridgeOptions {
  handlers: Handlers;
  bus: EventBus;
  /** the built renderer (dist/renderer) */
  staticDir: string;
  port?: number;
  token?: string;
  onInternalError?: (err: unknown) => void;
  /** tests shorten these to see them act */
  limits?: Partial<BridgeLimits>;
}

export interface WebBridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 80 * 1024 * 1024;
// One user's browser tabs need a handful of connections; a local process opening hundreds is not a user. A client
// that sends its headers or body slowly holds a connection, so both have a deadline (an 80 MB import on loopback
// takes well under the request limit).
export interface BridgeLimits {
  maxConnections: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}
const DEFAULT_LIMITS: BridgeLimits = { maxConnections: 64, headersTimeoutMs: 10_000, requestTimeoutMs: 120_000 };
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** how often the deadlines above are checked */
const DEADLINE_CHECK_MS = 1_000;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'application/json',
  extra: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

const failure = (code: string, message: string) => JSON.stringify({ ok: false, error: { code, message } });

class BodyTooLarge extends Error {}

/** The body, refused as soon as it is declared or has grown larger than MAX_BODY_BYTES (nothing more is kept). */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      chunks.length = 0;
      req.removeAllListeners('data');
      req.pause();
      reject(new BodyTooLarge());
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The request's path and channel, or null for a target that is not a well-formed path (bad %-escapes included). */
function parseTarget(rawUrl: string | undefined, origin: string): { url: URL; channel: string | null } | null {
  try {
    if (!rawUrl?.startsWith('/')) return null;
    const url = new URL(rawUrl, origin);
    const path = decodeURIComponent(url.pathname);
    return { url, channel: path.startsWith('/rpc/') ? path.slice(5) : null };
  } catch {
    return null;
  }
}

/**
 * The loopback bridge: serves the built renderer and the same IPC contract over HTTP (calls) and a WebSocket
 * (push events), bound to 127.0.0.1 only and guarded by a per-run token. Host and Origin are checked so another
 * web page in the user's browser cannot reach it through DNS rebinding or cross-site requests.
 */
export async function startWebBridge(opts: WebBridgeOptions): Promise<WebBridge> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const root = path.resolve(opts.staticDir);
  let origin = '';
  const allowedHosts = new Set<string>();

  const trustedRequest = (req: http.IncomingMessage): boolean => {
    if (!allowedHosts.has(req.headers.host ?? '')) return false;
    const reqOrigin = req.headers.origin;
    return reqOrigin === undefined || reqOrigin === origin || reqOrigin === origin.replace(HOST, 'localhost');
  };

  const serveStatic = (urlPath: string, res: http.ServerResponse) => {
    const file = resolveRendererFile(root, urlPath);
    if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    const ext = path.extname(file);
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
    };
    if (ext === '.html') {
      headers['Content-Security-Policy'] = rendererCsp([`ws://${HOST}:${port}`, `ws://localhost:${port}`]);
      headers['Referrer-Policy'] = 'no-referrer';
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  };

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: DEADLINE_CHECK_MS,
    },
    async (req, res) => {
      try {
        if (!trustedRequest(req)) return send(res, 403, JSON.stringify({ error: 'forbidden' }));
        const target = parseTarget(req.url, origin);
        if (!target) return send(res, 400, failure('validation', 'Malformed request URL'));
        const { url, channel } = target;
        if (channel !== null) {
          if (req.method !== 'POST') return send(res, 405, JSON.stringify({ error: 'POST only' }));
          const auth = req.headers.authorization ?? '';
          if (!sameToken(auth.startsWith('Bearer ') ? auth.slice(7) : null, token)) {
            return send(
              res,
              401,
              JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'Missing or wrong token' } }),
            );
          }
          let input: unknown;
          try {
            const body = await readBody(req);
            input = body ? JSON.parse(body) : {};
          } catch (err) {
            if (err instanceof BodyTooLarge) {
              // the rest of the body is not read: the connection closes once the answer is out
              res.on('finish', () => req.socket.destroy());
              return send(res, 413, failure('validation', 'The request body is too large'), undefined, {
                Connection: 'close',
              });
            }
            return send(res, 400, failure('validation', 'Body is not valid JSON'));
          }
          const result = await dispatch(opts.handlers, channel, input, opts.onInternalError);
          return send(res, 200, JSON.stringify(result));
        }
        if (req.method !== 'GET' && req.method !== 'HEAD')
          return send(res, 405, JSON.stringify({ error: 'method not allowed' }));
        return serveStatic(url.pathname, res);
      } catch (err) {
        opts.onInternalError?.(err);
        if (!res.headersSent) send(res, 500, failure('internal', 'Internal error'));
      }
    },
  );
  server.maxConnections = limits.maxConnections;

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = parseTarget(req.url, origin)?.url;
    if (
      !url ||
      url.pathname !== '/events' ||
      !trustedRequest(req) ||
      !sameToken(url.searchParams.get('token'), token)
    ) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const unsubscribe = opts.bus.subscribe((event, payload) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
      });
      ws.on('close', unsubscribe);
      ws.on('error', unsubscribe);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${HOST}:${port}`;
  allowedHosts.add(`${HOST}:${port}`).add(`localhost:${port}`);

  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
