// The committed test certificates (made by make-certs.sh) and a guard that the CA reaches Node: Node reads
// NODE_EXTRA_CA_CERTS once at process start, so vitest.config.ts sets it before any test process is forked.
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const TEST_CA_FILE = path.join(import.meta.dirname, 'ca.pem');

export function assertTestCaTrusted(): void {
  const configured = process.env.NODE_EXTRA_CA_CERTS;
  if (!configured || path.resolve(configured) !== TEST_CA_FILE) {
    throw new Error(
      `NODE_EXTRA_CA_CERTS must point at ${TEST_CA_FILE} when this process starts (vitest.config.ts sets it; ` +
        `scripts run outside vitest must set it themselves)`,
    );
  }
}

export interface HttpsTestServer {
  /** https://127.0.0.1:PORT, no trailing slash */
  url: string;
  stop(): Promise<void>;
}

/** An https server on 127.0.0.1 with the test certificate, on a free port. */
/** A fake's handler: a rejection is answered 500 with its message, so a bug in the fake fails the request, not the run. */
export async function startHttpsServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<unknown>,
): Promise<HttpsTestServer> {
  assertTestCaTrusted();
  const server = https.createServer(
    {
      key: fs.readFileSync(path.join(import.meta.dirname, 'server-key.pem')),
      cert: fs.readFileSync(path.join(import.meta.dirname, 'server.pem')),
      // answers go out at once: with Nagle's algorithm a JSON page written in pieces waits for the client's
      // delayed ACK, tens of milliseconds per request on loopback
      noDelay: true,
    },
    (req, res) => {
      Promise.resolve(handler(req, res)).catch((err: Error) => {
        if (!res.headersSent) res.writeHead(500).end(err.message);
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
