// The UDP transport under createDnsClient: wire-level behaviour the fixture zones alone cannot provoke is driven by
// a scripted server that answers each query with whatever datagrams a test asks for.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { decode, encode, type Answer, type DecodedPacket } from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsClient } from '../../main/engine/dns/client';
import { fixtureZones } from '../fixtures/dns-zones';
import { startDnsServer, type DnsServerHandle } from '../support/dns-server';

type Reply = (query: DecodedPacket, send: (datagram: Buffer, via?: Socket) => void) => void;

interface Scripted {
  address: string;
  stop(): Promise<void>;
}

const bindLocal = (socket: Socket) => new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));

/** A UDP server on 127.0.0.1 that hands every query to `reply`; `via` sends from a second socket (another port). */
async function scriptedServer(reply: Reply): Promise<Scripted> {
  const socket = createSocket('udp4');
  const other = createSocket('udp4');
  await Promise.all([bindLocal(socket), bindLocal(other)]);
  socket.on('message', (msg: Buffer, peer: RemoteInfo) => {
    reply(decode(msg), (datagram, via = socket) => via.send(datagram, peer.port, peer.address));
  });
  return {
    address: `127.0.0.1:${socket.address().port}`,
    stop: async () => {
      socket.close();
      other.close();
    },
  };
}

/** A response to `query`, optionally with another ID, question or RCODE. */
function response(
  query: DecodedPacket,
  opts: { id?: number; name?: string; rcode?: number; answers?: Answer[] } = {},
): Buffer {
  const question = query.questions![0];
  return encode({
    type: 'response',
    id: opts.id ?? query.id,
    flags: opts.rcode ?? 0,
    questions: [{ ...question, name: opts.name ?? question.name }],
    answers: opts.answers ?? [],
  });
}

const aRecord = (name: string, ip: string): Answer => ({ type: 'A', name, ttl: 60, data: ip });

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const value = await work();
  return { value, elapsed: performance.now() - started };
};

let fixtures: DnsServerHandle;
beforeAll(async () => {
  fixtures = await startDnsServer({ zones: fixtureZones });
});
afterAll(() => fixtures.stop());

