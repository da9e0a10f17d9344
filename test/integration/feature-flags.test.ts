import { afterEach, describe, expect, it } from 'vitest';
import { createFlags } from '../../main/flags/flags';
import { loadFlagDefaults } from '../../main/config/load';
import { openTempStore } from '../support/temp-store';
import type { TempStore } from '../support/temp-store';

const temps: TempStore[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function flagsWith(env: NodeJS.ProcessEnv = {}) {
  const temp = openTempStore();
  temps.push(temp);
  return { flags: createFlags(loadFlagDefaults(), temp.store.settings, env), temp };
}

describe('feature flags', () => {
  it('start from the shipped defaults', () => {
    const { flags } = flagsWith();
    expect(flags.list()).toEqual([
      { name: 'partner_center', on: false, source: 'default' },
      { name: 'dynamics', on: false, source: 'default' },
      { name: 'crm_lite_read_only', on: true, source: 'default' },
      { name: 'crm_lite_removed', on: false, source: 'default' },
      { name: 'whois', on: true, source: 'default' },
    ]);
  });

  it("keep the user's choice across a reopen of the same database, and tell listeners at once", () => {
    const { flags, temp } = flagsWith();
    const seen: boolean[] = [];
    flags.onChange((all) => seen.push(all.find((f) => f.name === 'partner_center')!.on));
    expect(flags.set('partner_center', true)).toEqual({ name: 'partner_center', on: true, source: 'settings' });
    expect(seen).toEqual([true]);
    const again = createFlags(loadFlagDefaults(), temp.store.settings, {});
    expect(again.isOn('partner_center')).toBe(true);
  });

  it('let HUNTER_FLAG_<NAME>=on|off win over the choice and say so; other values are ignored', () => {
    const { flags } = flagsWith({
      HUNTER_FLAG_DYNAMICS: 'on',
      HUNTER_FLAG_WHOIS: 'OFF',
      HUNTER_FLAG_PARTNER_CENTER: 'yes',
    });
    flags.set('dynamics', false);
    expect(flags.list().filter((f) => f.source === 'env')).toEqual([
      { name: 'dynamics', on: true, source: 'env' },
      { name: 'whois', on: false, source: 'env' },
    ]);
    expect(flags.isOn('partner_center')).toBe(false);
  });
});
