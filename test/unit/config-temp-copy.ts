import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RESOURCES = join(import.meta.dirname, '../../resources');

/** Copies resources/ to a temp dir and lets a test rewrite one JSON file there. */
export function resourcesCopy(file?: string, edit?: (json: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'hunter-resources-'));
  cpSync(RESOURCES, dir, { recursive: true });
  if (file && edit) {
    const path = join(dir, file);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    edit(json);
    writeFileSync(path, JSON.stringify(json));
  }
  return dir;
}
