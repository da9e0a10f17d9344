import type { Rate } from '../../../shared/ops';
import { EXIT, parse } from '../args';
import type { Command } from '../args';
import { withHunter } from '../with-hunter';

const pct = (r: Rate) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)} % of ${r.of}`);
const num = (v: number | null) => (v === null ? '—' : String(Math.round(v)));

/** `hunter metrics [--json]`: the persisted figures, as the Operations screen shows them. */
export const metricsCommand: Command = async (args, io) => {
  const { values } = parse(args, {});
  return withHunter(values.db, async ({ metrics }) => {
    const m = metrics.report();
    if (values.json) {
      io.out(JSON.stringify(m));
      return EXIT.ok;
    }
    const today = m.scans.per_day.at(-1);
    io.out('Scans');
    io.out(`  total                 ${m.scans.total}${today ? ` (${today.value} on ${today.day})` : ''}`);
    io.out(`  success rate          ${pct(m.scans.success_rate)}`);
    io.out(`  last 100 scans        ${pct(m.scans.recent_success_rate)}`);
    io.out(`  DNS timeout rate      ${pct(m.scans.dns_timeout_rate)}`);
    io.out(`  cache hit rate        ${pct(m.scans.cache_hit_rate)}`);
    io.out(`  WHOIS success rate    ${pct(m.scans.whois_success_rate)}`);
    io.out('Partner Center sync');
    io.out(
      `  runs                  ${m.partner_center.runs} (${m.partner_center.success} ok, ${m.partner_center.failed} failed, ${m.partner_center.skipped} skipped)`,
    );
    io.out(
      `  duration ms           last ${num(m.partner_center.last_duration_ms)}, avg ${num(m.partner_center.avg_duration_ms)}`,
    );
    io.out('Dynamics 365');
    io.out(`  pushes                ${m.dynamics.success} ok, ${m.dynamics.failure} failed`);
    for (const [cause, n] of Object.entries(m.dynamics.failures_by_cause)) io.out(`    ${cause.padEnd(20)}${n}`);
    io.out(
      `  outbox                ${num(m.dynamics.outbox_depth)} waiting, oldest ${num(m.dynamics.outbox_oldest_age_s)} s`,
    );
    io.out('Deprecated CRM-lite calls');
    io.out(`  total                 ${m.deprecated_calls.total}`);
    for (const [call, n] of Object.entries(m.deprecated_calls.by_call)) io.out(`    ${call.padEnd(20)}${n}`);
    return EXIT.ok;
  });
};
