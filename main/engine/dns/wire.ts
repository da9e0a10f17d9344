// DNS messages on the wire: building a query and turning a response into a DnsAnswer. dns-packet does the
// byte-level work; this module decides what a response means for the question we asked.
import { decode, encode, RECURSION_DESIRED, type Answer, type DecodedPacket, type StringAnswer } from 'dns-packet';
import type { DnsAnswer, DnsRecordType, MxRecord } from './client';

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

/** RFC 1035 §2.3.4 limits; dns-packet would otherwise encode an over-long label into a corrupt packet. */
function checkName(name: string): void {
  if (name.length > 253 || name.split('.').some((label) => label.length === 0 || label.length > 63)) {
    throw new BadNameError(`not a valid DNS name: ${JSON.stringify(name)}`);
  }
}

export function encodeQuery(id: number, name: string, type: DnsRecordType): Buffer {
  checkName(name);
  return encode({
    type: 'query',
    id,
    flags: RECURSION_DESIRED,
    questions: [{ type, name, class: 'IN' }],
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_SIZE, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }],
  });
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
  if (question.type !== type || question.name.toLowerCase() !== name) return null;
  return { packet, truncated: (flags & TC_BIT) !== 0 };
}

/** The CNAME chain that starts at `name`, in order; loops end the walk. */
function cnameChain(answers: readonly Answer[], name: string): string[] {
  const chain: string[] = [];
  const seen = new Set([name]);
  for (let current = name; ; ) {
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
      return { exchange: answer.data.exchange === '.' ? '' : answer.data.exchange, priority: answer.data.preference ?? 0 };
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
  if (rcode !== RCODE_NOERROR && rcode !== RCODE_NXDOMAIN) return { status: 'unknown', code: RCODE_ERRORS[rcode] ?? `ERCODE${rcode}` };
  const answers = packet.answers ?? [];
  const cnames = type === 'CNAME' ? [] : cnameChain(answers, name);
  if (rcode === RCODE_NXDOMAIN && cnames.length === 0) return { status: 'nxdomain' };
  const owners = new Set([name, ...cnames]);
  const records = answers.filter((a) => a.type === type && owners.has(a.name.toLowerCase())).map(recordOf);
  const chain = cnames.length > 0 ? { cnames } : {};
  if (records.length === 0) return { status: 'nodata', ...chain };
  return { status: 'ok', records: records as MxRecord[] | string[], ...chain };
}
