import fs from 'node:fs';
import path from 'node:path';

/**
 * The renderer's Content-Security-Policy, for both ways it is served (the hunter:// scheme in Electron and the
 * loopback bridge). `connect` adds the origins the page may open connections to beyond its own (the bridge's
 * event socket).
 */
export function rendererCsp(connect: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${["'self'", ...connect].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The file a request path names inside the renderer folder, or null. The path is decoded, resolved and then
 * followed through symlinks, and only a regular file whose real location is still inside the root's real
 * location is served: `..`, encoded separators and links pointing out of the bundle all end as "not found".
 */
export function resolveRendererFile(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath === '/' || urlPath === '' ? '/index.html' : urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  try {
    const realRoot = fs.realpathSync(root);
    const file = fs.realpathSync(path.resolve(realRoot, '.' + rel));
    if (!file.startsWith(realRoot + path.sep) || !fs.statSync(file).isFile()) return null;
    return file;
  } catch {
    return null;
  }
}
