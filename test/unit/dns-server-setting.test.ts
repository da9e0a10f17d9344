import { describe, expect, it } from 'vitest';
import { parseServer } from '../../main/engine/dns/servers';
import { SettingsPatchSchema } from '../../shared/settings';

const settingAccepts = (server: string) => SettingsPatchSchema.safeParse({ dns_servers: [server] }).success;
const scannerAccepts = (server: string) => {
  try {
    parseServer(server);
    return true;
  } catch {
    return false;
  }
};

describe('DNS server setting', () => {
  it.each([
    ['1.1.1.1', true],
    ['8.8.8.8:53', true],
    ['127.0.0.1:5353', true],
    ['127.0.0.1:65535', true],
    ['::1', true],
    ['2001:db8::53', true],
    ['[2001:db8::53]:5353', true],
    ['  9.9.9.9  ', true],
    ['dns.google', false],
    ['localhost:53', false],
    ['1.1.1.1:0', false],
    ['1.1.1.1:65536', false],
    ['1.1.1.1:99999', false],
    ['1.1.1.1:', false],
    ['[::1]:', false],
    ['256.1.1.1', false],
    ['01.1.1.1', false],
    ['1.1.1', false],
    ['[::1', false],
    ['fe80::1%eth0', false],
    ['', false],
    ['1'.repeat(100), false],
  ])('%j: the settings and the scanner agree (%s)', (server, usable) => {
    expect(settingAccepts(server)).toBe(usable);
    expect(scannerAccepts(server)).toBe(usable);
  });

  it('says which problem a refused value has', () => {
    const issue = (server: string) =>
      SettingsPatchSchema.safeParse({ dns_servers: [server] }).error?.issues[0] as { params?: { problem?: string } };
    expect(issue('dns.google').params?.problem).toBe('not_ip_address');
    expect(issue('1.1.1.1:70000').params?.problem).toBe('port_out_of_range');
  });

  it('gives the scanner the canonical IPv6 form datagrams report', () => {
    expect(parseServer('[2001:DB8:0:0::53]:5353')).toEqual({ address: '2001:db8::53', port: 5353, family: 6 });
  });
});
