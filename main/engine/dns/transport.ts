// Queries over UDP with a small pool of sockets per server, falling back to TCP for truncated answers. Replaces
// Node's c-ares Resolver, whose per-query bookkeeping cost 50-75 µs of CPU and whose own retries overran
// timeout × tries; here a query costs an encode, a send, a decode and one timer. The kernel's send is the largest
// part left, so the sockets are connected: the kernel then skips the per-datagram route and address work, and
// only delivers datagrams from that server.
import { randomFillSync } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import type { DnsAnswer, DnsRecordType } from './types';
import type { DnsServer } from './servers';
import { tcpExchange } from './tcp';
import { BadNameError, decodeResponse, encodeQuery, toAnswer } from './wire';

// Several sockets spread the IDs of many concurrent queries over more (port, ID) pairs, which is what an off-path
// spoofer has to guess, and keep any one receive buffer from overflowing.
const SOCKETS_PER_SERVER = 4;
// RFC 5452 §9.2: the source port must be unpredictable too, not only the ID. Each socket carries this many queries,
// then a fresh one takes its place on a new ephemeral port (the kernel picks it at random) while the old one drains:
// opening a socket per few queries keeps the ports moving at a cost far below one send per query.
const QUERIES_PER_PORT = 16;
// hundreds of answers can arrive between two turns of the event loop; the default ~200 KB buffer drops some,
// and every dropped answer costs a full timeout
const SOCKET_BUFFER_BYTES = 1 << 20;

interface Slot {
  socket: Socket;
  /** queries waiting for a UDP answer on this socket, by ID */
  pending: Map<number, Pending>;
  broken: boolean;
  /** queries waiting for the connect to finish (dgram refuses a connected send before that); null once connected */
  unsent: Buffer[] | null;
  /** queries sent from this port so far */
  used: number;
  /** replaced by a fresh port: closes once its last query settles */
  retired: boolean;
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
  /** closes every socket (queries still waiting settle as their timers fire); for one-off transports */
  close(): void;
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

/** Closes a retired socket once nothing waits on it any more. */
function release(slot: Slot): void {
  if (slot.retired && !slot.broken && slot.pending.size === 0) {
    slot.broken = true;
    slot.socket.close();
  }
}

function finish(p: Pending, answer: DnsAnswer): void {
  if (p.done) return;
  p.done = true;
  clearTimeout(p.timer);
  if (p.slot.pending.get(p.id) === p) p.slot.pending.delete(p.id);
  release(p.slot);
  p.cancelTcp?.();
  p.resolve(answer);
}

export function createDnsTransport(): DnsTransport {
  // the client resolves its servers once, so the objects themselves are stable keys
  const slots = new Map<DnsServer, Slot[]>();
  let turn = 0;
  let tcpFallbacks = 0;

  function retryOverTcp(p: Pending): void {
    tcpFallbacks++;
    // from here on only the TCP answer counts; a late UDP copy is ignored
    p.slot.pending.delete(p.id);
    release(p.slot);
    p.cancelTcp = tcpExchange(p.server, p.query, (err, response) => {
      if (err) return finish(p, { status: 'unknown', code: err });
      const decoded = decodeResponse(response!, p.id, p.name, p.type);
      // an unreadable TCP answer is treated like an unreadable datagram: the try runs into its timeout
      if (decoded) finish(p, toAnswer(decoded.packet, p.name, p.type));
    });
  }

  function onMessage(slot: Slot, msg: Buffer): void {
    if (msg.length < 12) return;
    // the socket is connected, so only the server can reach it; the ID is checked before decoding
    const p = slot.pending.get(msg.readUInt16BE(0));
    if (!p) return;
    const decoded = decodeResponse(msg, p.id, p.name, p.type);
    if (!decoded) return;
    if (decoded.truncated) retryOverTcp(p);
    else finish(p, toAnswer(decoded.packet, p.name, p.type));
  }

  function openSlot(server: DnsServer): Slot {
    const socket = createSocket({
      type: server.family === 6 ? 'udp6' : 'udp4',
      recvBufferSize: SOCKET_BUFFER_BYTES,
      sendBufferSize: SOCKET_BUFFER_BYTES,
    });
    const slot: Slot = { socket, pending: new Map(), broken: false, unsent: [], used: 0, retired: false };
    socket.on('message', (msg: Buffer) => onMessage(slot, msg));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // a socket-level error (the connect failed; ICMP says nothing listens there) leaves the socket unusable: fail
      // what waits on it, with that code rather than a timeout, and open a fresh one next time
      if (slot.broken) return;
      slot.broken = true;
      for (const p of [...slot.pending.values()]) finish(p, { status: 'unknown', code: err.code ?? 'ESOCKET' });
      socket.close();
    });
    // binds an ephemeral port; sends issued before the connect completes are queued by dgram. The per-try timers
    // keep the process alive while queries wait, an idle pool must not.
    socket.connect(server.port, server.address, () => {
      const unsent = slot.unsent ?? [];
      slot.unsent = null;
      for (const query of unsent) socket.send(query);
    });
    socket.unref();
    return slot;
  }

  function pickSlot(server: DnsServer): Slot {
    let pool = slots.get(server);
    if (!pool) slots.set(server, (pool = []));
    const index = turn++ % SOCKETS_PER_SERVER;
    const current = pool[index];
    if (current && !current.broken && current.used < QUERIES_PER_PORT) return current;
    if (current) {
      current.retired = true;
      release(current);
    }
    return (pool[index] = openSlot(server));
  }

  return {
    ask(server, rawName, type, timeoutMs) {
      return new Promise<DnsAnswer>((resolve) => {
        const lower = rawName.toLowerCase();
        const name = lower.endsWith('.') ? lower.slice(0, -1) : lower;
        const slot = pickSlot(server);
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
        const p: Pending = {
          id,
          name,
          type,
          server,
          query,
          slot,
          timer: undefined,
          cancelTcp: null,
          done: false,
          resolve,
        };
        p.timer = setTimeout(finish, timeoutMs, p, TIMED_OUT);
        slot.pending.set(id, p);
        slot.used++;
        // no completion callback: it would cost a closure and a tick per query, and a datagram lost in sending is
        // a datagram lost on the way, which the try's timer already covers (socket failures arrive as 'error')
        if (slot.unsent) slot.unsent.push(query);
        else slot.socket.send(query);
      });
    },
    get tcpFallbacks() {
      return tcpFallbacks;
    },
    close() {
      for (const pool of slots.values())
        for (const slot of pool) {
          slot.retired = true;
          release(slot);
        }
      slots.clear();
    },
  };
}
