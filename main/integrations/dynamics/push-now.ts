// Pushing from the CLI: each domain is queued (so nothing is lost if the process dies), then sent at once. Once
// Dynamics 365 proves unreachable, or nobody is signed in, the remaining domains are queued without being tried.
import type { OutboxLine, PushResultLine } from '../../../shared/dynamics';
import type { OutboxItem } from '../../store/d365-outbox-repository';
import type { Dynamics } from './dynamics';
import type { SendResult } from './outbox';
import type { OnDuplicate, PushMode } from './push-plan';

export function modeOfOperation(operation: string): PushMode {
  return operation === 'push_pipeline' ? 'pipeline' : 'lead';
}

export function resultLine(r: SendResult, mode: PushMode): PushResultLine {
  const done = r.state === 'pushed' || r.state === 'skipped';
  return {
    domain: r.domain,
    state: r.state,
    entity: mode === 'lead' ? 'lead' : 'opportunity',
    record_id: done ? (r.outcome?.record_id ?? null) : null,
    record_url: done ? (r.outcome?.record_url ?? null) : null,
    ...(mode === 'pipeline' ? { account_id: done ? (r.outcome?.account_id ?? null) : null } : {}),
    error: r.error,
  };
}

export function outboxLine(item: OutboxItem): OutboxLine {
  return {
    id: item.id,
    domain: item.lead_domain,
    operation: item.operation,
    state: item.state as OutboxLine['state'],
    attempts: item.attempts,
    next_attempt_at: item.next_attempt_at,
    last_error: item.last_error,
  };
}

export async function pushNow(
  dynamics: Dynamics,
  domains: string[],
  mode: PushMode,
  onDuplicate: OnDuplicate,
  onLine: (line: PushResultLine) => void,
): Promise<{ lines: PushResultLine[]; signedOut: boolean }> {
  const lines: PushResultLine[] = [];
  let stopped: { kind: 'unreachable' | 'signed_out'; error: string | null } | null = null;
  const emit = (line: PushResultLine) => {
    lines.push(line);
    onLine(line);
  };
  for (const domain of domains) {
    const base = {
      domain,
      entity: mode === 'lead' ? ('lead' as const) : ('opportunity' as const),
      record_id: null,
      record_url: null,
      ...(mode === 'pipeline' ? { account_id: null } : {}),
    };
    let id: number;
    try {
      id = dynamics.queue(domain, mode, onDuplicate);
    } catch (err) {
      emit({ ...base, state: 'failed', error: (err as Error).message });
      continue;
    }
    if (stopped) {
      emit({ ...base, state: 'queued', error: stopped.error });
      continue;
    }
    const r = await dynamics.outbox.send(id);
    if (r.errorKind === 'unreachable' || r.errorKind === 'signed_out') stopped = { kind: r.errorKind, error: r.error };
    emit(resultLine(r, mode));
  }
  return { lines, signedOut: stopped?.kind === 'signed_out' };
}
