/**
 * Host names compare case-insensitively and may carry the root dot or stray spaces: every comparison, cache key and
 * stored name uses this one spelling (trimmed, no trailing dot, lower case).
 */
export function canonicalHost(host: string): string {
  return host.trim().replace(/\.+$/, '').toLowerCase();
}
