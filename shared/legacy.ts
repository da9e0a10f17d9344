/** A note from the retired CRM-lite, kept read-only for the move to Dynamics 365. */
export interface LegacyNote {
  id: number;
  domain: string;
  note: string;
  created_at: string;
  updated_at: string;
}
