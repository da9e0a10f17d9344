// `npm run rebuild:electron`: rebuilds better-sqlite3 against the installed Electron's headers (Electron's ABI), for
// packaging. Afterwards plain Node cannot load it: `npm rebuild better-sqlite3` gives tests and the CLI their build
// back (`npm run dist` does both in turn).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { rebuild } from '@electron/rebuild';

const root = path.join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;

// npm exports its config to scripts as npm_config_*: with a global `nodedir` (set on machines that build native
// modules offline) node-gyp takes Node's headers from there instead of Electron's, and the rebuild reports success
// while the module still has Node's ABI and would fail to load in Electron
for (const key of Object.keys(process.env)) {
  if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete process.env[key];
}

console.log(`Rebuilding better-sqlite3 for Electron ${electronVersion} (needs network access for Electron's headers)`);
await rebuild({ buildPath: root, electronVersion, onlyModules: ['better-sqlite3'], force: true });

// the ABI node-gyp configured, read back: the one thing that tells an Electron build from a Node build
const gypi = fs.readFileSync(require.resolve('better-sqlite3/build/config.gypi'), 'utf8');
const abi = Number(/"node_module_version":\s*(\d+)/.exec(gypi)?.[1]);
if (!abi || String(abi) === process.versions.modules) {
  console.error(`better-sqlite3 was built for Node's ABI (${abi}), not Electron's: check npm_config_nodedir / .npmrc`);
  process.exit(1);
}
console.log(`better-sqlite3 built for Electron ${electronVersion} (ABI ${abi})`);
