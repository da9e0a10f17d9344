import type { LeadLifecycleResult } from '../../shared/leads';
import { EXIT } from './args';
import type { CliIo } from './args';
import { terminalSafe } from './format';

/** One line per lead changed and per domain without a lead; exit 3 when any was not found. */
export function reportLifecycle(
  io: CliIo,
  result: LeadLifecycleResult,
  opts: { json: boolean; done: 'archived' | 'restored' | 'deleted' },
): number {
  if (opts.json) io.out(JSON.stringify({ [opts.done]: result.changed, not_found: result.missing }));
  else for (const domain of result.changed) io.out(terminalSafe(`${domain}: ${opts.done}`));
  for (const domain of result.missing) io.err(terminalSafe(`${domain}: no such lead`));
  return result.missing.length ? EXIT.notFound : EXIT.ok;
}
