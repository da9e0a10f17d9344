// A fast fake DNS server for tests and benchmarks. It answers like a recursive resolver would for the names it
// knows (CNAME chains are followed inside one answer), NXDOMAIN for everything else, SERVFAIL or silence for names
// marked so. Answers are encoded once per (name, type); a query only costs a name read, a map lookup and a copy
// with the query's ID and question spliced in, which keeps it well above what the client can send.
// It listens on UDP and on TCP (same port), so truncated answers can be fetched again over TCP.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { createServer, type Server, type Socket as NetSocket } from 'node:net';
import { encode, AUTHORITATIVE_ANSWER, RECURSION_AVAILABLE, TRUNCATED_RESPONSE, type Answer } from 'dns-packet';

export interface NameRecords {
  MX?: { priority: number; exchange: string }[];
  /** one entry per TXT record; an array is one record split into several character-strings */
  TXT?: (string | string[])[];
  A?: string[];
  NS?: string[];
  CNAME?: string;
  /** answer every query for this name and all names below it with SERVFAIL (a broken delegation) */
  servfail?: true;
  /** never answer queries for this name or names below it (a timeout for the client) */
  blackhole?: true;
  /** over UDP, answer queries for this very name with TC set and no records; the full answer only over TCP */
  truncate?: true;
}

export interface DnsZones {
  /** absolute names without trailing dot, matched case-insensitively */
  names: Record<string, NameRecords>;
  /** consulted for names missing from `names`; lets a benchmark serve 10,000 domains without building them up front */
  generate?: (name: string) => NameRecords | undefined;
  /** questions whose answers are encoded at start-up, so a benchmark's first queries are as cheap as the rest */
  prebuild?: () => Iterable<{ name: string; type: RecordType }>;
}

export interface DnsServerHandle {
  host: '127.0.0.1';
  port: number;
  /** `127.0.0.1:port`, the form createDnsClient's servers option takes */
  address: string;
  /** UDP and TCP queries received */
  queryCount(): number;
  tcpQueryCount(): number;
  stop(): Promise<void>;
}

/** the record types the fixtures serve */
export type RecordType = 'A' | 'NS' | 'CNAME' | 'MX' | 'TXT';

const TYPE_CODES: Record<RecordType, number> = { A: 1, NS: 2, CNAME: 5, MX: 15, TXT: 16 };
const TYPE_NAMES = new Map<number, RecordType>(Object.entries(TYPE_CODES).map(([k, v]) => [v, k as RecordType]));
const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;
const MAX_CNAME_HOPS = 8;
const TTL = 300;

interface Question {
  name: string;
  type: number;
  /** byte offset just past the question (QNAME + QTYPE + QCLASS) */
  end: number;
}

/** Reads the first question straight from the wire; queries never use name compression. */
function readQuestion(msg: Buffer): Question | null {
  if (msg.length < 12 || msg.readUInt16BE(4) < 1) return null;
  const labels: string[] = [];
  let offset = 12;
  while (offset < msg.length) {
    const len = msg[offset];
    if (len === 0) break;
    if (len > 63) return null;
    labels.push(msg.toString('latin1', offset + 1, offset + 1 + len).toLowerCase());
    offset += len + 1;
  }
  if (offset + 5 > msg.length) return null;
  return { name: labels.join('.'), type: msg.readUInt16BE(offset + 1), end: offset + 5 };
}

function toAnswers(name: string, type: RecordType, rec: NameRecords): Answer[] {
  switch (type) {
    case 'MX':
      return (rec.MX ?? []).map((mx) => ({
        type,
        name,
        ttl: TTL,
        data: { preference: mx.priority, exchange: mx.exchange },
      }));
    case 'TXT':
      return (rec.TXT ?? []).map((data) => ({ type, name, ttl: TTL, data }));
    case 'A':
    case 'NS':
      return (rec[type] ?? []).map((data) => ({ type, name, ttl: TTL, data }));
    case 'CNAME':
      return rec.CNAME ? [{ type, name, ttl: TTL, data: rec.CNAME }] : [];
  }
}

/**
 * Builds the header + answer section for (name, type); the question is spliced in per query.
 * null means "stay silent".
 */
function buildAnswer(zones: DnsZones, qname: string, qtype: number, overTcp: boolean): Buffer | null {
  const lookup = (n: string) => zones.names[n] ?? zones.generate?.(n);
  if (!overTcp && lookup(qname)?.truncate) {
    return encode({
      type: 'response',
      flags: AUTHORITATIVE_ANSWER | RECURSION_AVAILABLE | TRUNCATED_RESPONSE,
      questions: [],
      answers: [],
    });
  }
  const brokenAt = (n: string) => {
    for (let suffix = n; suffix; suffix = suffix.slice(suffix.indexOf('.') + 1 || suffix.length)) {
      const rec = lookup(suffix);
      if (rec?.servfail || rec?.blackhole) return rec;
    }
    return undefined;
  };
  const typeName = TYPE_NAMES.get(qtype);
  const answers: Answer[] = [];
  let rcode = 0;
  let name = qname;
  for (let hop = 0; ; hop++) {
    const broken = brokenAt(name);
    if (broken?.blackhole) return null;
    if (broken?.servfail || hop > MAX_CNAME_HOPS) {
      rcode = RCODE_SERVFAIL;
      answers.length = 0;
      break;
    }
    const rec = lookup(name);
    if (!rec) {
      rcode = RCODE_NXDOMAIN;
      break;
    }
    if (rec.CNAME && typeName !== 'CNAME') {
      answers.push({ type: 'CNAME', name, ttl: TTL, data: rec.CNAME });
      name = rec.CNAME.toLowerCase();
      continue;
    }
    if (typeName) answers.push(...toAnswers(name, typeName, rec));
    break;
  }
  return encode({
    type: 'response',
    flags: AUTHORITATIVE_ANSWER | RECURSION_AVAILABLE | rcode,
    questions: [],
    answers,
  });
}

