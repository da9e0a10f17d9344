// Where queries go: the configured servers, or the system's when none are configured.
import { getServers } from 'node:dns';
import { isIP } from 'node:net';

export interface DnsServer {
  /** IP literal in the form dgram reports as a datagram's source, so answers can be matched against it */
  address: string;
  port: number;
  family: 4 | 6;
}

const DNS_PORT = 53;

/** IPv6 has many spellings of one address; the URL parser prints the canonical one, which is what dgram reports. */
function canonicalV6(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

function server(address: string, port: number): DnsServer {
  const family = isIP(address);
  if (family === 0) throw new TypeError(`DNS server must be an IP address, got ${JSON.stringify(address)}`);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new RangeError(`DNS server port out of range: ${port}`);
  return family === 6 ? { address: canonicalV6(address), port, family } : { address, port, family: 4 };
}

/** 'ip', 'ipv4:port', 'ipv6' or '[ipv6]:port': the forms settings accept and node:dns getServers() returns. */
export function parseServer(spec: string): DnsServer {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(spec);
  if (bracketed) return server(bracketed[1], bracketed[2] ? Number(bracketed[2]) : DNS_PORT);
  const v4WithPort = /^([^:]+):(\d+)$/.exec(spec);
  if (v4WithPort) return server(v4WithPort[1], Number(v4WithPort[2]));
  return server(spec, DNS_PORT);
}

/** The configured servers; none configured means the system's resolvers, as node:dns reads them from the OS. */
export function resolveServers(specs: readonly string[] | undefined): DnsServer[] {
  const chosen = specs?.length ? specs : getServers();
  if (chosen.length === 0) throw new Error('No DNS servers configured and the system reports none');
  return chosen.map(parseServer);
}
