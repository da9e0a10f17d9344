import { LogLevelSchema } from '../../shared/ops';
import { EXIT, UsageError } from './args';
import type { CliIo, Command } from './args';
import { archiveCommand } from './commands/archive';
import { breakdownCommand } from './commands/breakdown';
import { d365Command } from './commands/d365';
import { deleteCommand } from './commands/delete';
import { exportCommand } from './commands/export';
import { flagsCommand } from './commands/flags';
import { healthCommand } from './commands/health';
import { importCommand } from './commands/import';
import { leadsCommand } from './commands/leads';
import { legacyCommand } from './commands/legacy';
import { metricsCommand } from './commands/metrics';
import { referralsCommand } from './commands/referrals';
import { outboxCommand } from './commands/outbox';
import { pushCommand } from './commands/push';
import { scanCommand } from './commands/scan';
import { signinCommand } from './commands/signin';
import { signoutCommand } from './commands/signout';
import { summaryCommand } from './commands/summary';
import { setCliLogLevel } from './with-hunter';

export { EXIT };
export type { CliIo };

const HELP = `hunter — lead signals from DNS and WHOIS, scored for Microsoft 365 sales

Usage:
  hunter scan <domain|email|url ...> [--file leads.csv|xlsx] [--dns-server HOST:PORT] [--whois on|off]
              [--concurrency N] [--timeout MS] [--tries N] [--json] [--db PATH]
  hunter leads [--json] [--search TEXT] [--provider NAME] [--segment NAME] [--category P1..P6]
               [--min-score N] [--max-score N] [--tag TAG] [--risk FLAG]
               [--scan-state failed|partial|unscanned] [--archived exclude|only|include]
               [--sort KEY] [--order asc|desc] [--limit N]
  hunter breakdown <domain> [--json]
  hunter summary <domain> [--json] [--lang tr|en]
  hunter import <file.csv|file.xlsx>
  hunter archive <domain ...> [--undo] [--json]   out of the list, KPIs and overview, kept; --undo restores
  hunter delete <domain ...> [--json]            for good, with the scan history (referrals stay, unlinked)
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
  hunter flags [--json]                 feature flags, their value and where it comes from
  hunter flags set <name> on|off
  hunter metrics [--json]               scans, Partner Center, Dynamics 365 and deprecated-call figures
  hunter health [--json]                database and DNS checks (exit 1 when degraded)
  hunter legacy import <file.json|file.csv>   the previous Hunter's notes, manual tags and favorites

Common: --db PATH (default: the app's database, or $HUNTER_DB)
        --log-level error|warn|info|debug (default: $HUNTER_LOG_LEVEL, else Settings); logs go to logs/ beside
        the database
Partner Center: HUNTER_FLAG_PARTNER_CENTER=on, HUNTER_PC_AUTHORITY, HUNTER_PC_CLIENT_ID, HUNTER_PC_SCOPE, HUNTER_PC_API_URL
Exit codes: 0 ok, 1 some inputs rejected or not scanned, 2 usage error or feature off, 3 not found, 4 error, 5 signed out,
            6 changed meanwhile (conflict), 130 stopped with Ctrl-C`;

/** One file per command under commands/; a new command is one entry here. */
const COMMANDS: Record<string, Command> = {
  scan: scanCommand,
  leads: leadsCommand,
  breakdown: breakdownCommand,
  summary: summaryCommand,
  archive: archiveCommand,
  delete: deleteCommand,
  import: importCommand,
  export: exportCommand,
  flags: flagsCommand,
  metrics: metricsCommand,
  health: healthCommand,
  legacy: legacyCommand,
  signin: signinCommand,
  signout: signoutCommand,
  referrals: referralsCommand,
  d365: d365Command,
  push: pushCommand,
  outbox: outboxCommand,
};

/** Takes the global --log-level (anywhere on the line) out of the arguments. */
function takeLogLevel(args: string[]): string[] {
  const rest: string[] = [];
  let level: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--log-level') level = args[++i] ?? '';
    else if (arg.startsWith('--log-level=')) level = arg.slice('--log-level='.length);
    else rest.push(arg);
  }
  if (level === undefined) {
    setCliLogLevel(undefined);
    return rest;
  }
  const parsed = LogLevelSchema.safeParse(level);
  if (!parsed.success) throw new UsageError('--log-level must be one of error, warn, info, debug');
  setCliLogLevel(parsed.data);
  return rest;
}

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
    return await run(takeLogLevel(rest), io);
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
