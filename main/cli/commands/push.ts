import { ON_DUPLICATE, PUSH_MODES } from '../../../shared/dynamics';
import type { OnDuplicate, PushMode, PushResultLine } from '../../../shared/dynamics';
import { normalizeDomain } from '../../engine/normalize';
import { pushNow } from '../../integrations/dynamics/push-now';
import { EXIT, parse, UsageError } from '../args';
import type { Command } from '../args';
import { SIGN_IN_AGAIN, withDynamics } from '../dynamics';

function line(l: PushResultLine): string {
  const target = l.record_url ?? l.record_id ?? '';
  return [l.domain, l.state, l.entity, target, l.error ?? ''].filter(Boolean).join('  ');
}

/** `hunter push <domain…> [--mode lead|pipeline] [--on-duplicate update|create|skip] [--json]` */
export const pushCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, { mode: { type: 'string' }, 'on-duplicate': { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('give one or more domains to push');
  if (positionals.length > 10_000) throw new UsageError('at most 10,000 domains at once');
  const mode = (values.mode ?? 'lead') as PushMode;
  if (!PUSH_MODES.includes(mode)) throw new UsageError('--mode must be lead or pipeline');
  const onDuplicate = (values['on-duplicate'] ?? 'update') as OnDuplicate;
  if (!ON_DUPLICATE.includes(onDuplicate)) throw new UsageError('--on-duplicate must be update, create or skip');
  return withDynamics(values.db, io, async (hunter) => {
    hunter.dynamics.connection();
    const domains = positionals.map((p) => {
      const n = normalizeDomain(p);
      return n.ok ? n.domain : p;
    });
    const { lines, signedOut } = await pushNow(hunter.dynamics, domains, mode, onDuplicate, (l) =>
      io.out(values.json ? JSON.stringify(l) : line(l)),
    );
    if (signedOut) {
      io.err(SIGN_IN_AGAIN);
      return EXIT.signedOut;
    }
    return lines.every((l) => l.state === 'pushed' || l.state === 'skipped') ? EXIT.ok : EXIT.someFailed;
  });
};
