// The layer rules in .dependency-cruiser.cjs, run as part of the tests: the tree must pass them, and a tree that
// breaks each rule must fail (so a rule that silently matches nothing is caught too).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import type { ICruiseResult, IConfiguration } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/project-root';

const ROOT = projectRoot();
const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

async function violations(baseDir: string, tsConfig?: string): Promise<{ rule: string; from: string; to: string }[]> {
  const { output } = await cruise(
    ['main', 'shared', 'renderer', 'preload'].filter((d) => fs.existsSync(path.join(baseDir, d))),
    {
      ...config.options,
      baseDir,
      ruleSet: { forbidden: config.forbidden },
      tsConfig: tsConfig ? { fileName: tsConfig } : undefined,
      validate: true,
    },
  );
  return (output as ICruiseResult).summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

const planted = fs.mkdtempSync(path.join(os.tmpdir(), 'hunter-layers-'));
afterAll(() => fs.rmSync(planted, { recursive: true, force: true }));

function plant(file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(planted, file)), { recursive: true });
  fs.writeFileSync(path.join(planted, file), content);
}

describe('layers', () => {
  it('the tree breaks no layer rule', async () => {
    expect(await violations(ROOT, path.join(ROOT, 'tsconfig.json'))).toEqual([]);
  }, 60_000);

  it('a planted violation of each rule fails the check', async () => {
    plant('main/store/low.ts', 'export const low = 1;\n');
    plant('shared/contract.ts', "import { low } from '../main/store/low';\nexport const c = low;\n");
    plant('main/engine/score.ts', "import { low } from '../store/low';\nexport const s = low;\n");
    plant('main/services/job.ts', "import { run } from '../cli/run';\nexport const j = run;\n");
    plant('main/cli/run.ts', 'export const run = 1;\n');
    plant('main/services/window.ts', "import { app } from 'electron';\nexport const w = app;\n");
    plant('renderer/screen.ts', "import { low } from '../main/store/low';\nexport const r = low;\n");
    // a cycle through types only
    plant('main/core/a.ts', "import type { B } from './b';\nexport interface A { b?: B }\n");
    plant('main/core/b.ts', "import type { A } from './a';\nexport interface B { a?: A }\n");
    plant('node_modules/electron/index.js', 'module.exports = {};\n');
    plant('node_modules/electron/package.json', '{"name":"electron","main":"index.js"}\n');
    const found = new Set((await violations(planted)).map((v) => v.rule));
    expect([...found].sort()).toEqual(
      [
        'electron-only-in-shell-and-preload',
        'engine-is-pure',
        'lower-layers-know-no-front-end',
        'no-cycles',
        'renderer-reaches-main-only-through-the-contract',
        'shared-imports-nothing-of-main-or-renderer',
      ].sort(),
    );
  }, 60_000);
});
