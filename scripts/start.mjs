// `npm start`: builds what is needed and starts Hunter. With the Electron binary, the desktop app; where it cannot be
// obtained (Electron downloads it on first use, which offline machines cannot), the same app through the loopback web
// bridge, opened in the default browser (`npm start -- --no-open` only prints the address).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const args = process.argv.slice(2).filter((arg) => arg !== '--no-open');
const openBrowser = !process.argv.includes('--no-open');

/**
 * The Electron executable, or null. Asked in a child process because requiring `electron` downloads the binary when
 * it is missing and prints the download's progress and failure: only the outcome is shown here.
 */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], {
    encoding: 'utf8',
  });
  const binary = probe.status === 0 ? probe.stdout.trim().split('\n').pop() : '';
  if (binary && fs.existsSync(binary)) return binary;
  const reason = (probe.stderr.match(/Error: (.*)/) ?? [])[1] ?? 'no binary';
  console.warn(`Electron is not available here (${reason}).`);
  console.warn('Starting Hunter in your browser instead (same app, served on 127.0.0.1 only).');
  return null;
}

function build(...parts) {
  for (const part of parts) {
    const built = spawnSync(process.execPath, ['scripts/build.mjs', part], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
}

/** The platform's "open this address" command; none of them goes through a shell that would read the URL. */
function openInBrowser(url) {
  const [command, commandArgs] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  const opener = spawn(command, commandArgs, { stdio: 'ignore', detached: true });
  opener.on('error', () => console.log(`Open ${url} in your browser.`));
  opener.unref();
}

const electron = electronBinary();
let child;
if (electron) {
  build('renderer', 'electron');
  child = spawn(electron, ['.', ...args], { stdio: 'inherit' });
} else {
  // the web bridge runs main/ from sources through tsx: only the renderer needs a build
  build('renderer');
  child = spawn(process.execPath, ['--import', 'tsx', 'main/web-main.ts', ...args], {
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let pending = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (pending === null) return;
    pending += chunk.toString('utf8');
    const address = /^Hunter web: (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(pending)?.[1];
    if (address) {
      pending = null;
      if (openBrowser) openInBrowser(address);
    }
  });
}
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
