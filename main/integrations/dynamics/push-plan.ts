// What an outbox item holds: the mode, the duplicate choice, the facts to send and the GUID of every record the push
// writes. The GUIDs are chosen here, when the push is queued (reusing the lead's stored ids), never at send time.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { LeadRecordIds } from '../../store/d365-outbox-repository';
import { PushFactsSchema } from './facts';
import type { PushFacts } from './facts';

import { ON_DUPLICATE, PUSH_MODES } from '../../../shared/dynamics';
import type { PushMode } from '../../../shared/dynamics';

export type { OnDuplicate, PushMode } from '../../../shared/dynamics';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

export const PushPayloadSchema = z
  .object({
    mode: z.enum(PUSH_MODES),
    on_duplicate: z.enum(ON_DUPLICATE),
    ids: z
      .object({
        lead: guid.optional(),
        account: guid.optional(),
        contact: guid.optional(),
        opportunity: guid.optional(),
        note: guid,
      })
      .strict(),
    facts: PushFactsSchema,
  })
  .strict();
export type PushPayload = z.infer<typeof PushPayloadSchema>;

export const OPERATION: Record<PushMode, string> = { lead: 'push_lead', pipeline: 'push_pipeline' };

export function planPush(input: {
  mode: PushMode;
  onDuplicate: PushPayload['on_duplicate'];
  facts: PushFacts;
  stored: LeadRecordIds;
}): { payload: PushPayload; ids: LeadRecordIds } {
  const { stored, mode } = input;
  const id = (existing: string | null) => existing ?? randomUUID();
  const ids: PushPayload['ids'] =
    mode === 'lead'
      ? { lead: id(stored.lead), note: id(stored.note) }
      : {
          account: id(stored.account),
          ...(input.facts.contact_email ? { contact: id(stored.contact) } : {}),
          opportunity: id(stored.opportunity),
          note: id(stored.note),
        };
  return {
    payload: { mode, on_duplicate: input.onDuplicate, ids, facts: input.facts },
    ids: {
      lead: ids.lead ?? null,
      account: ids.account ?? null,
      contact: ids.contact ?? null,
      opportunity: ids.opportunity ?? null,
      note: ids.note,
    },
  };
}
