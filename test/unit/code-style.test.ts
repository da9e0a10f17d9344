// ESLint and Prettier over the tree, as part of the tests, so style holds on every change without a separate step.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/project-root';

const ROOT = projectRoot();
const SOURCE_DIRS = ['main', 'shared', 'renderer', 'preload', 'test', 'bench', 'scripts'];
const SOURCE_FILE = /\.(ts|tsx|mjs|cjs|js)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'results' ? [] : sourceFiles(full);
    return SOURCE_FILE.test(entry.name) ? [full] : [];
  });
}

describe('code style', () => {
  it('passes ESLint', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const results = await eslint.lintFiles(SOURCE_DIRS);
    const problems = results.flatMap((r) =>
      r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.ruleId ?? ''} ${m.message}`),
    );
    expect(problems).toEqual([]);
  }, 120_000);

  it('is formatted with Prettier', async () => {
    const unformatted: string[] = [];
    for (const file of SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
      const options = await prettier.resolveConfig(file);
      const source = fs.readFileSync(file, 'utf8');
      if (!(await prettier.check(source, { ...options, filepath: file }))) unformatted.push(path.relative(ROOT, file));
    }
    expect(unformatted).toEqual([]);
  }, 120_000);
});
