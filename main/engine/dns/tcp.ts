// One DNS exchange over TCP (RFC 1035 §4.2.2: each message is preceded by its 2-byte length), used when a UDP
// answer came back truncated. A connection per exchange: truncation is rare enough that pooling would not pay.
import { connect } from 'node:net';
import type { DnsServer } from './servers';

/**
 * Sends `query` and calls `done` once, with the response or the socket's error code.
 * Returns a cancel function; the caller's try timer bounds the exchange, so there is no timer here.
 */
export function tcpExchange(
  server: DnsServer,
  query: Buffer,
  done: (err: string | null, response?: Buffer) => void,
): () => void {
  let finished = false;
  let received = Buffer.alloc(0);
  const socket = connect({ host: server.address, port: server.port, family: server.family });
  const finish = (err: string | null, response?: Buffer) => {
    if (finished) return;
    finished = true;
    socket.destroy();
    done(err, response);
  };
  const prefix = Buffer.allocUnsafe(2);
  prefix.writeUInt16BE(query.length, 0);
  socket.write(Buffer.concat([prefix, query]));
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    if (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
      finish(null, received.subarray(2, 2 + received.readUInt16BE(0)));
    }
  });
  socket.on('error', (err: NodeJS.ErrnoException) => finish(err.code ?? 'ETCP'));
  socket.on('close', () => finish('ECONNRESET'));
  return () => {
    finished = true;
    socket.destroy();
  };
}
