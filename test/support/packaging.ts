// What electron-builder would put into app.asar, computed without electron-builder's packager (which needs the
// Electron binary): its own config loader reads electron-builder.yml, and the `files` patterns are applied the way
// its file matcher applies them (in order; a later pattern decides only if it could flip the current verdict).
import fs from 'node:fs';
import path from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'electron-builder';

export async function builderConfig(root: string): Promise<Configuration> {
  return getConfig(root, null, null);
}

/** The `files` patterns; the loader has normalised them to one file set without `from`/`to`. */
export function filePatterns(config: Configuration): string[] {
  const sets = config.files as { from?: string; to?: string; filter?: string[] }[];
  if (sets.length !== 1 || sets[0].from !== undefined || sets[0].to !== undefined || !sets[0].filter) {
    throw new Error('electron-builder.yml: `files` must be one list of patterns');
  }
  return sets[0].filter;
}

function matches(file: string, patterns: string[]): boolean {
  let included = false;
  for (const pattern of patterns) {
    const negate = pattern.startsWith('!');
    if (included !== negate) continue;
    if (path.matchesGlob(file, negate ? pattern.slice(1) : pattern)) included = !negate;
  }
  return included;
}

function walk(root: string, rel: string, out: string[]): void {
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) return;
  if (!fs.statSync(full).isDirectory()) {
    out.push(rel);
    return;
  }
  for (const entry of fs.readdirSync(full)) walk(root, path.posix.join(rel, entry), out);
}

/**
 * The app's files (relative, '/'-separated) the patterns select. Only the literal folders the include patterns start
 * with are walked: the whole checkout (node_modules above all) would take minutes and select the same files.
 */
export function selectFiles(root: string, patterns: string[]): string[] {
  const starts = new Set<string>();
  for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
    const literal = pattern.split('/').filter((_, i, parts) => !parts.slice(0, i + 1).some((p) => /[*?{[]/.test(p)));
    starts.add(literal.join('/'));
  }
  const candidates: string[] = [];
  for (const start of starts) walk(root, start, candidates);
  return [...new Set(candidates)].filter((file) => matches(file, patterns)).sort();
}
