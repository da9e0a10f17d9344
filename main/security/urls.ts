/** The origin the renderer is served from inside Electron (a privileged custom scheme, not file://). */
export const APP_SCHEME = 'hunter';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** IPC is answered only for frames showing our own renderer (compared by parsed origin, never by prefix). */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  const u = frameUrl ? parse(frameUrl) : null;
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === 'app';
}

/** Links a user clicks may leave the app only as http(s) URLs opened in the system browser. */
export function isAllowedExternalUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
}

/** In-app navigation may only stay on the app origin. */
export function isAllowedNavigation(url: string): boolean {
  return isTrustedSender(url);
}