export interface Answerer {
  /** the response datagram for a query, or null to stay silent */
  answer(query: Buffer, overTcp: boolean): Buffer | null;
  /** encodes the answer to (name, type) now instead of on its first query */
  prebuild(name: string, type: RecordType): void;
}

export function createAnswerer(zones: DnsZones): Answerer {
  // keyed by transport, type and name; null entries are blackholed names
  const encoded = new Map<string, Buffer | null>();
  const bodyFor = (name: string, type: number, overTcp: boolean) => {
    const key = `${overTcp ? 'tcp' : 'udp'} ${type} ${name}`;
    let body = encoded.get(key);
    if (body === undefined) {
      body = buildAnswer(zones, name, type, overTcp);
      encoded.set(key, body);
    }
    return body;
  };
  return {
    answer(query, overTcp) {
      const q = readQuestion(query);
      if (!q) return null;
      const body = bodyFor(q.name, q.type, overTcp);
      if (body === null) return null;
      const qlen = q.end - 12;
      const out = Buffer.allocUnsafe(body.length + qlen);
      body.copy(out, 0, 0, 12);
      query.copy(out, 12, 12, q.end);
      body.copy(out, 12 + qlen, 12);
      out.writeUInt16BE(query.readUInt16BE(0), 0);
      // echo RD like a resolver does; QDCOUNT is 1 because we echo exactly one question
      out[2] |= query[2] & 0x01;
      out.writeUInt16BE(1, 4);
      return out;
    },
    prebuild(name, type) {
      bodyFor(name.toLowerCase(), TYPE_CODES[type], false);
    },
  };
}

/** DNS over TCP: every message carries a 2-byte length prefix (RFC 1035 §4.2.2); several may share a connection. */
function serveTcp(answerer: Answerer, onQuery: () => void): Server {
  return createServer((conn) => {
    let buffered = Buffer.alloc(0);
    conn.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        const query = buffered.subarray(2, 2 + buffered.readUInt16BE(0));
        buffered = buffered.subarray(2 + query.length);
        onQuery();
        const out = answerer.answer(query, true);
        if (!out) continue;
        const prefix = Buffer.allocUnsafe(2);
        prefix.writeUInt16BE(out.length, 0);
        conn.write(Buffer.concat([prefix, out]));
      }
    });
    conn.on('error', () => conn.destroy());
  });
}

/** UDP and TCP on one port; with port 0 the OS picks the TCP port and UDP tries to take the same number. */
async function bindBoth(
  port: number,
  udp: () => Socket,
  tcp: () => Server,
): Promise<{ socket: Socket; server: Server }> {
  for (let attempt = 0; ; attempt++) {
    const server = tcp();
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    const bound = (server.address() as { port: number }).port;
    const socket = udp();
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.bind(bound, '127.0.0.1', () => {
          socket.off('error', reject);
          resolve();
        });
      });
      return { socket, server };
    } catch (err) {
      server.close();
      if (port !== 0 || attempt >= 10) throw err;
    }
  }
}

export async function startDnsServer(opts: { zones: DnsZones; port?: number }): Promise<DnsServerHandle> {
  const answerer = createAnswerer(opts.zones);
  for (const { name, type } of opts.zones.prebuild?.() ?? []) answerer.prebuild(name, type);
  let queries = 0;
  let tcpQueries = 0;
  const { socket, server } = await bindBoth(
    opts.port ?? 0,
    () => {
      // a client firing hundreds of queries at once overruns the default ~200 KB socket buffers, and every dropped
      // datagram turns into a client timeout; 4 MB is the usual net.core.rmem_max / wmem_max ceiling
      const udp = createSocket({ type: 'udp4', recvBufferSize: 4 << 20, sendBufferSize: 4 << 20 });
      udp.on('message', (msg: Buffer, peer: RemoteInfo) => {
        queries++;
        const out = answerer.answer(msg, false);
        if (out) udp.send(out, peer.port, peer.address);
      });
      return udp;
    },
    () =>
      serveTcp(answerer, () => {
        queries++;
        tcpQueries++;
      }),
  );
  const connections = new Set<NetSocket>();
  server.on('connection', (conn: NetSocket) => {
    connections.add(conn);
    conn.on('close', () => connections.delete(conn));
  });
  const port = socket.address().port;
  return {
    host: '127.0.0.1',
    port,
    address: `127.0.0.1:${port}`,
    queryCount: () => queries,
    tcpQueryCount: () => tcpQueries,
    stop: async () => {
      await Promise.all([
        new Promise<void>((resolve) => socket.close(() => resolve())),
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          // open client connections would keep close() waiting
          for (const conn of connections) conn.destroy();
        }),
      ]);
    },
  };
}
