import { canonicalHost } from './dns/names';

/** host === suffix or host ends with "." + suffix: label-aligned, so outlook.com.tr is not under outlook.com. */
export function isHostUnder(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/**
 * Registrable part of a host: one label more than the longest matching multi-label public suffix
 * (com.tr, k12.tr, co.uk, ...), otherwise the last two labels.
 */
export function mxRoot(host: string, multiLabelSuffixes: readonly string[]): string | null {
  const labels = canonicalHost(host).split('.').filter(Boolean);
  if (labels.length === 0) return null;
  for (let i = 1; i < labels.length - 1; i++) {
    if (multiLabelSuffixes.includes(labels.slice(i).join('.'))) return labels.slice(i - 1).join('.');
  }
  return labels.slice(-2).join('.');
}
