// dns-packet ships no types; only the part the fixture server uses is declared here.
declare module 'dns-packet' {
  export type RecordType = 'A' | 'NS' | 'CNAME' | 'MX' | 'TXT';

  export interface Question {
    type: RecordType;
    name: string;
    class?: 'IN';
  }

  export type Answer =
    | { type: 'A' | 'NS' | 'CNAME'; name: string; ttl?: number; class?: 'IN'; data: string }
    | { type: 'MX'; name: string; ttl?: number; class?: 'IN'; data: { preference: number; exchange: string } }
    | { type: 'TXT'; name: string; ttl?: number; class?: 'IN'; data: string | string[] };

  export interface Packet {
    type: 'query' | 'response';
    id?: number;
    /** header flags; the low 4 bits carry the RCODE */
    flags?: number;
    questions?: Question[];
    answers?: Answer[];
  }

  export function encode(packet: Packet): Buffer;

  export const AUTHORITATIVE_ANSWER: number;
  export const RECURSION_DESIRED: number;
  export const RECURSION_AVAILABLE: number;
}
