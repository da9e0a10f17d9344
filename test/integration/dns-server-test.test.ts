// The settings' "test server" action and the scanner set-up error, against real local servers.
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error';
import { loadConfig } from '../../main/config/load';
import { testDnsServer } from '../../main/services/dns-server-test';
import { createScanners } from '../../main/services/scanners';
import { createSettingsService } from '../../main/services/settings';
import { fixtureZones } from '../fixtures/dns-zones';
import { startDnsServer, type DnsServerHandle } from '../support/dns-server';
import { openTempStore, type TempStore } from '../support/temp-store';
import path from 'node:path';

const RESOURCES = path.resolve(import.meta.dirname, '../../resources');

let dns: DnsServerHandle;
let silent: Socket;
let silentAddress: string;
let t: TempStore;

beforeAll(async () => {
  dns = await startDnsServer({ zones: fixtureZones });
  silent = createSocket('udp4');
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()));
  silentAddress = `127.0.0.1:${silent.address().port}`;
  t = openTempStore();
});
afterAll(async () => {
  await dns.stop();
  silent.close();
  t.cleanup();
});

describe('DNS server test', () => {
  it('reports a server that answers, with its round-trip time', async () => {
    const result = await testDnsServer(dns.address, 1000);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.rtt_ms).toBeLessThan(1000);
  });

  it('reports a server that never answers as no_answer after the timeout', async () => {
    const started = performance.now();
    expect(await testDnsServer(silentAddress, 200)).toEqual({ ok: false, problem: 'no_answer', code: 'ETIMEOUT' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('says why a value cannot be a server, without sending anything', async () => {
    expect(await testDnsServer('dns.google', 200)).toEqual({ ok: false, problem: 'not_ip_address', code: null });
    expect(await testDnsServer('1.1.1.1:0', 200)).toEqual({ ok: false, problem: 'port_out_of_range', code: null });
  });
});

describe('scanner set-up', () => {
  it('refuses an unusable DNS server as a configuration error before any domain is scanned', () => {
    const settings = createSettingsService(t.store, RESOURCES);
    const scanners = createScanners({
      config: loadConfig(RESOURCES),
      settings: () => settings.get(),
      whoisCache: t.store.cache,
      whoisAllowed: () => false,
      workers: 0,
    });
    let thrown: unknown;
    try {
      scanners.get({ dns_servers: ['dns.example.test'] });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'config_error', details: { field: 'dns_servers' } });
    expect(t.store.leads.listLeads({}).total).toBe(0);
  });
});
