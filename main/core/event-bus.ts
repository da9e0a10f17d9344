import type { EventName, HunterEvents } from '../../shared/ipc/events';

export type EventListener = <E extends EventName>(event: E, payload: HunterEvents[E]) => void;

/** Push events from services to whichever transports are attached (Electron windows, web sockets). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: HunterEvents[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
