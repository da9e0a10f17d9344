import { EXIT, parse } from '../args';
import type { Command } from '../args';
import { withHunter } from '../with-hunter';

/** `hunter health [--json]`: exit 0 when every check is ok, 1 when any is degraded. */
export const healthCommand: Command = async (args, io) => {
  const { values } = parse(args, {});
  return withHunter(values.db, async ({ health }) => {
    const report = await health.run();
    if (values.json) io.out(JSON.stringify(report));
    else {
      io.out(`health: ${report.status}`);
      for (const c of report.checks) {
        const details = Object.entries(c.details)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ');
        io.out(`  ${c.name.padEnd(14)} ${c.status.padEnd(9)} ${c.reason ? `${c.reason} ` : ''}${details}`);
      }
    }
    return report.status === 'ok' ? EXIT.ok : EXIT.someFailed;
  });
};
