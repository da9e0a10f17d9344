// `npm run dist`: the installers for this OS, in out/. `npm run dist -- --linux deb` (or --mac / --win, with
// targets) picks targets; `--dir` stops at the unpacked app. Steps: the bundles, better-sqlite3 rebuilt for
// Electron, electron-builder (electron-builder.yml), then better-sqlite3 rebuilt for Node again so tests and the CLI
// keep working. HUNTER_UPDATE_URL, when set, is the update feed the installers are published for (latest*.yml).
import { spawnSync } from 'node:child_process';
import { build } from 'electron-builder';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed (exit ${result.status})`);
}

/** `--linux AppImage deb --x64` → { linux: ['AppImage', 'deb'], x64: true }, electron-builder's own CLI shape. */
function parseTargets(args) {
  const options = {};
  let platform = null;
  for (const arg of args) {
    if (['--linux', '--mac', '--win'].includes(arg)) options[(platform = arg.slice(2))] = [];
    else if (['--dir', '--x64', '--arm64', '--universal'].includes(arg)) options[arg.slice(2)] = true;
    else if (platform && !arg.startsWith('-')) options[platform].push(arg);
    else throw new Error(`Unknown argument ${arg}: use --linux|--mac|--win [targets], --dir, --x64, --arm64`);
  }
  return options;
}

const targets = parseTargets(process.argv.slice(2));
const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['scripts/rebuild-electron.mjs']);
try {
  const feed = process.env.HUNTER_UPDATE_URL;
  const artifacts = await build({
    ...targets,
    publish: 'never',
    // without a feed there is nothing to publish to: the publish block's ${env.HUNTER_UPDATE_URL} would not expand
    config: feed ? {} : { publish: null },
  });
  console.log(artifacts.join('\n'));
} finally {
  run(npm[0], [...npm[1], 'rebuild', 'better-sqlite3']);
}
