// The one way the renderer talks to main. Whatever carries the call (Electron preload or loopback web bridge),
// screens see the same typed `invoke` that throws ApiError on failure.
import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  ErrorCode,
  EventName,
  HunterApi,
  HunterEvents,
  IpcResult,
} from '../../shared/ipc/contract';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A carrier that answers every call with an IpcResult instead of throwing. */
export interface Transport {
  call(channel: Channel, input: unknown): Promise<IpcResult<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: HunterEvents[E]) => void): () => void;
}

/**
 * Adapts the preload's HunterApi. It already answers with IpcResult; a rejection can only mean
 * the bridge itself broke, which is reported as `internal`.
 */
export function transportFromHunterApi(hunter: HunterApi): Transport {
  return {
    async call(channel, input) {
      try {
        return await hunter.invoke(channel, input as never);
      } catch (error) {
        return {
          ok: false,
          error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
        };
      }
    },
    on: (event, listener) => hunter.on(event, listener),
  };
}

let transport: Transport | null = null;

export function installTransport(next: Transport): void {
  transport = next;
}

function current(): Transport {
  if (!transport) throw new ApiError('internal', 'API transport not installed');
  return transport;
}

export const api = {
  async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await current().call(channel, input);
    if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
    return result.data as ChannelOutput<C>;
  },
  on<E extends EventName>(event: E, listener: (payload: HunterEvents[E]) => void): () => void {
    return current().on(event, listener);
  },
};
