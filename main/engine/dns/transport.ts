// Queries over UDP with a small pool of sockets, falling back to TCP for truncated answers. Replaces Node's c-ares
// Resolver, whose per-query bookkeeping cost 50-75 µs of CPU and whose own retries overran timeout × tries; here a
// query costs an encode, a send, a decode and one timer (profiles show the kernel's send as the largest part left).
import { randomFillSync } from 'node:crypto';
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import type { DnsAnswer, DnsRecordType } from './client';
import type { DnsServer } from './servers';
import { tcpExchange } from './tcp';
import { BadNameError, decodeResponse, encodeQuery, toAnswer } from './wire';

// Several sockets spread the IDs of many concurrent queries over more (port, ID) pairs, which is what an off-path
// spoofer has to guess, and keep any one receive buffer from overflowing.
const SOCKETS_PER_FAMILY = 4;
// hundreds of answers can arrive between two turns of the event loop; the default ~200 KB buffer drops some,
// and every dropped answer costs a full timeout
const SOCKET_BUFFER_BYTES = 1 << 20;

interface Slot {
  socket: Socket;
  /** queries waiting for a UDP answer on this socket, by ID */
  pending: Map<number, Pending>;
  broken: boolean;
}

interface Pending {
  id: number;
  /** lower case, no trailing dot: the form answers are compared in */
  name: string;
  type: DnsRecordType;
  server: DnsServer;
  query: Buffer;
  slot: Slot;
  timer: NodeJS.Timeout | undefined;
  cancelTcp: (() => void) | null;
  done: boolean;
  resolve: (answer: DnsAnswer) => void;
}

export interface DnsTransport {
  /** One try at one server. Settles after at most timeoutMs (TCP fallback included); failures are `unknown`. */
  ask(server: DnsServer, name: string, type: DnsRecordType, timeoutMs: number): Promise<DnsAnswer>;
  /** truncated UDP answers retried over TCP */
  readonly tcpFallbacks: number;
}

// IDs must be unpredictable (RFC 5452); drawing them from a refilled block of crypto random bytes keeps that cheap
const randomIds = new Uint16Array(4096);
let nextRandom = randomIds.length;
function randomId(): number {
  if (nextRandom === randomIds.length) {
    randomFillSync(randomIds);
    nextRandom = 0;
  }
  return randomIds[nextRandom++];
}

const TIMED_OUT: DnsAnswer = { status: 'unknown', code: 'ETIMEOUT' };

function finish(p: Pending, answer: DnsAnswer): void {
  if (p.done) return;
  p.done = true;
  clearTimeout(p.timer);
  if (p.slot.pending.get(p.id) === p) p.slot.pending.delete(p.id);
  p.cancelTcp?.();
  p.resolve(answer);
}

export function createDnsTransport(): DnsTransport {
  const slots: Record<4 | 6, Slot[]> = { 4: [], 6: [] };
  let turn = 0;
  let tcpFallbacks = 0;

  function retryOverTcp(p: Pending): void {
    tcpFallbacks++;
    // from here on only the TCP answer counts; a late UDP copy is ignored
    p.slot.pending.delete(p.id);
    p.cancelTcp = tcpExchange(p.server, p.query, (err, response) => {
      if (err) return finish(p, { status: 'unknown', code: err });
      const decoded = decodeResponse(response!, p.id, p.name, p.type);
      // an unreadable TCP answer is treated like an unreadable datagram: the try runs into its timeout
      if (decoded) finish(p, toAnswer(decoded.packet, p.name, p.type));
    });
  }

  function onMessage(slot: Slot, msg: Buffer, from: RemoteInfo): void {
    if (msg.length < 12) return;
    // the ID and source are checked before decoding, so junk aimed at our ports costs almost nothing
    const p = slot.pending.get(msg.readUInt16BE(0));
    if (!p || from.port !== p.server.port || from.address !== p.server.address) return;
    const decoded = decodeResponse(msg, p.id, p.name, p.type);
    if (!decoded) return;
    if (decoded.truncated) retryOverTcp(p);
    else finish(p, toAnswer(decoded.packet, p.name, p.type));
  }

  function openSlot(family: 4 | 6): Slot {
    const socket = createSocket({
      type: family === 6 ? 'udp6' : 'udp4',
      recvBufferSize: SOCKET_BUFFER_BYTES,
      sendBufferSize: SOCKET_BUFFER_BYTES,
    });
    const slot: Slot = { socket, pending: new Map(), broken: false };
    socket.on('message', (msg: Buffer, from: RemoteInfo) => onMessage(slot, msg, from));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // a socket-level error leaves the socket unusable: fail what waits on it and open a fresh one next time
      slot.broken = true;
      for (const p of [...slot.pending.values()]) finish(p, { status: 'unknown', code: err.code ?? 'ESOCKET' });
      socket.close();
    });
    // ephemeral port; the per-try timers keep the process alive while queries wait, an idle pool must not
    socket.bind(0);
    socket.unref();
    return slot;
  }

  function pickSlot(family: 4 | 6): Slot {
    const pool = slots[family];
    const index = turn++ % SOCKETS_PER_FAMILY;
    if (!pool[index] || pool[index].broken) pool[index] = openSlot(family);
    return pool[index];
  }

  return {
    ask(server, rawName, type, timeoutMs) {
      return new Promise<DnsAnswer>((resolve) => {
        const name = rawName.toLowerCase().replace(/\.$/, '');
        const slot = pickSlot(server.family);
        // the limiter keeps far fewer than 65,536 queries on one socket, so a free ID is always found quickly
        let id = randomId();
        while (slot.pending.has(id)) id = randomId();
        let query: Buffer;
        try {
          query = encodeQuery(id, name, type);
        } catch (err) {
          if (err instanceof BadNameError) return resolve({ status: 'unknown', code: err.code });
          throw err;
        }
        const p: Pending = { id, name, type, server, query, slot, timer: undefined, cancelTcp: null, done: false, resolve };
        p.timer = setTimeout(() => finish(p, TIMED_OUT), timeoutMs);
        slot.pending.set(id, p);
        slot.socket.send(query, server.port, server.address, (err) => {
          if (err) finish(p, { status: 'unknown', code: (err as NodeJS.ErrnoException).code ?? 'ESEND' });
        });
      });
    },
    get tcpFallbacks() {
      return tcpFallbacks;
    },
  };
}
