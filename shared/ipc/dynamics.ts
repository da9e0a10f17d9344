import { z } from 'zod';
import { D365SettingsPatchSchema, ON_DUPLICATE, PUSH_MODES } from '../dynamics';
import type { D365SettingsView, D365WhoAmI, OutboxLine, PushResultLine } from '../dynamics';
import { domainArg, noArgs } from './args';

const domains = z.array(z.string().trim().min(1).max(300)).min(1).max(10_000);
const outboxId = z.object({ id: z.number().int().min(1) }).strict();

export const dynamicsChannels = {
  'dynamics.settings.get': { input: noArgs, output: {} as D365SettingsView },
  'dynamics.settings.set': { input: D365SettingsPatchSchema, output: {} as D365SettingsView },
  /** "Test connection": WhoAmI with the saved settings */
  'dynamics.whoami': { input: noArgs, output: {} as D365WhoAmI },
  /** system-browser sign-in (delegated) */
  'dynamics.signin': { input: noArgs, output: {} as { username: string } },
  'dynamics.signout': { input: noArgs, output: {} as { ok: true } },
  /** queues the pushes and returns at once; progress arrives as dynamics.changed events */
  'dynamics.push': {
    input: z
      .object({ domains, mode: z.enum(PUSH_MODES).optional(), on_duplicate: z.enum(ON_DUPLICATE).optional() })
      .strict(),
    output: {} as { queued: number },
  },
  /** whether pushing these leads would meet records already in Dynamics 365 (the duplicate dialog asks first) */
  'dynamics.duplicates': {
    input: z.object({ domains: z.array(z.string().trim().min(1).max(300)).min(1).max(200) }).strict(),
    output: {} as { domain: string; record_url: string }[],
  },
  /** opens the lead's Dynamics 365 record (the opportunity after a pipeline push) in the browser */
  'dynamics.open': { input: domainArg, output: {} as { ok: true } },
  'dynamics.outbox.list': { input: noArgs, output: {} as OutboxLine[] },
  'dynamics.outbox.retry': { input: outboxId, output: {} as { ok: boolean } },
  'dynamics.outbox.discard': { input: outboxId, output: {} as { ok: boolean } },
  'dynamics.outbox.drain': { input: noArgs, output: {} as { results: PushResultLine[]; queued_left: number } },
} as const;

export interface DynamicsEvents {
  /** a lead's push state changed (queued, pushing, pushed, error): the grid row and the outbox view refresh */
  'dynamics.changed': { domain: string };
}
