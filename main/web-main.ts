// `npm run web`: the app without Electron — the real handlers behind the loopback bridge, for browsers, e2e tests
// and machines where the Electron binary is not available.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import log from 'electron-log/node';
import { createHunter } from './app/create-hunter';
import { defaultDbPath } from './app-paths';
import { startWebBridge } from './bridge/web-server';
import { createHandlers } from './ipc/handlers';
import { appFiles } from './platform/app-files';

const { values } = parseArgs({
  options: { port: { type: 'string' }, db: { type: 'string' }, static: { type: 'string' } },
  strict: true,
});
const port = values.port ? Number(values.port) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port must be a number from 0 to 65535');
  process.exit(2);
}
const files = appFiles();
const staticDir = path.resolve(values.static ?? files.renderer);
if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
  console.error(`No built renderer at ${staticDir}: run "npm run build" first`);
  process.exit(4);
}

const pkg = JSON.parse(fs.readFileSync(path.join(files.root, 'package.json'), 'utf8')) as {
  version: string;
};
const hunter = createHunter({ dbPath: values.db ?? defaultDbPath() });
const bridge = await startWebBridge({
  handlers: createHandlers(hunter, { version: pkg.version, platform: process.platform }),
  bus: hunter.bus,
  staticDir,
  port,
  onInternalError: (err) => log.error('handler failed', err),
});
await hunter.start();
console.log(`Hunter web: ${bridge.url}`);

// Ctrl-C: stop taking calls, stop the services (a running scan pauses, resumable) and close the store, then exit.
// A second signal while that runs ends the process at once.
let stopping = false;
const shutdown = async () => {
  if (stopping) process.exit(130);
  stopping = true;
  await bridge.close();
  await hunter.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
