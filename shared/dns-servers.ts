// How a DNS server setting is read: the one parser behind both the settings schema (what can be saved) and the
// scanner (what it sends queries to), so a value the settings accept is always one the scanner can use.
// Runs in the renderer too: no node: modules, the URL parser checks IPv6 literals.

export interface DnsServerAddress {
  /** the IP literal; IPv6 in the canonical form datagrams report as their source */
  address: string;
  port: number;
  family: 4 | 6;
}

export type DnsServerProblem = 'not_ip_address' | 'port_out_of_range';
export type ParsedDnsServer = { ok: true; server: DnsServerAddress } | { ok: false; problem: DnsServerProblem };

/** The answer of the settings' "test server" action. */
export type DnsServerTest =
  | { ok: true; rtt_ms: number }
  | { ok: false; problem: DnsServerProblem | 'no_answer' | 'refused' | 'failed'; code: string | null };

export const DNS_PORT = 53;
/** longest accepted spelling: a full IPv6 address in brackets with a port */
export const MAX_DNS_SERVER_CHARS = 60;

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

function canonicalV6(address: string): string | null {
  if (!/^[0-9a-f:.]+$/i.test(address) || !address.includes(':')) return null;
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}

function server(address: string, portText: string | undefined): ParsedDnsServer {
  const port = portText === undefined ? DNS_PORT : Number(portText);
  let family: 4 | 6 = 4;
  let canonical: string | null = IPV4.test(address) ? address : null;
  if (canonical === null) {
    canonical = canonicalV6(address);
    family = 6;
  }
  if (canonical === null) return { ok: false, problem: 'not_ip_address' };
  if (!/^\d{1,5}$/.test(portText ?? '53') || port < 1 || port > 65_535)
    return { ok: false, problem: 'port_out_of_range' };
  return { ok: true, server: { address: canonical, port, family } };
}

/** 'ip', 'ipv4:port', 'ipv6' or '[ipv6]:port': the forms settings accept and node:dns getServers() returns. */
export function parseDnsServer(raw: string): ParsedDnsServer {
  const spec = raw.trim();
  if (spec.length === 0 || spec.length > MAX_DNS_SERVER_CHARS) return { ok: false, problem: 'not_ip_address' };
  const bracketed = /^\[([^\]]+)\](?::([^:]*))?$/.exec(spec);
  if (bracketed) return server(bracketed[1], bracketed[2]);
  const v4WithPort = /^([^:]+):([^:]*)$/.exec(spec);
  if (v4WithPort) return server(v4WithPort[1], v4WithPort[2]);
  return server(spec, undefined);
}
