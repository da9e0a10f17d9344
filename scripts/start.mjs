// `npm start`: builds and launches the Electron app. Where the Electron binary is not installed (it is
// downloaded by electron's own install step, which offline machines skip), it says so and opens the same app
// through the loopback web bridge instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

let electronBinary = null;
try {
  electronBinary = createRequire(import.meta.url)('electron');
} catch (err) {
  console.warn(`Electron is not available here (${err.message.split('\n')[0]}).`);
  console.warn('Starting Hunter in your browser instead (same app, served on 127.0.0.1 only).');
}
const child = electronBinary
  ? spawn(electronBinary, ['.'], { stdio: 'inherit' })
  : spawn(process.execPath, ['--import', 'tsx', 'main/web-main.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
