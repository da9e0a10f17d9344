import { parseDnsServer, type DnsServerTest } from '../../shared/dns-servers';
import { createDnsTransport } from '../engine/dns/transport';

/** a name every recursive resolver can answer (any answer, NXDOMAIN included, shows the server works) */
const PROBE_NAME = 'microsoft.com';

/** One query to one server, parsed as the scanner would parse it: does it answer, and how fast. */
export async function testDnsServer(spec: string, timeoutMs: number): Promise<DnsServerTest> {
  const parsed = parseDnsServer(spec);
  if (!parsed.ok) return { ok: false, problem: parsed.problem, code: null };
  const transport = createDnsTransport();
  const started = performance.now();
  try {
    const answer = await transport.ask(parsed.server, PROBE_NAME, 'NS', timeoutMs);
    if (answer.status !== 'unknown') return { ok: true, rtt_ms: Math.round(performance.now() - started) };
    if (answer.code === 'ETIMEOUT') return { ok: false, problem: 'no_answer', code: answer.code };
    if (answer.code === 'EREFUSED') return { ok: false, problem: 'refused', code: answer.code };
    return { ok: false, problem: 'failed', code: answer.code };
  } finally {
    transport.close();
  }
}
