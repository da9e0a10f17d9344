import { runCli } from './index';

// Entry point of the `hunter` bin: real stdout/stderr, exit code from the command. The first Ctrl-C asks the
// running command to stop (it leaves its work resumable); a second one ends the process at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line.startsWith('\r') || line === '\n' ? line : line + '\n'),
  errIsTty: Boolean(process.stderr.isTTY),
  signal: interrupt.signal,
});
process.exitCode = code;
