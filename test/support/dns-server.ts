// A fast fake DNS server for tests and benchmarks. It answers like a recursive resolver would for the names it
// knows (CNAME chains are followed inside one answer), NXDOMAIN for everything else, SERVFAIL or silence for names
// marked so. Answers are encoded once per (name, type); a query only costs a name read, a map lookup and a copy
// with the query's ID and question spliced in, which keeps it well above what Node's resolver can send.
import { createSocket, type RemoteInfo } from 'node:dgram';
import { encode, AUTHORITATIVE_ANSWER, RECURSION_AVAILABLE, type Answer, type RecordType } from 'dns-packet';

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
}

export interface DnsZones {
  /** absolute names without trailing dot, matched case-insensitively */
  names: Record<string, NameRecords>;
  /** consulted for names missing from `names`; lets a benchmark serve 10,000 domains without building them up front */
  generate?: (name: string) => NameRecords | undefined;
}

export interface DnsServerHandle {
  host: '127.0.0.1';
  port: number;
  /** `127.0.0.1:port`, the form createDnsClient's servers option takes */
  address: string;
  queryCount(): number;
  stop(): Promise<void>;
}

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
      return (rec.MX ?? []).map((mx) => ({ type, name, ttl: TTL, data: { preference: mx.priority, exchange: mx.exchange } }));
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
function buildAnswer(zones: DnsZones, qname: string, qtype: number): Buffer | null {
  const lookup = (n: string) => zones.names[n] ?? zones.generate?.(n);
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

export function createAnswerer(zones: DnsZones): (query: Buffer) => Buffer | null {
  // keyed by type then name; null entries are blackholed names
  const encoded = new Map<string, Buffer | null>();
  return (query) => {
    const q = readQuestion(query);
    if (!q) return null;
    const key = `${q.type} ${q.name}`;
    let body = encoded.get(key);
    if (body === undefined) {
      body = buildAnswer(zones, q.name, q.type);
      encoded.set(key, body);
    }
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
  };
}

export async function startDnsServer(opts: { zones: DnsZones; port?: number }): Promise<DnsServerHandle> {
  const answer = createAnswerer(opts.zones);
  // a client firing hundreds of queries at once overruns the default ~200 KB socket buffers, and every dropped
  // datagram turns into a client timeout; 4 MB is the usual net.core.rmem_max / wmem_max ceiling
  const socket = createSocket({ type: 'udp4', recvBufferSize: 4 << 20, sendBufferSize: 4 << 20 });
  let queries = 0;
  socket.on('message', (msg: Buffer, peer: RemoteInfo) => {
    queries++;
    const out = answer(msg);
    if (out) socket.send(out, peer.port, peer.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(opts.port ?? 0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  const port = socket.address().port;
  return {
    host: '127.0.0.1',
    port,
    address: `127.0.0.1:${port}`,
    queryCount: () => queries,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
