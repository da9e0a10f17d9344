/** DNS names compare case-insensitively and may carry the root dot; keep one spelling: lower case, no trailing dot. */
export function normaliseHost(name: string): string {
  return name.toLowerCase().replace(/\.+$/, '');
}
