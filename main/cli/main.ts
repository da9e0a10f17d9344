import { runCli } from './index';

// Entry point of the `hunter` bin: real stdout/stderr, exit code from the command.
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line.startsWith('\r') || line === '\n' ? line : line + '\n'),
  errIsTty: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
