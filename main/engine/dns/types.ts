// The resolver's answer shapes, shared by the client, the transport and the wire decoder.
export type DnsRecordType = 'MX' | 'TXT' | 'NS' | 'A' | 'CNAME';

export interface MxRecord {
  /** host name as the server sent it; '' for a null MX (RFC 7505) */
  exchange: string;
  priority: number;
}

/** MX answers are structured; TXT records come back with their character-strings joined (RFC 7208 §3.3). */
export type RecordsOf<T extends DnsRecordType> = T extends 'MX' ? MxRecord[] : string[];

export type DnsAnswer<R = MxRecord[] | string[]> =
  /**
   * cnames: the CNAME chain the server followed from the asked name, in order (absent when there was none), so a
   * caller that needs the alias (the DKIM tenant trick) does not have to ask for it separately.
   */
  | { status: 'ok'; records: R; cnames?: string[] }
  | { status: 'nodata'; cnames?: string[] }
  | { status: 'nxdomain' }
  /** code: ETIMEOUT; ESERVFAIL, EREFUSED, EFORMERR, ENOTIMP from the RCODE; EBADNAME; or a socket error code */
  | { status: 'unknown'; code: string };
