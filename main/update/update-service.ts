// Auto-update for the installed app. electron-updater does the work (feed, version compare, background download with
// sha512 check, differential download from the .blockmap where the target has one, install); this service decides
// when to ask, reads the feed from the settings, asks the user before any restart, and keeps every failure in the log:
// a broken feed never reaches the rest of the app. The updater and the question are passed in, so the shell gives
// electron-updater's autoUpdater and a dialog, and tests give an updater on a plain-Node app adapter.
import type { AppUpdater, UpdateDownloadedEvent } from 'electron-updater';
import type { UpdateCheckOutcome, UpdateStatus } from '../../shared/updates';
import type { Service } from '../app/service';
import { errorContext } from '../core/log';
import type { Log } from '../core/log';
import type { Feed } from './feed-url';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** release notes shown in the restart question; the feed is remote input */
const RELEASE_NOTES_MAX = 4000;

/** The part of electron-updater's AppUpdater this service drives. */
export type Updater = Pick<
  AppUpdater,
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'logger'
  | 'setFeedURL'
  | 'checkForUpdates'
  | 'quitAndInstall'
  | 'on'
  | 'removeListener'
>;

export interface UpdatePrompt {
  /** Asks whether to restart now to install `version`; false leaves it to be installed when the app quits. */
  askToRestart(update: { version: string; releaseNotes: string }): Promise<boolean>;
}

export interface UpdateServiceOptions {
  /** null where nothing can be updated in place (web bridge, CLI, an unpackaged Electron run) */
  updater: Updater | null;
  prompt: UpdatePrompt;
  /** the feed in force, read at every check so a changed setting applies without a restart */
  feed: () => Feed | null;
  log: Log;
  intervalMs?: number;
  now?: () => Date;
}

export interface UpdateService extends Service {
  /** checks the feed now; resolves once the check (not the download) is done, and never rejects */
  checkNow(): Promise<UpdateCheckOutcome>;
  status(): UpdateStatus;
}

/** Release notes as plain text: the generic feed carries HTML (or one note per version). */
export function releaseNotesText(notes: UpdateDownloadedEvent['releaseNotes']): string {
  const html = Array.isArray(notes) ? notes.map((n) => `${n.version}\n${n.note ?? ''}`).join('\n\n') : (notes ?? '');
  const text = html
    .slice(0, RELEASE_NOTES_MAX * 4)
    .replace(/<\s*(br|\/p|\/li|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<\s*li\b[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.length > RELEASE_NOTES_MAX ? `${text.slice(0, RELEASE_NOTES_MAX - 1)}…` : text;
}

export function createUpdateService(opts: UpdateServiceOptions): UpdateService {
  const { updater, log } = opts;
  const now = opts.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;
  let configuredUrl: string | null = null;
  let listening = false;
  let feedSource: UpdateStatus['feed_source'] = null;
  let lastCheckedAt: string | null = null;
  let lastOutcome: UpdateCheckOutcome | null = null;
  let readyVersion: string | null = null;
  const asked = new Set<string>();

  const onError = (err: Error) => {
    lastOutcome = 'failed';
    log.warn('updates.failed', errorContext(err));
  };
  const onDownloaded = (info: UpdateDownloadedEvent) => void offerRestart(info);

  async function offerRestart(info: UpdateDownloadedEvent): Promise<void> {
    readyVersion = info.version;
    // electron-updater reports a download again when a later check finds the same version already downloaded
    if (asked.has(info.version)) return;
    asked.add(info.version);
    log.info('updates.downloaded', { version: info.version });
    let restart = false;
    try {
      restart = await opts.prompt.askToRestart({
        version: info.version,
        releaseNotes: releaseNotesText(info.releaseNotes),
      });
    } catch (err) {
      log.warn('updates.prompt_failed', errorContext(err));
    }
    if (!restart) {
      log.info('updates.install_on_quit', { version: info.version });
      return;
    }
    log.info('updates.restart', { version: info.version });
    updater!.quitAndInstall(false, true);
  }

  /** The updater pointed at the feed in force, or null when updates are off. */
  function configure(): Updater | null {
    const feed = opts.feed();
    feedSource = feed?.accepted ? feed.source : null;
    if (!updater || !feed) return null;
    if (!feed.accepted) {
      log.warn('updates.feed_rejected', { source: feed.source, reason: 'https only (http only to this machine)' });
      return null;
    }
    if (!listening) {
      updater.logger = {
        info: (message?: unknown) => log.debug('updates.updater', { message: String(message) }),
        warn: (message?: unknown) => log.warn('updates.updater', { message: String(message) }),
        error: (message?: unknown) => log.warn('updates.updater', { message: String(message) }),
      };
      updater.on('error', onError);
      updater.on('update-downloaded', onDownloaded);
      listening = true;
    }
    if (feed.url !== configuredUrl) {
      updater.autoDownload = true;
      // "later" in the restart question still installs, the next time the app quits
      updater.autoInstallOnAppQuit = true;
      updater.setFeedURL({ provider: 'generic', url: feed.url });
      configuredUrl = feed.url;
    }
    return updater;
  }

  async function checkNow(): Promise<UpdateCheckOutcome> {
    lastCheckedAt = now().toISOString();
    let active: Updater | null;
    try {
      active = configure();
    } catch (err) {
      log.warn('updates.configure_failed', errorContext(err));
      return (lastOutcome = 'failed');
    }
    if (!active) return (lastOutcome = 'off');
    try {
      const result = await active.checkForUpdates();
      if (!result?.isUpdateAvailable) return (lastOutcome = 'up_to_date');
      log.info('updates.available', { version: result.updateInfo.version });
      // the download runs on in the background; a failure arrives as the 'error' event too
      result.downloadPromise?.catch(() => {});
      return (lastOutcome = 'downloading');
    } catch (err) {
      log.warn('updates.check_failed', errorContext(err));
      return (lastOutcome = 'failed');
    }
  }

  return {
    name: 'updates',
    checkNow,
    start() {
      if (timer) return;
      void checkNow();
      timer = setInterval(() => void checkNow(), opts.intervalMs ?? DAY_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (updater && listening) {
        updater.removeListener('error', onError);
        updater.removeListener('update-downloaded', onDownloaded);
        listening = false;
      }
    },
    status() {
      return {
        enabled: feedSource !== null && updater !== null,
        feed_source: feedSource,
        feed_url: feedSource ? configuredUrl : null,
        last_checked_at: lastCheckedAt,
        last_outcome: lastOutcome,
        ready_version: readyVersion,
      };
    },
  };
}
