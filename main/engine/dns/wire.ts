// DNS messages on the wire: building a query and turning a response into a DnsAnswer. dns-packet does the
// byte-level work; this module decides what a response means for the question we asked.
import { decode, RECURSION_DESIRED, type Answer, type DecodedPacket, type StringAnswer } from 'dns-packet';
import type { DnsAnswer, DnsRecordType, MxRecord } from './types';

/** Advertised EDNS(0) UDP size: the DNS Flag Day 2020 value, large enough that TXT-heavy apexes rarely need TCP. */
const EDNS_UDP_SIZE = 1232;

const RCODE_NOERROR = 0;
const RCODE_NXDOMAIN = 3;
/** Other RCODEs are "the server could not say": the codes c-ares used, so stored error codes keep their meaning. */
const RCODE_ERRORS: Record<number, string> = { 1: 'EFORMERR', 2: 'ESERVFAIL', 4: 'ENOTIMP', 5: 'EREFUSED' };

const TC_BIT = 0x0200;

export class BadNameError extends Error {
  readonly code = 'EBADNAME';
}

const TYPE_CODES: Record<DnsRecordType, number> = { A: 1, NS: 2, CNAME: 5, MX: 15, TXT: 16 };
const HEADER_BYTES = 12;
/** QTYPE + QCLASS after the name, then the OPT record: root name, TYPE 41, CLASS = UDP size, TTL 0, RDLENGTH 0 */
const TAIL_BYTES = 4 + 11;
const DOT = 0x2e;

const badName = (name: string) => new BadNameError(`not a valid DNS name: ${JSON.stringify(name)}`);

/**
 * A query with RD set and an EDNS(0) OPT record. Written by hand rather than with dns-packet's generic encoder: it is
 * on every query's path, and writing the name once then turning its dots into label lengths allocates nothing but
 * the datagram. Enforces the RFC 1035 §2.3.4 limits (253 characters, labels of 1-63 bytes).
 */
export function encodeQuery(id: number, name: string, type: DnsRecordType): Buffer {
  const nameBytes = Buffer.byteLength(name);
  if (nameBytes === 0 || nameBytes > 253) throw badName(name);
  const buf = Buffer.allocUnsafe(HEADER_BYTES + nameBytes + 2 + TAIL_BYTES);
  buf.writeUInt16BE(id, 0);
  buf.writeUInt16BE(RECURSION_DESIRED, 2);
  buf.writeUInt32BE(0x0001_0000, 4); // QDCOUNT 1, ANCOUNT 0
  buf.writeUInt32BE(0x0000_0001, 8); // NSCOUNT 0, ARCOUNT 1
  buf.write(name, HEADER_BYTES + 1);
  let lengthAt = HEADER_BYTES;
  const end = HEADER_BYTES + 1 + nameBytes;
  for (let i = HEADER_BYTES + 1; i <= end; i++) {
    if (i < end && buf[i] !== DOT) continue;
    const length = i - lengthAt - 1;
    if (length === 0 || length > 63) throw badName(name);
    buf[lengthAt] = length;
    lengthAt = i;
  }
  buf[end] = 0;
  buf.writeUInt16BE(TYPE_CODES[type], end + 1);
  buf.writeUInt16BE(1, end + 3); // class IN
  buf[end + 5] = 0; // OPT owner: the root
  buf.writeUInt16BE(41, end + 6);
  buf.writeUInt16BE(EDNS_UDP_SIZE, end + 8);
  buf.writeUInt32BE(0, end + 10); // extended RCODE, version, flags (DO clear)
  buf.writeUInt16BE(0, end + 14);
  return buf;
}

export interface DecodedResponse {
  packet: DecodedPacket;
  truncated: boolean;
}

/**
 * Decodes a response to (name, type) with the given ID. null means "not ours or not readable": the caller ignores
 * it and keeps waiting, so a forged, stray or corrupt datagram can cost a try at most, never a wrong answer.
 */
export function decodeResponse(msg: Buffer, id: number, name: string, type: DnsRecordType): DecodedResponse | null {
  let packet: DecodedPacket;
  try {
    packet = decode(msg);
  } catch {
    return null;
  }
  const question = packet.questions?.[0];
  const flags = packet.flags ?? 0;
  if (packet.id !== id || packet.type !== 'response' || packet.questions?.length !== 1 || !question) return null;
  // the question is echoed whole (RFC 1035 §4.1.2): an answer for another class is not an answer to our query
  if (question.type !== type || question.name.toLowerCase() !== name || question.class !== 'IN') return null;
  return { packet, truncated: (flags & TC_BIT) !== 0 };
}

/** The CNAME chain that starts at `name`, in order; loops end the walk. */
function cnameChain(answers: readonly Answer[], name: string): string[] {
  const chain: string[] = [];
  const seen = new Set([name]);
  for (let current = name; ;) {
    const hop = answers.find((a): a is StringAnswer => a.type === 'CNAME' && a.name.toLowerCase() === current);
    if (!hop) return chain;
    const target = hop.data.toLowerCase();
    if (seen.has(target)) return chain;
    seen.add(target);
    chain.push(target);
    current = target;
  }
}

function recordOf(answer: Answer): MxRecord | string {
  switch (answer.type) {
    case 'MX':
      // a null MX (RFC 7505) is the root name, which dns-packet spells "."
      return {
        exchange: answer.data.exchange === '.' ? '' : answer.data.exchange,
        priority: answer.data.preference ?? 0,
      };
    case 'TXT': {
      // one record may be split into several character-strings; RFC 7208 §3.3 reads them joined
      const chunks = Array.isArray(answer.data) ? answer.data : [answer.data];
      return chunks.map((chunk) => chunk.toString()).join('');
    }
    case 'A':
    case 'NS':
    case 'CNAME':
      return answer.data;
    default:
      throw new Error(`unexpected ${answer.type} record`);
  }
}

/**
 * Maps a decoded response to one of the four outcomes. `name` is lower-case. A CNAME chain the server followed is
 * reported as `cnames`; NXDOMAIN at the end of a chain reads as nodata, because the RCODE describes the last name of
 * the chain (RFC 6604 §3) while the name we asked about exists.
 */
export function toAnswer(packet: DecodedPacket, name: string, type: DnsRecordType): DnsAnswer {
  const rcode = (packet.flags ?? 0) & 0x0f;
  if (rcode !== RCODE_NOERROR && rcode !== RCODE_NXDOMAIN)
    return { status: 'unknown', code: RCODE_ERRORS[rcode] ?? `ERCODE${rcode}` };
  // records of another class (CHAOS, HESIOD) say nothing about the Internet name, whatever their owner and type
  const answers = (packet.answers ?? []).filter((a) => ((a as { class?: string }).class ?? 'IN') === 'IN');
  const cnames = type === 'CNAME' ? [] : cnameChain(answers, name);
  if (rcode === RCODE_NXDOMAIN && cnames.length === 0) return { status: 'nxdomain' };
  const owners = new Set([name, ...cnames]);
  const records = answers.filter((a) => a.type === type && owners.has(a.name.toLowerCase())).map(recordOf);
  const chain = cnames.length > 0 ? { cnames } : {};
  if (records.length === 0) return { status: 'nodata', ...chain };
  return { status: 'ok', records: records as MxRecord[] | string[], ...chain };
}
