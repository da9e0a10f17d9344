/** What an import file would add (preview) and what it did add (commit). */
export interface ImportPreviewRow {
  /** 1-based row number in the file (header excluded) */
  row: number;
  input: string;
  domain: string | null;
  company_name: string | null;
  /** machine code of the rejection reason (empty, placeholder, ip_address, duplicate, ...) */
  error: string | null;
  error_message: string | null;
}

export interface ImportPreview {
  columns: {
    domain: string | null;
    company: string | null;
    email: string | null;
    website: string | null;
    phone: string | null;
    city: string | null;
  };
  headers: string[];
  total: number;
  valid: number;
  rejected: number;
  duplicates: number;
  rows: ImportPreviewRow[];
}

export interface ImportResult {
  import_id: number;
  added: number;
  updated: number;
  rejected: number;
  duplicates: number;
  /** the file's leads, in file order: what "scan the imported leads" scans */
  domains: string[];
}
