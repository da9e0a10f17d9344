import fs from 'node:fs';
import { isAcceptableFeedUrl } from '../../shared/updates';
import type { UpdateStatus } from '../../shared/updates';

export interface FeedSources {
  /** HUNTER_UPDATE_URL */
  env?: string;
  /** the user's setting */
  setting?: string;
  /** the feed electron-builder wrote into the installed app (resources/app-update.yml) */
  builtIn?: string | null;
}

export interface Feed {
  url: string;
  source: NonNullable<UpdateStatus['feed_source']>;
  /** false for an address isAcceptableFeedUrl refuses: updates stay off rather than fall back to another feed */
  accepted: boolean;
}

/** The feed in force: HUNTER_UPDATE_URL wins over the setting, the setting over the installer's own. */
export function resolveFeed(sources: FeedSources): Feed | null {
  const candidates: [string | null | undefined, Feed['source']][] = [
    [sources.env, 'env'],
    [sources.setting, 'setting'],
    [sources.builtIn, 'built_in'],
  ];
  for (const [value, source] of candidates) {
    const url = value?.trim();
    if (url) return { url, source, accepted: isAcceptableFeedUrl(url) };
  }
  return null;
}

/** The `url:` of electron-builder's app-update.yml (a flat file it writes itself), or null when there is none. */
export function readBuiltInFeedUrl(file: string | null): string | null {
  if (!file) return null;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').slice(0, 16_384);
  } catch {
    return null;
  }
  const match = /^url:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(text);
  return match ? match[1] : null;
}
