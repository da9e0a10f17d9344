import { EXIT, notFound, parse, requireDomain } from '../args';
import { terminalSafe } from '../format';
import type { Command } from '../args';
import { withHunter } from '../with-hunter';

export const breakdownCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  const domain = requireDomain(positionals);
  return withHunter(values.db, async ({ store }) => {
    const lead = store.leads.getLead(domain);
    if (!lead) return notFound(io, domain);
    if (!lead.breakdown) {
      io.err(`${lead.domain_display} has not been scanned yet: run "hunter scan ${lead.domain}"`);
      return EXIT.notFound;
    }
    const b = lead.breakdown;
    if (values.json) {
      io.out(JSON.stringify({ domain: lead.domain, ...b }));
      return EXIT.ok;
    }
    io.out(
      terminalSafe(
        `${lead.domain_display}: ${b.total}/100 (${lead.segment}, ${lead.priority_category} ${lead.priority_label})`,
      ),
    );
    io.out(`  ${'base'.padEnd(26)} ${String(b.base).padStart(4)}`);
    for (const item of b.items) {
      io.out(`  ${item.rule.padEnd(26)} ${(item.points > 0 ? '+' : '') + item.points}`.padEnd(34) + `  ${item.reason}`);
    }
    if (b.hard_fail) io.out(`  hard fail: ${b.hard_fail}`);
    if (b.carried_over) io.out(`  not answered in this scan, last known value kept: ${b.carried_over.join(', ')}`);
    if (b.left_out) io.out(`  not answered and never known, left out of the score: ${b.left_out.join(', ')}`);
    if (b.raw_total !== b.total) io.out(`  raw total ${b.raw_total}, clamped to ${b.total}`);
    return EXIT.ok;
  });
};
