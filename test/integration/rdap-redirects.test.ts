// Where an RDAP server may send us: a real local HTTP server answers with redirects to each kind of target.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRdap } from '../../main/engine/whois/rdap-client';
import { isPrivateAddress } from '../../main/security/private-address';

let server: http.Server;
let host: string;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
    if (to) {
      res.writeHead(302, { location: to });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rdap+json' });
    res.end('{"objectClassName":"domain"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const redirectTo = (target: string) => `http://${host}/domain/a.test?to=${encodeURIComponent(target)}`;

describe('RDAP redirects', () => {
  it('refuses a redirect to plain http', async () => {
    const before = hits.length;
    expect(await fetchRdap(redirectTo(`http://${host}/final`), 2000)).toEqual({
      ok: false,
      reason: 'rdap_redirect_refused',
    });
    expect(hits.slice(before)).toHaveLength(1); // the target was never asked
  });

  it.each([
    'https://127.0.0.1/domain/a.test',
    'https://10.1.2.3/domain/a.test',
    'https://192.168.1.1/',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[fd00::1]/',
  ])('refuses a redirect to the private or loopback address in %s', async (target) => {
    expect(await fetchRdap(redirectTo(target), 2000)).toEqual({ ok: false, reason: 'rdap_redirect_refused' });
  });

  it('refuses a redirect to a name that resolves to loopback', async () => {
    expect(await fetchRdap(redirectTo('https://localhost/domain/a.test'), 2000)).toEqual({
      ok: false,
      reason: 'rdap_redirect_refused',
    });
  });

  it('follows a redirect to a host on the explicit allow-list', async () => {
    const answer = await fetchRdap(redirectTo(`http://${host}/final`), 2000, { redirectAllowList: [host] });
    expect(answer).toEqual({ ok: true, body: '{"objectClassName":"domain"}' });
  });

  it('classifies addresses: private and special ranges blocked, public ones not', () => {
    for (const ip of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.0.1', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1'])
      expect(isPrivateAddress(ip)).toBe(true);
    for (const ip of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '172.32.0.1'])
      expect(isPrivateAddress(ip)).toBe(false);
  });
});
