// Auto-update against a real generic feed on 127.0.0.1 and electron-updater's real updater (on a plain-Node app
// adapter): a newer version downloads in the background and the user is asked before any restart; the same version
// does nothing; a broken feed or package is logged and never reaches the caller; no feed means no request at all.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Log } from '../../main/core/log';
import { readBuiltInFeedUrl, resolveFeed } from '../../main/update/feed-url';
import { isAcceptableFeedUrl } from '../../shared/updates';
import type { Feed } from '../../main/update/feed-url';
import { createUpdateService, releaseNotesText } from '../../main/update/update-service';
import type { UpdateService } from '../../main/update/update-service';
import { nodeUpdater, startFeedServer } from '../support/update-feed';
import type { FeedServer } from '../support/update-feed';

interface LogLine {
  level: string;
  event: string;
  context?: Record<string, unknown>;
}

function recordingLog(lines: LogLine[]): Log {
  const at = (level: string) => (event: string, context?: Record<string, unknown>) =>
    void lines.push({ level, event, context });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let dir: string;
let feed: FeedServer;
let service: UpdateService | null;
let lines: LogLine[];
let questions: { version: string; releaseNotes: string }[];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-update-'));
  feed = await startFeedServer();
  service = null;
  lines = [];
  questions = [];
});
afterEach(async () => {
  await service?.stop();
  await feed.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function start(opts: { version?: string; answer?: boolean; feed?: () => Feed | null; intervalMs?: number } = {}) {
  const { updater, installs } = nodeUpdater(dir, opts.version ?? '1.1.0');
  service = createUpdateService({
    updater,
    feed: opts.feed ?? (() => ({ url: feed.url, source: 'setting', accepted: true })),
    prompt: {
      askToRestart: async (update) => {
        questions.push(update);
        return opts.answer ?? false;
      },
    },
    log: recordingLog(lines),
    intervalMs: opts.intervalMs,
  });
  return { service, installs, updater };
}

const release = (version: string, extra: Partial<{ sha512: string; releaseNotes: string }> = {}) => ({
  version,
  body: crypto.randomBytes(64 * 1024),
  ...extra,
});

describe('update service', () => {
  it('downloads a newer version in the background, shows its notes and restarts only when the user agrees', async () => {
    const next = release('1.2.0', { releaseNotes: '<p>Faster scans &amp; exports</p><ul><li>Turkish CSV</li></ul>' });
    feed.serve(next);
    const { service, installs } = start({ answer: true });

    expect(await service.checkNow()).toBe('downloading');
    await until(() => installs.length > 0, 'the restart');

    expect(questions).toEqual([{ version: '1.2.0', releaseNotes: 'Faster scans & exports\n• Turkish CSV' }]);
    expect(installs).toEqual([[false, true]]);
    expect(feed.requests).toContain('/feed/Hunter-1.2.0-amd64.deb');
    const downloaded = fs
      .readdirSync(path.join(dir, 'cache/hunter-updater/pending'))
      .filter((f) => f.endsWith('.deb'))
      .map((f) => fs.readFileSync(path.join(dir, 'cache/hunter-updater/pending', f)));
    expect(downloaded).toEqual([next.body]);
    expect(service.status()).toMatchObject({ enabled: true, feed_source: 'setting', ready_version: '1.2.0' });
  });

  it('leaves a downloaded version for the next quit when the user says later, and does not ask again', async () => {
    feed.serve(release('1.2.0'));
    const { service, installs, updater } = start({ answer: false });

    await service.checkNow();
    await until(() => questions.length > 0, 'the question');
    await service.checkNow();
    await until(() => lines.some((l) => l.event === 'updates.install_on_quit'), 'the decision');

    expect(installs).toEqual([]);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(questions).toHaveLength(1);
  });

  it('does nothing when the feed has the running version', async () => {
    feed.serve(release('1.1.0'));
    const { service, installs } = start();

    expect(await service.checkNow()).toBe('up_to_date');

    expect(feed.requests.filter((r) => r.endsWith('.deb'))).toEqual([]);
    expect(questions).toEqual([]);
    expect(installs).toEqual([]);
  });

  it.each([
    ['a server error', { status: 500 }],
    ['a feed that is not update metadata', { text: '<html>captive portal</html>' }],
  ])('logs %s and answers the check as failed, without throwing', async (_name, answer) => {
    feed.serve(answer);
    const { service } = start();

    expect(await service.checkNow()).toBe('failed');

    expect(lines.some((l) => l.level === 'warn' && l.event === 'updates.check_failed')).toBe(true);
    expect(questions).toEqual([]);
  });

  it('logs a feed nobody answers and carries on', async () => {
    await feed.close();
    const closed = feed.url;
    feed = await startFeedServer();
    const { service } = start({ feed: () => ({ url: closed, source: 'env', accepted: true }) });

    expect(await service.checkNow()).toBe('failed');
    expect(lines.some((l) => l.event === 'updates.check_failed')).toBe(true);
  });

  it('rejects a package whose checksum does not match the feed, and never offers it', async () => {
    feed.serve(release('1.2.0', { sha512: crypto.createHash('sha512').update('something else').digest('base64') }));
    const { service, installs } = start({ answer: true });

    expect(await service.checkNow()).toBe('downloading');
    await until(() => lines.some((l) => l.event === 'updates.failed'), 'the download failure');

    expect(String(lines.find((l) => l.event === 'updates.failed')!.context!.error)).toMatch(/sha512 checksum mismatch/);
    expect(questions).toEqual([]);
    expect(installs).toEqual([]);
    expect(service.status().last_outcome).toBe('failed');
  });

  it('is off, asking nothing, when no feed is set or the feed is not https', async () => {
    let current: Feed | null = null;
    const { service } = start({ feed: () => current });

    expect(await service.checkNow()).toBe('off');
    current = { url: 'http://updates.example.com/hunter', source: 'setting', accepted: false };
    expect(await service.checkNow()).toBe('off');

    expect(feed.requests).toEqual([]);
    expect(service.status()).toMatchObject({ enabled: false, feed_url: null });
    expect(lines.some((l) => l.event === 'updates.feed_rejected')).toBe(true);
  });

  it('is off where nothing can be updated in place', async () => {
    service = createUpdateService({
      updater: null,
      feed: () => ({ url: feed.url, source: 'env', accepted: true }),
      prompt: { askToRestart: async () => true },
      log: recordingLog(lines),
    });
    expect(await service.checkNow()).toBe('off');
    expect(feed.requests).toEqual([]);
  });

  it('checks on start and again at every interval until stopped', async () => {
    feed.serve(release('1.1.0'));
    const { service } = start({ intervalMs: 150 });
    const checks = () => feed.requests.filter((r) => r.endsWith('.yml')).length;

    service.start();
    await until(() => checks() >= 3, 'three checks');
    await service.stop();
    const stoppedAt = checks();
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(checks()).toBe(stoppedAt);
  });

  it('follows a changed feed address at the next check', async () => {
    feed.serve(release('1.1.0'));
    const other = await startFeedServer();
    other.serve(release('1.1.0'));
    let url = feed.url;
    const { service } = start({ feed: () => ({ url, source: 'setting', accepted: true }) });
    try {
      await service.checkNow();
      url = other.url;
      await service.checkNow();

      expect(feed.requests.filter((r) => r.endsWith('.yml'))).toHaveLength(1);
      expect(other.requests.filter((r) => r.endsWith('.yml'))).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe('update feed address', () => {
  it('takes HUNTER_UPDATE_URL over the setting over the installer’s own feed', () => {
    const all = { env: 'https://a.example/', setting: 'https://b.example/', builtIn: 'https://c.example/' };
    expect(resolveFeed(all)).toEqual({ url: 'https://a.example/', source: 'env', accepted: true });
    expect(resolveFeed({ ...all, env: ' ' })).toMatchObject({ source: 'setting' });
    expect(resolveFeed({ builtIn: 'https://c.example/' })).toMatchObject({ source: 'built_in' });
    expect(resolveFeed({ setting: '' })).toBeNull();
  });

  it('accepts https anywhere and http only to this machine, never credentials in the address', () => {
    expect(isAcceptableFeedUrl('https://updates.example.com/hunter/')).toBe(true);
    expect(isAcceptableFeedUrl('http://127.0.0.1:8080/feed')).toBe(true);
    expect(isAcceptableFeedUrl('http://updates.example.com/hunter/')).toBe(false);
    expect(isAcceptableFeedUrl('https://user:pw@updates.example.com/')).toBe(false);
    expect(isAcceptableFeedUrl('file:///etc/passwd')).toBe(false);
    expect(isAcceptableFeedUrl('not a url')).toBe(false);
  });

  it('reads the feed electron-builder wrote into the installed app', () => {
    const file = path.join(dir, 'app-update.yml');
    fs.writeFileSync(
      file,
      'provider: generic\nurl: https://updates.example.com/hunter\nupdaterCacheDirName: hunter-updater\n',
    );
    expect(readBuiltInFeedUrl(file)).toBe('https://updates.example.com/hunter');
    expect(readBuiltInFeedUrl(path.join(dir, 'missing.yml'))).toBeNull();
    expect(readBuiltInFeedUrl(null)).toBeNull();
  });

  it('turns release notes into capped plain text', () => {
    expect(releaseNotesText(null)).toBe('');
    expect(releaseNotesText([{ version: '1.2.0', note: '<b>New</b>' }])).toBe('1.2.0\nNew');
    expect(releaseNotesText('x'.repeat(10_000))).toHaveLength(4000);
  });
});
