// Transport for the loopback web bridge: JSON-over-HTTP calls plus one WebSocket for push events.
import type { Channel, EventName, HunterEvents, IpcResult } from '../../shared/ipc/contract';
import type { Transport } from './api';

type AnyListener = (payload: unknown) => void;

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

export function createWebTransport(origin: string, token: string): Transport {
  const listeners = new Map<EventName, Set<AnyListener>>();
  let socket: WebSocket | null = null;
  let reconnectDelay = RECONNECT_MIN_MS;

  function connect(): void {
    const url = new URL(`/events?token=${encodeURIComponent(token)}`, origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url);
    socket.onopen = () => {
      reconnectDelay = RECONNECT_MIN_MS;
    };
    socket.onmessage = (message) => {
      let parsed: { event?: EventName; payload?: unknown };
      try {
        parsed = JSON.parse(String(message.data));
      } catch {
        return; // a malformed frame must not break the stream
      }
      if (!parsed.event) return;
      listeners.get(parsed.event)?.forEach((listener) => listener(parsed.payload));
    };
    // the bridge restarts with the app window; keep trying so events resume without a reload
    socket.onclose = () => {
      socket = null;
      setTimeout(connect, reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MS);
    };
  }

  return {
    async call(channel: Channel, input: unknown): Promise<IpcResult<unknown>> {
      try {
        const response = await fetch(new URL(`/rpc/${channel}`, origin), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as IpcResult<unknown>;
      } catch (error) {
        return {
          ok: false,
          error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
        };
      }
    },
    on<E extends EventName>(event: E, listener: (payload: HunterEvents[E]) => void) {
      if (!socket) connect();
      const set = listeners.get(event) ?? new Set<AnyListener>();
      set.add(listener as AnyListener);
      listeners.set(event, set);
      return () => {
        set.delete(listener as AnyListener);
      };
    },
  };
}
