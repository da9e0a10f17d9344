import type { OutboxLine, PushResultLine } from '../../../shared/dynamics';
import { modeOfOperation, outboxLine, resultLine } from '../../integrations/dynamics/push-now';
import { EXIT, parse, UsageError } from '../args';
import type { Command } from '../args';
import { SIGN_IN_AGAIN, withDynamics } from '../dynamics';

function text(l: OutboxLine): string {
  const when = l.state === 'queued' && l.next_attempt_at ? ` next ${l.next_attempt_at}` : '';
  return `#${l.id}  ${l.domain}  ${l.operation}  ${l.state}  attempts ${l.attempts}${when}${l.last_error ? `  ${l.last_error}` : ''}`;
}

function drained(l: PushResultLine): string {
  return [l.domain, l.state, l.record_url ?? '', l.error ?? ''].filter(Boolean).join('  ');
}

/** `hunter outbox [--json]` lists what is not yet sent; `--drain` sends every queued push now. */
export const outboxCommand: Command = async (args, io) => {
  const { values, positionals } = parse(args, { drain: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError('usage: hunter outbox [--drain] [--json]');
  return withDynamics(values.db, io, async (hunter) => {
    const repo = hunter.store.d365Outbox;
    if (!values.drain) {
      for (const item of repo.unsent()) {
        const l = outboxLine(item);
        io.out(values.json ? JSON.stringify(l) : text(l));
      }
      return EXIT.ok;
    }
    hunter.dynamics.connection();
    const { results, queuedLeft } = await hunter.dynamics.outbox.drain();
    for (const r of results) {
      const item = repo.get(r.id);
      const l = { id: r.id, ...resultLine(r, modeOfOperation(item?.operation ?? '')) };
      io.out(values.json ? JSON.stringify(l) : drained(l));
    }
    if (results.some((r) => r.errorKind === 'signed_out')) {
      io.err(SIGN_IN_AGAIN);
      return EXIT.signedOut;
    }
    if (!values.json) io.err(`${results.length} sent or tried, ${queuedLeft} still queued`);
    return queuedLeft === 0 ? EXIT.ok : EXIT.someFailed;
  });
};
