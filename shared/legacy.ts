/** A note from the retired CRM-lite, kept read-only for the move to Dynamics 365. */
export interface LegacyNote {
  id: number;
  domain: string;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface LegacyTag {
  tag: string;
  created_at: string;
}

/** What a lead still shows of the retired CRM-lite (labelled legacy, never editable). */
export interface LegacyLeadData {
  notes: LegacyNote[];
  tags: LegacyTag[];
  favorite: boolean;
}

/** The writes CRM-lite used to offer, and where each now lives. */
export const LEGACY_WRITES = {
  'legacy.addNote': 'Dynamics 365 timeline notes',
  'legacy.editNote': 'Dynamics 365 timeline notes',
  'legacy.deleteNote': 'Dynamics 365 timeline notes',
  'legacy.addTag': 'Dynamics 365 tags (Hunter keeps its automatic tags)',
  'legacy.removeTag': 'Dynamics 365 tags (Hunter keeps its automatic tags)',
  'legacy.favorite': 'Follow the record in Dynamics 365',
  'legacy.unfavorite': 'Follow the record in Dynamics 365',
} as const;
export type LegacyWrite = keyof typeof LEGACY_WRITES;

export interface LegacyImportResult {
  notes: number;
  tags: number;
  favorites: number;
  /** rows already present (an export imported twice adds nothing) */
  duplicates: number;
  /** tags the scoring engine derives itself: they stay signals, not legacy data */
  auto_tags_skipped: number;
}

export interface LegacyStatus {
  /** the crm_lite_removed flag */
  removed: boolean;
  /** the legacy tables were dropped (after their export was written) */
  dropped: boolean;
  /** the export written before the drop, beside the database */
  export_file: string | null;
  counts: { notes: number; tags: number; favorites: number };
}
