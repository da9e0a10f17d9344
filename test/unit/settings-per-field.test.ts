import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resourcesDir } from '../../main/config/load';
import { loadResource } from '../../main/config/resource-loader';
import { SettingsSchema } from '../../shared/settings';
import type { Log } from '../../main/core/log';
import { createSettingsService } from '../../main/services/settings';
import type { SettingsService } from '../../main/services/settings';
import { openTempStore } from '../support/temp-store';
import type { TempStore } from '../support/temp-store';

let t: TempStore;
let warnings: { event: string; context?: object }[];
let settings: SettingsService;
const log: Log = {
  debug() {},
  info() {},
  warn: (event, context) => warnings.push({ event, context }),
  error() {},
};

beforeEach(() => {
  t = openTempStore();
  warnings = [];
  settings = createSettingsService(t.store, resourcesDir(), log);
});
afterEach(() => t.cleanup());

const saveRaw = (value: unknown) => t.store.settings.set('app', value);
const defaults = () => loadResource(resourcesDir(), 'default-settings.json', SettingsSchema);

describe('settings read field by field', () => {
  it('resets only a DNS server list holding a host name, keeping every other saved field', () => {
    saveRaw({
      language: 'en',
      rep_name: 'Ayşe',
      company_name: 'Contoso',
      currency: 'TRY',
      dns_timeout_ms: 1500,
      dns_servers: ['1.1.1.1', 'dns.google'],
    });
    const loaded = settings.loaded();
    expect(loaded).toMatchObject({
      language: 'en',
      rep_name: 'Ayşe',
      company_name: 'Contoso',
      currency: 'TRY',
      dns_timeout_ms: 1500,
      dns_servers: defaults().dns_servers,
      reset_fields: ['dns_servers'],
    });
    expect(settings.get()).not.toHaveProperty('reset_fields');
    expect(warnings).toEqual([{ event: 'settings.fields_reset', context: { fields: ['dns_servers'] } }]);
  });

  it('resets each field of the wrong type alone and says so once, not on every read', () => {
    saveRaw({ language: 'en', whois_enabled: 'yes', scan_concurrency: '50', dkim_selectors: 'C:\\selectors.txt' });
    const loaded = settings.loaded();
    expect(loaded.language).toBe('en');
    expect(loaded.reset_fields).toEqual(['dkim_selectors', 'scan_concurrency', 'whois_enabled']);
    expect(loaded.scan_concurrency).toBe(defaults().scan_concurrency);
    settings.get();
    settings.get();
    expect(warnings).toHaveLength(1);
  });

  it('stores the repaired whole on the next save, after which nothing reads as reset', () => {
    saveRaw({ language: 'en', dns_servers: ['dns.google'] });
    expect(settings.update({ rep_name: 'Mehmet' })).toMatchObject({
      language: 'en',
      rep_name: 'Mehmet',
      dns_servers: [],
    });
    expect(settings.loaded().reset_fields).toEqual([]);
  });

  it('ignores unknown saved keys and reads a saved value that is not an object as nothing saved', () => {
    saveRaw({ language: 'en', retired_option: true });
    expect(settings.loaded()).toMatchObject({ language: 'en', reset_fields: [] });
    expect(settings.get()).not.toHaveProperty('retired_option');
    saveRaw(['not', 'an', 'object']);
    expect(settings.loaded()).toEqual({ ...defaults(), reset_fields: [] });
    t.store.sqlite.prepare(`UPDATE settings SET value = '{broken' WHERE key = 'app'`).run();
    expect(settings.get()).toEqual(defaults());
  });
});
