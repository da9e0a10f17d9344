// The retired CRM-lite notes, moved to Dynamics 365 as notes (annotations) on the record each lead was pushed to.
import crypto from 'node:crypto';
import type { Store } from '../../store/db';
import { DataverseError } from './errors';
import type { D365Runtime } from './outbox';
import { bind } from './records';

export interface LegacyNotesReport {
  /** notes now on a Dynamics 365 record (written again on a rerun: the same note updates its own annotation) */
  moved: { domain: string; created_at: string; annotation_id: string; record_id: string }[];
  /** notes of leads never pushed: push the lead first, then move again */
  not_pushed: { domain: string; created_at: string }[];
  failed: { domain: string; created_at: string; error: string }[];
}

/**
 * The annotation id of one legacy note, derived from the note itself (lead, time, text) so a second run, after a
 * crash or to pick up leads pushed since, updates the same annotation instead of adding a copy.
 */
export function legacyNoteId(note: { domain: string; created_at: string; note: string }): string {
  const h = crypto.createHash('sha256').update(`${note.domain}\n${note.created_at}\n${note.note}`).digest('hex');
  // shaped as a version-4-style GUID, as Dataverse expects for a record id
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function moveLegacyNotes(store: Store, runtime: D365Runtime): Promise<LegacyNotesReport> {
  const { client, mapping } = runtime;
  const report: LegacyNotesReport = { moved: [], not_pushed: [], failed: [] };
  for (const note of store.legacy.all().notes) {
    const pushed = store.d365Outbox.lastDone(note.domain);
    if (!pushed?.record_id) {
      report.not_pushed.push({ domain: note.domain, created_at: note.created_at });
      continue;
    }
    const target = (pushed.payload as { mode?: string }).mode === 'pipeline' ? 'opportunity' : 'lead';
    const id = legacyNoteId(note);
    try {
      await client.upsert(mapping.note.entity_set, id, {
        subject: `Hunter (legacy note, ${note.created_at.slice(0, 10)})`,
        notetext: note.note,
        ...bind(mapping.note.binds[target], mapping[target].entity_set, pushed.record_id),
      });
      report.moved.push({
        domain: note.domain,
        created_at: note.created_at,
        annotation_id: id,
        record_id: pushed.record_id,
      });
    } catch (err) {
      // signed out ends the run (every other note would fail the same way); anything else is this note's own
      if (err instanceof DataverseError && err.kind === 'signed_out') throw err;
      report.failed.push({ domain: note.domain, created_at: note.created_at, error: (err as Error).message });
    }
  }
  return report;
}