describe('DNS transport', () => {
  it('asks again over TCP when the UDP answer is truncated', async () => {
    const client = createDnsClient({ servers: [fixtures.address], timeoutMs: 500, tries: 1 });
    const tcpBefore = fixtures.tcpQueryCount();
    const answer = await client.query('big-txt.test', 'TXT');
    expect(answer.status).toBe('ok');
    expect(answer.status === 'ok' && answer.records).toHaveLength(13);
    expect(fixtures.tcpQueryCount() - tcpBefore).toBe(1);
    expect(client.stats()).toMatchObject({ attempts: 1, tcpFallbacks: 1, unknown: 0 });
  });

  it('reports the CNAME chain with the answer, and NXDOMAIN at the end of a chain as nodata', async () => {
    const client = createDnsClient({ servers: [fixtures.address], timeoutMs: 500, tries: 1 });
    expect(await client.query('selector1._domainkey.m365-tenant.test', 'TXT')).toEqual({
      status: 'ok',
      records: ['v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC3fixture'],
      cnames: ['selector1-m365-tenant-test._domainkey.contosoltd.onmicrosoft.com'],
    });
    expect(await client.query('selector1._domainkey.m365-dkim-off.test', 'TXT')).toEqual({
      status: 'nodata',
      cnames: ['selector1-m365-dkim-off-test._domainkey.fabrikam.onmicrosoft.com'],
    });
  });

  it('maps SERVFAIL to ESERVFAIL and REFUSED to EREFUSED, trying the next server in between', async () => {
    const refusing = await scriptedServer((query, send) => send(response(query, { rcode: 5 })));
    try {
      const client = createDnsClient({ servers: [fixtures.address, refusing.address], timeoutMs: 300, tries: 2 });
      expect(await client.query('servfail.test', 'MX')).toEqual({ status: 'unknown', code: 'EREFUSED' });
      expect(client.stats()).toMatchObject({ attempts: 2, unknown: 1 });
      const once = createDnsClient({ servers: [fixtures.address], timeoutMs: 300, tries: 1 });
      expect(await once.query('servfail.test', 'MX')).toEqual({ status: 'unknown', code: 'ESERVFAIL' });
    } finally {
      await refusing.stop();
    }
  });

  it('ignores answers with the wrong ID, name, type or source, and malformed ones', async () => {
    const spoofer: Socket = createSocket('udp4');
    await bindLocal(spoofer);
    const server = await scriptedServer((query, send) => {
      const name = query.questions![0].name;
      send(response(query, { id: (query.id! + 1) & 0xffff, answers: [aRecord(name, '198.51.100.1')] }));
      send(response(query, { name: `evil.${name}`, answers: [aRecord(`evil.${name}`, '198.51.100.2')] }));
      send(encode({ type: 'response', id: query.id, questions: [{ type: 'MX', name }], answers: [] }));
      send(response(query, { answers: [aRecord(name, '198.51.100.3')] }), spoofer);
      send(Buffer.concat([response(query).subarray(0, 14), Buffer.from([0xff, 0xff])]));
      // the genuine answer comes last
      setTimeout(() => send(response(query, { answers: [aRecord(name, '192.0.2.10')] })), 20);
    });
    try {
      const client = createDnsClient({ servers: [server.address], timeoutMs: 500, tries: 1 });
      expect(await client.query('www.spoof.test', 'A')).toEqual({ status: 'ok', records: ['192.0.2.10'] });
    } finally {
      spoofer.close();
      await server.stop();
    }
  });

  it('ignores an answer whose question is of another class, and records of another class in a real answer', async () => {
    const server = await scriptedServer((query, send) => {
      const question = query.questions![0];
      const chaos = { ...question, class: 'CH' as const };
      send(
        encode({
          type: 'response',
          id: query.id,
          questions: [chaos],
          answers: [aRecord(question.name, '198.51.100.9')],
        }),
      );
      setTimeout(
        () =>
          send(
            response(query, {
              answers: [
                { type: 'A', class: 'CH', name: question.name, ttl: 60, data: '198.51.100.8' },
                aRecord(question.name, '192.0.2.20'),
              ],
            }),
          ),
        20,
      );
    });
    try {
      const client = createDnsClient({ servers: [server.address], timeoutMs: 500, tries: 1 });
      expect(await client.query('class.test', 'A')).toEqual({ status: 'ok', records: ['192.0.2.20'] });
    } finally {
      await server.stop();
    }
  });

  it('moves to a fresh random source port every few queries and keeps every answer (RFC 5452)', async () => {
    const ports = new Set<number>();
    const socket = createSocket('udp4');
    await bindLocal(socket);
    socket.on('message', (msg: Buffer, peer: RemoteInfo) => {
      ports.add(peer.port);
      const query = decode(msg);
      socket.send(
        response(query, { answers: [aRecord(query.questions![0].name, '192.0.2.30')] }),
        peer.port,
        peer.address,
      );
    });
    try {
      const client = createDnsClient({ servers: [`127.0.0.1:${socket.address().port}`], timeoutMs: 1000, tries: 1 });
      const names = Array.from({ length: 400 }, (_, i) => `n${i}.ports.test`);
      const answers = await Promise.all(names.map((name) => client.query(name, 'A')));
      expect(answers.every((a) => a.status === 'ok' && a.records[0] === '192.0.2.30')).toBe(true);
      // 400 queries over 4 sockets at 16 queries a port: 25 ports at least, none predictable from the last
      expect(ports.size).toBeGreaterThanOrEqual(25);
    } finally {
      socket.close();
    }
  });

  it('times out a try whose only answers are forged', async () => {
    const server = await scriptedServer((query, send) =>
      send(response(query, { id: (query.id! + 7) & 0xffff, rcode: 3 })),
    );
    try {
      const client = createDnsClient({ servers: [server.address], timeoutMs: 100, tries: 1 });
      expect(await client.query('forged.test', 'A')).toEqual({ status: 'unknown', code: 'ETIMEOUT' });
    } finally {
      await server.stop();
    }
  });

  it('costs exactly timeoutMs × tries for a name that never answers', async () => {
    const client = createDnsClient({ servers: [fixtures.address], timeoutMs: 100, tries: 3 });
    const { value, elapsed } = await timed(() => client.query('blackhole.test', 'TXT'));
    expect(value).toEqual({ status: 'unknown', code: 'ETIMEOUT' });
    expect(elapsed).toBeGreaterThanOrEqual(100 * 3 - 3);
    expect(elapsed).toBeLessThan(100 * 3 + 40);
    expect(client.stats()).toMatchObject({ attempts: 3, timeouts: 3 });
  });

  it('does not send a name that cannot be encoded, and does not retry it', async () => {
    const client = createDnsClient({ servers: [fixtures.address], timeoutMs: 100, tries: 3 });
    expect(await client.query(`${'a'.repeat(64)}.test`, 'TXT')).toEqual({ status: 'unknown', code: 'EBADNAME' });
    expect(client.stats()).toMatchObject({ attempts: 1, unknown: 1 });
  });

  it('rejects servers that are not IP addresses', () => {
    expect(() => createDnsClient({ servers: ['dns.example.test'], timeoutMs: 100, tries: 1 })).toThrow(/IP address/);
    expect(() =>
      createDnsClient({ servers: ['[::1]:5353', '127.0.0.1:53', '::1'], timeoutMs: 100, tries: 1 }),
    ).not.toThrow();
  });
});
