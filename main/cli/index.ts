import { EXIT, UsageError } from './args';
import type { CliIo, Command } from './args';
import { breakdownCommand } from './commands/breakdown';
import { d365Command } from './commands/d365';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { leadsCommand } from './commands/leads';
import { referralsCommand } from './commands/referrals';
import { outboxCommand } from './commands/outbox';
import { pushCommand } from './commands/push';
import { scanCommand } from './commands/scan';
import { signinCommand } from './commands/signin';
import { signoutCommand } from './commands/signout';
import { summaryCommand } from './commands/summary';

export { EXIT };
export type { CliIo };

const HELP = `hunter — lead signals from DNS and WHOIS, scored for Microsoft 365 sales

Usage:
  hunter scan <domain|email|url ...> [--file leads.csv|xlsx] [--dns-server HOST:PORT] [--whois on|off]
              [--concurrency N] [--timeout MS] [--tries N] [--json] [--db PATH]
  hunter leads [--json] [--search TEXT] [--provider NAME] [--segment NAME] [--category P1..P6]
               [--min-score N] [--max-score N] [--tag TAG] [--risk FLAG] [--sort KEY] [--order asc|desc] [--limit N]
  hunter breakdown <domain> [--json]
  hunter summary <domain> [--json] [--lang tr|en]
  hunter import <file.csv|file.xlsx>
  hunter export --format csv|xlsx --out FILE [--lang tr|en] [lead filters as for "leads"]
  hunter signin partner-center          (device code: the address and code are printed on stderr)
  hunter signout partner-center
  hunter referrals sync [--full] [--no-scan] [--dns-server HOST:PORT] [--whois on|off] [--json]
  hunter referrals list [--json] [--kind co-sell|marketplace|solution-provider|other] [--link linked|unlinked]
                        [--limit N]
  hunter referrals show <referral-id> [--json]
  hunter referrals accept <referral-id> [--json]
  hunter referrals decline <referral-id> [--reason TEXT] [--json]
  hunter signin dynamics              device-code sign-in (not needed with HUNTER_D365_CLIENT_SECRET)
  hunter signout dynamics
  hunter d365 whoami [--json]
  hunter push <domain ...> [--mode lead|pipeline] [--on-duplicate update|create|skip] [--json]
  hunter outbox [--drain] [--json]    queued and failed pushes; --drain sends every queued push now

Common: --db PATH (default: the app's database, or $HUNTER_DB)
Partner Center: HUNTER_FLAG_PARTNER_CENTER=on, HUNTER_PC_AUTHORITY, HUNTER_PC_CLIENT_ID, HUNTER_PC_SCOPE, HUNTER_PC_API_URL
Exit codes: 0 ok, 1 some inputs rejected or not scanned, 2 usage error or feature off, 3 not found, 4 error, 5 signed out,
            6 changed meanwhile (conflict), 130 stopped with Ctrl-C`;

/** One file per command under commands/; a new command is one entry here. */
const COMMANDS: Record<string, Command> = {
  scan: scanCommand,
  leads: leadsCommand,
  breakdown: breakdownCommand,
  summary: summaryCommand,
  import: importCommand,
  export: exportCommand,
  signin: signinCommand,
  signout: signoutCommand,
  referrals: referralsCommand,
  d365: d365Command,
  push: pushCommand,
  outbox: outboxCommand,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h' || rest.includes('--help')) {
    io.out(HELP);
    return command ? EXIT.ok : EXIT.usage;
  }
  const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    io.err(`unknown command "${command}"\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`hunter ${command}: ${err.message}\nRun "hunter --help" for usage.`);
      return EXIT.usage;
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' && e.path) {
      io.err(`hunter ${command}: file not found: ${e.path}`);
      return EXIT.notFound;
    }
    io.err(`hunter ${command}: ${e.message}`);
    return EXIT.error;
  }
}
