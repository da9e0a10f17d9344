// electron-builder.yml as electron-builder itself loads and validates it, checked for what the installers promise:
// per-user Windows install, signed and notarisable macOS builds, a deb that pulls in libsecret, the update feed, the
// hardening fuses, and icons and hook files that exist. The notarisation hook is run with and without credentials.
import fs from 'node:fs';
import path from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { builderConfig, filePatterns, selectFiles } from '../support/packaging';
import afterSign, { notaryCredentials } from '../../scripts/notarize.mjs';
import { projectRoot } from '../support/project-root';

const ROOT = projectRoot();
let config: Configuration;

beforeAll(async () => {
  config = await builderConfig(ROOT);
});

const exists = (file: string) => fs.existsSync(path.join(ROOT, file));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema, which rejects what it does not know', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, nsis: { ...config.nsis, perUser: true } } as Configuration,
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('names the app Hunter with a reverse-DNS id and starts the bundled main process', () => {
    expect(config.productName).toBe('Hunter');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config.extraMetadata).toMatchObject({ main: 'dist/main/index.cjs' });
  });

  it('packs the bundles, resources and migrations, and leaves source maps, tests and benchmarks out', () => {
    const patterns = filePatterns(config);
    expect(patterns).toEqual(expect.arrayContaining(['dist/main/**', 'dist/preload/**', 'dist/renderer/**']));
    expect(patterns).toEqual(expect.arrayContaining(['resources/**', 'main/store/migrations/*.sql']));
    expect(patterns).toEqual(expect.arrayContaining(['!**/*.map', '!**/{test,tests,__tests__,bench}/**']));
    // what the app reads at run time is inside the archive, where the integrity fuse covers it
    expect(config.extraResources).toEqual([]);
    const selected = selectFiles(ROOT, patterns);
    expect(selected).toContain('resources/rules.json');
    expect(selected).toContain('main/store/migrations/meta/_journal.json');
    expect(selected.filter((f) => f.startsWith('test/') || f.startsWith('bench/'))).toEqual([]);
  });

  it('unpacks better-sqlite3 from the archive and never lets electron-builder rebuild it against Node’s headers', () => {
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**']);
    expect(config.npmRebuild).toBe(false);
  });

  it('sets every hardening fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('installs on Windows per user, without an administrator prompt, with differential updates', () => {
    expect(config.win?.target).toBe('nsis');
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false });
    expect(config.nsis?.differentialPackage).not.toBe(false);
  });

  it('builds a hardened, notarisable dmg and zip on macOS, with entitlements and the notarisation hook', () => {
    expect(config.mac).toMatchObject({ target: ['dmg', 'zip'], hardenedRuntime: true, notarize: false });
    const entitlements = fs.readFileSync(path.join(ROOT, config.mac!.entitlements!), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(config.mac?.entitlementsInherit).toBe(config.mac?.entitlements);
    expect(exists(config.afterSign as string)).toBe(true);
  });

  it('builds an AppImage and a deb that depends on libsecret', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.deb?.depends).toContain('libsecret-1-0');
  });

  it('opens .csv and .xlsx files', () => {
    expect((config.fileAssociations as { ext: string }[]).map((a) => a.ext)).toEqual(['csv', 'xlsx']);
  });

  it('publishes to a generic feed whose address comes from HUNTER_UPDATE_URL', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.HUNTER_UPDATE_URL}' });
  });

  it('names icons that exist, in each platform’s format', async () => {
    const ico = fs.readFileSync(path.join(ROOT, config.win!.icon!));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // ICO type
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4); // images
    const icns = fs.readFileSync(path.join(ROOT, config.mac!.icon!));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const linuxDir = path.join(ROOT, config.linux!.icon!);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const meta = await sharp(path.join(linuxDir, `${size}x${size}.png`)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', size, size]);
    }
    expect(exists('build/icon.svg')).toBe(true);
  });
});

describe('notarisation hook', () => {
  const macContext = {
    electronPlatformName: 'darwin',
    appOutDir: '/out/mac-arm64',
    packager: { appInfo: { productFilename: 'Hunter' } },
  };

  it('skips itself without Apple credentials, and on other platforms', async () => {
    const calls: object[] = [];
    const record = async (options: Record<string, string>) => void calls.push(options);
    expect(await afterSign(macContext, {}, record)).toBe('skipped');
    expect(await afterSign(macContext, { APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 'T' }, record)).toBe('skipped');
    expect(
      await afterSign({ ...macContext, electronPlatformName: 'win32' }, { APPLE_KEYCHAIN_PROFILE: 'p' }, record),
    ).toBe('not macOS');
    expect(calls).toEqual([]);
  });

  it('notarises the built .app with the API key when one is configured', async () => {
    const calls: object[] = [];
    const env = { APPLE_API_KEY: '/keys/AuthKey.p8', APPLE_API_KEY_ID: 'KEYID', APPLE_API_ISSUER: 'issuer-uuid' };
    expect(await afterSign(macContext, env, async (options) => void calls.push(options))).toBe('notarised');
    expect(calls).toEqual([
      {
        appPath: path.join('/out/mac-arm64', 'Hunter.app'),
        appleApiKey: '/keys/AuthKey.p8',
        appleApiKeyId: 'KEYID',
        appleApiIssuer: 'issuer-uuid',
      },
    ]);
    expect(notaryCredentials({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'pw', APPLE_TEAM_ID: 'T' })).toEqual({
      appleId: 'a@b.c',
      appleIdPassword: 'pw',
      teamId: 'T',
    });
  });
});
