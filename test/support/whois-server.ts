/**
 * Loopback RDAP (HTTP) and port-43 WHOIS servers for tests. Both bind 127.0.0.1 on an ephemeral port,
 * so suites can run in parallel, and record every query so tests can assert cache hits.
 */
import { createServer as createHttpServer, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** Never answers: the client must time out. */
export const SILENT = Symbol('silent');
/** Answers 200 with a body that is not JSON. */
export const GARBAGE = Symbol('garbage');
/** Answers with this HTTP status and an empty body. */
export class HttpStatus {
  constructor(readonly code: number) {}
}

export type RdapFixture = object | typeof SILENT | typeof GARBAGE | HttpStatus;
export type WhoisFixture = string | Buffer | typeof SILENT;

export interface RdapServer {
  port: number;
  /** base URL to put in rdapServers: `${url}${domain}` is the domain route */
  url: string;
  /** domain names requested so far, in order */
  requests: string[];
  stop(): Promise<void>;
}

export interface WhoisServer {
  port: number;
  /** "127.0.0.1:<port>", the form whoisServers accepts */
  address: string;
  /** query lines received so far, in order */
  requests: string[];
  stop(): Promise<void>;
}

function sendRdap(res: ServerResponse, fixture: RdapFixture | undefined): void {
  if (fixture === SILENT) return;
  if (fixture === undefined) {
    res.writeHead(404, { 'content-type': 'application/rdap+json' });
    res.end(JSON.stringify({ errorCode: 404, title: 'Not Found' }));
  } else if (fixture === GARBAGE) {
    res.writeHead(200, { 'content-type': 'application/rdap+json' });
    res.end('<html>{"objectClassName": "domain", oops');
  } else if (fixture instanceof HttpStatus) {
    res.writeHead(fixture.code);
    res.end();
  } else {
    res.writeHead(200, { 'content-type': 'application/rdap+json' });
    res.end(JSON.stringify(fixture));
  }
}

export async function startRdapServer(fixtures: Record<string, RdapFixture>): Promise<RdapServer> {
  const requests: string[] = [];
  const server = createHttpServer((req, res) => {
    const match = (req.url ?? '').match(/^\/domain\/([^/?#]+)$/);
    if (!match) {
      res.writeHead(400);
      res.end();
      return;
    }
    const name = decodeURIComponent(match[1]).toLowerCase();
    requests.push(name);
    sendRdap(res, Object.hasOwn(fixtures, name) ? fixtures[name] : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}/domain/`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        // SILENT requests are still open: drop them so close() can finish
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function startWhoisServer(fixtures: Record<string, WhoisFixture>): Promise<WhoisServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // clients that cut a huge answer short make our pending writes fail; that is expected
    socket.on('error', () => socket.destroy());
    let buffered = '';
    let answered = false;
    socket.on('data', (chunk) => {
      if (answered) return;
      buffered += chunk.toString('latin1');
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      answered = true;
      const query = buffered.slice(0, newline).trim().toLowerCase();
      requests.push(query);
      const fixture = Object.hasOwn(fixtures, query) ? fixtures[query] : `No match for "${query.toUpperCase()}".\r\n`;
      if (fixture === SILENT) return;
      socket.end(fixture);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    address: `127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
