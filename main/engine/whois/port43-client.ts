import { connect } from 'node:net';
import { MAX_ANSWER_BYTES, reasonForError, type Fetched } from './transport';

export interface Port43Server {
  host: string;
  port: number;
}

/** "whois.nic.tr" → port 43; "127.0.0.1:4343" → that port (tests and self-hosted mirrors). */
export function parseServerAddress(spec: string): Port43Server {
  const match = spec.trim().match(/^([^:]+):(\d{1,5})$/);
  return match ? { host: match[1], port: Number(match[2]) } : { host: spec.trim(), port: 43 };
}

/**
 * RFC 3912 exchanges a CRLF-terminated query for text ended by the server closing. nic.tr still answers
 * in ISO-8859-9 / windows-1254, so bytes that are not valid UTF-8 are decoded as the latter.
 */
export function decodeAnswer(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1254').decode(bytes);
  }
}

/**
 * Sends the query and reads until the server closes. The timeout covers the whole exchange (a server
 * that trickles bytes must not hold a scan slot forever); past MAX_ANSWER_BYTES the answer is cut at
 * the last complete line and parsed as it is.
 */
export function queryPort43(server: Port43Server, query: string, timeoutMs: number): Promise<Fetched> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const socket = connect({ host: server.host, port: server.port });

    const finish = (result: Fetched) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const answer = (bytes: Buffer): Fetched => {
      const body = decodeAnswer(bytes);
      return body.trim() === '' ? { ok: false, reason: 'empty_answer' } : { ok: true, body };
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), timeoutMs);

    socket.on('connect', () => socket.write(`${query}\r\n`));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received < MAX_ANSWER_BYTES) return;
      const head = Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES);
      finish(answer(head.subarray(0, head.lastIndexOf(0x0a) + 1)));
    });
    socket.on('end', () => finish(answer(Buffer.concat(chunks))));
    // some servers reset instead of closing once they have written everything: keep what arrived
    socket.on('error', (error) =>
      finish(received > 0 ? answer(Buffer.concat(chunks)) : { ok: false, reason: reasonForError(error) }),
    );
  });
}
