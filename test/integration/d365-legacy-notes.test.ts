import { afterEach, describe, expect, it } from 'vitest';
import { resourcesDir } from '../../main/config/load';
import { DataverseClient } from '../../main/integrations/dynamics/client';
import { legacyNoteId, moveLegacyNotes } from '../../main/integrations/dynamics/legacy-notes';
import { loadD365Mapping } from '../../main/integrations/dynamics/mapping';
import { D365Outbox, queuePush } from '../../main/integrations/dynamics/outbox';
import { startFakeDataverse } from '../support/fake-dataverse';
import type { FakeDataverse } from '../support/fake-dataverse';
import { seedLead } from '../support/d365-seed';
import { openTempStore } from '../support/temp-store';
import type { TempStore } from '../support/temp-store';

let fake: FakeDataverse | null = null;
let temp: TempStore | null = null;
afterEach(async () => {
  await fake?.close();
  temp?.cleanup();
  fake = null;
  temp = null;
});

describe('legacy notes moved to Dynamics 365', () => {
  it('become notes on the pushed lead, once however often it runs; notes of unpushed leads wait', async () => {
    fake = await startFakeDataverse();
    temp = openTempStore();
    const store = temp.store;
    seedLead(store, { domain: 'pushed.test' });
    seedLead(store, { domain: 'later.test' });
    const client = new DataverseClient({ orgUrl: fake.url, tokens: { getToken: async () => 't' }, resendDelayMs: 5 });
    const runtime = { client, mapping: loadD365Mapping(resourcesDir()) };
    const outbox = new D365Outbox({ store, connect: () => runtime });
    const id = queuePush(store, {
      lead: store.leads.getLead('pushed.test')!,
      mode: 'lead',
      onDuplicate: 'update',
      salesSummary: 'summary',
      defaultCurrency: 'EUR',
    });
    await outbox.send(id);
    const leadId = store.d365Outbox.lastDone('pushed.test')!.record_id!;
    store.legacy.insert({
      notes: [
        {
          domain: 'pushed.test',
          note: 'Aradım, Mart’ta tekrar',
          created_at: '2025-01-02T10:00:00Z',
          updated_at: '2025-01-02T10:00:00Z',
        },
        {
          domain: 'later.test',
          note: 'not yet pushed',
          created_at: '2025-02-03T10:00:00Z',
          updated_at: '2025-02-03T10:00:00Z',
        },
      ],
      tags: [],
      favorites: [],
    });
    const notesBefore = fake.records.get('annotations')?.size ?? 0;

    const first = await moveLegacyNotes(store, runtime);
    expect(first.moved).toEqual([
      {
        domain: 'pushed.test',
        created_at: '2025-01-02T10:00:00Z',
        annotation_id: legacyNoteId({
          domain: 'pushed.test',
          created_at: '2025-01-02T10:00:00Z',
          note: 'Aradım, Mart’ta tekrar',
        }),
        record_id: leadId,
      },
    ]);
    expect(first.not_pushed).toEqual([{ domain: 'later.test', created_at: '2025-02-03T10:00:00Z' }]);
    expect(first.failed).toEqual([]);
    const annotation = fake.records.get('annotations')!.get(first.moved[0].annotation_id)!;
    expect(annotation).toMatchObject({ notetext: 'Aradım, Mart’ta tekrar' });
    expect(JSON.stringify(annotation)).toContain(leadId);

    await moveLegacyNotes(store, runtime);
    expect(fake.records.get('annotations')!.size).toBe(notesBefore + 1);
  });
});
