import { z } from 'zod';

/**
 * Update packages are trusted because the feed says so (latest.yml carries their sha512), so the feed must come over
 * https; plain http only to this machine, where tests and local mirrors run.
 */
export function isAcceptableFeedUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Where installed apps look for new versions; empty = use the feed the installer was built with (if any). */
export const UpdateSettingsSchema = z.object({
  feed_url: z
    .string()
    .trim()
    .max(2048)
    .refine((url) => url === '' || isAcceptableFeedUrl(url), 'expected an https:// address'),
});
export type UpdateSettings = z.infer<typeof UpdateSettingsSchema>;

export type UpdateCheckOutcome =
  /** no feed set (or not an installed app): nothing is asked */
  | 'off'
  | 'up_to_date'
  /** a newer version was found and is downloading in the background */
  | 'downloading'
  /** the feed could not be read or the download failed; the app carries on */
  | 'failed';

export interface UpdateStatus {
  enabled: boolean;
  /** where the feed address comes from: HUNTER_UPDATE_URL, the setting, or the installer's build */
  feed_source: 'env' | 'setting' | 'built_in' | null;
  feed_url: string | null;
  last_checked_at: string | null;
  last_outcome: UpdateCheckOutcome | null;
  /** the version downloaded and waiting for a restart */
  ready_version: string | null;
}
