import type { dynamicsChannels } from '../../../shared/ipc/dynamics';
import type { Hunter } from '../../app/create-hunter';
import { AppError } from '../../core/app-error';
import { normalizeDomain } from '../../engine/normalize';
import { DataverseError } from '../../integrations/dynamics/errors';
import { modeOfOperation, outboxLine, resultLine } from '../../integrations/dynamics/push-now';
import { findByDomain } from '../../integrations/dynamics/push-send';
import type { HandlersFor } from '../dispatch';

export function dynamicsHandlers({ dynamics, flags, platform, store }: Hunter): HandlersFor<typeof dynamicsChannels> {
  const on = () => {
    if (!flags.isOn('dynamics')) throw new AppError('flag_off', 'Dynamics 365 is switched off');
  };
  /** Dataverse's own failure, kept specific for the user: signed out, or the service's code and text */
  const remote = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof DataverseError)
        throw new AppError(err.kind === 'signed_out' ? 'signed_out' : 'remote_error', err.message, {
          status: err.status,
          code: err.code,
        });
      throw err;
    }
  };
  const runtime = () => {
    const r = dynamics.runtime();
    if (!r) dynamics.connection(); // throws not_configured naming what is missing
    return r!;
  };
  return {
    'dynamics.settings.get': () => dynamics.settings(),
    'dynamics.settings.set': (patch) => dynamics.saveSettings(patch),
    'dynamics.whoami': () => {
      on();
      return remote(() => dynamics.whoAmI());
    },
    'dynamics.signin': async () => {
      on();
      const account = await dynamics.userSignIn().signInInteractive((url) => platform.openUrl(url));
      dynamics.worker.wake();
      return { username: account.username };
    },
    'dynamics.signout': async () => {
      await dynamics.userSignIn().signOut();
      return { ok: true as const };
    },
    'dynamics.push': ({ domains, mode, on_duplicate }) => {
      on();
      dynamics.connection();
      let queued = 0;
      for (const d of domains) {
        const n = normalizeDomain(d);
        if (!n.ok || !store.leads.getLead(n.domain)) continue;
        dynamics.queue(n.domain, mode ?? 'lead', on_duplicate ?? 'update');
        queued++;
      }
      return { queued };
    },
    'dynamics.duplicates': async ({ domains }) => {
      on();
      const { client, mapping } = runtime();
      const found: { domain: string; record_url: string }[] = [];
      for (const d of domains) {
        const n = normalizeDomain(d);
        if (!n.ok || store.d365Outbox.leadPushState(n.domain)?.status === 'pushed') continue;
        const hit = await remote(() => findByDomain(client, mapping, 'lead', n.domain));
        if (hit) found.push({ domain: n.domain, record_url: client.recordUrl(mapping.lead.logical_name, hit.id) });
      }
      return found;
    },
    'dynamics.open': async ({ domain }) => {
      const n = normalizeDomain(domain);
      const state = n.ok ? store.d365Outbox.leadPushState(n.domain) : null;
      const { client } = runtime();
      const last = state ? store.d365Outbox.lastDone(state.domain) : null;
      if (!state || state.status !== 'pushed' || !last?.record_id)
        throw new AppError('not_found', `${domain} has not been pushed to Dynamics 365`);
      const logical = last.operation === 'push_pipeline' ? 'opportunity' : 'lead';
      await platform.openUrl(client.recordUrl(logical, last.record_id));
      return { ok: true as const };
    },
    'dynamics.outbox.list': () => store.d365Outbox.unsent().map(outboxLine),
    'dynamics.outbox.retry': ({ id }) => {
      const ok = store.d365Outbox.retry(id);
      if (ok) dynamics.worker.wake();
      return { ok };
    },
    'dynamics.outbox.discard': ({ id }) => ({ ok: store.d365Outbox.discard(id) }),
    'dynamics.outbox.drain': async () => {
      on();
      dynamics.connection();
      // the background sender would claim the same items: it waits while the user's drain runs
      await dynamics.worker.stop();
      try {
        const { results, queuedLeft } = await dynamics.outbox.drain();
        return {
          results: results.map((r) => resultLine(r, modeOfOperation(store.d365Outbox.get(r.id)?.operation ?? ''))),
          queued_left: queuedLeft,
        };
      } finally {
        dynamics.worker.start();
      }
    },
  };
}
