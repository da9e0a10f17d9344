// Where queries go: the configured servers, or the system's when none are configured.
import { getServers } from 'node:dns';
import { parseDnsServer, type DnsServerAddress } from '../../../shared/dns-servers';

export type DnsServer = DnsServerAddress;

/** 'ip', 'ipv4:port', 'ipv6' or '[ipv6]:port': the forms settings accept and node:dns getServers() returns. */
export function parseServer(spec: string): DnsServer {
  const parsed = parseDnsServer(spec);
  if (parsed.ok) return parsed.server;
  if (parsed.problem === 'port_out_of_range')
    throw new RangeError(`DNS server port out of range: ${JSON.stringify(spec)}`);
  throw new TypeError(`DNS server must be an IP address, got ${JSON.stringify(spec)}`);
}

/** The configured servers; none configured means the system's resolvers, as node:dns reads them from the OS. */
export function resolveServers(specs: readonly string[] | undefined): DnsServer[] {
  const chosen = specs?.length ? specs : getServers();
  if (chosen.length === 0) throw new Error('No DNS servers configured and the system reports none');
  return chosen.map(parseServer);
}
