// Small data hooks over `api`: server data lives here (component state), never in the zustand UI store.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput, EventName, HunterEvents } from '../../shared/ipc/contract';
import { api, ApiError } from './api';

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError('internal', error instanceof Error ? error.message : String(error));
}

/** Calls `channel` whenever `input` changes (by value); `null` input means "not now". Stale answers are dropped. */
export function useApiQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | null,
): QueryState<ChannelOutput<C>> {
  const [data, setData] = useState<ChannelOutput<C> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [generation, setGeneration] = useState(0);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    setLoading(true);
    api
      .invoke(channel, JSON.parse(key) as ChannelInput<C>)
      .then((value) => {
        if (!live) return;
        setData(value);
        setError(null);
      })
      .catch((caught: unknown) => live && setError(toApiError(caught)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [channel, key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, loading, reload };
}

export function useHunterEvent<E extends EventName>(event: E, listener: (payload: HunterEvents[E]) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [event]);
}

/**
 * During a bulk scan `leads.changed` fires for every finished domain; views that re-query on it would
 * hammer main. This runs `callback` at most once per `intervalMs`, trailing edge included.
 */
export function useLeadsChanged(callback: () => void, intervalMs = 1500): void {
  const latest = useRef(callback);
  latest.current = callback;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRun = useRef(0);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useHunterEvent('leads.changed', () => {
    if (timer.current) return;
    const wait = Math.max(0, lastRun.current + intervalMs - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      lastRun.current = Date.now();
      latest.current();
    }, wait);
  });
}

/** Runs a mutation and tracks its pending/error state for buttons and forms. */
export function useApiAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(action);
  latest.current = action;
  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    setPending(true);
    setError(null);
    try {
      return await latest.current(...args);
    } catch (caught) {
      setError(toApiError(caught));
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  return { run, pending, error, clearError: useCallback(() => setError(null), []) };
}
