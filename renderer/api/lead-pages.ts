// Server-side paging for the leads grid: rows are fetched in fixed windows as the user scrolls and kept
// in a per-query page cache, so 100,000 leads never cost more than the visible windows.
// The cache lives in an external store rather than component state, for latency: a sort click or a search
// Enter requests the new query's first window synchronously from the prefs change (before React renders),
// and when a window lands only the components reading rows or the total re-render, not the whole screen.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SparseColumnId } from '../../shared/lead-columns';
import type { LeadPage, LeadQuery, LeadRow } from '../../shared/leads';
import { currentLeadQuery, usePrefs } from '../state/ui-store';
import { api } from './api';
import { toApiError, useLeadsChanged } from './hooks';
import type { ApiError } from './api';

export const PAGE_SIZE = 150;

class PageCache {
  readonly pages = new Map<number, LeadRow[]>();
  readonly inflight = new Set<number>();
  total: number | null = null;
  /** from the latest answer: every answer carries it for the whole result */
  columnsWithData: SparseColumnId[] = [];
  error: ApiError | null = null;
  constructor(readonly key: string) {}

  row(index: number): LeadRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }
}

export interface LeadPages {
  /** JSON of the current query (filters and sort); changes as soon as the user changes either */
  queryKey: string;
  /** null until the first window of the current query arrived */
  total: number | null;
  /** the hide-when-empty columns the current result has data for */
  columnsWithData: SparseColumnId[];
  error: ApiError | null;
  /** true while the shown rows belong to the previous query (the new one is on its way) */
  stale: boolean;
  row: (index: number) => LeadRow | undefined;
  /** make sure rows [start, end] are loaded or loading */
  ensure: (start: number, end: number) => void;
  /** rows currently cached between two indexes (for shift-click ranges) */
  cachedRange: (start: number, end: number) => LeadRow[];
  refresh: () => void;
}

const currentQueryKey = () => JSON.stringify(currentLeadQuery());

const pageQuery = (key: string, page: number): LeadQuery => ({
  ...JSON.parse(key),
  offset: page * PAGE_SIZE,
  limit: PAGE_SIZE,
});

/** The first window asked for before React's first render, until the page store that shows it claims it. */
let early: { key: string; answer: Promise<LeadPage>; page: LeadPage | null } | null = null;

/**
 * Asks for the current query's first window straight away, at start-up, and resolves once it answered (or
 * failed): a grid rendered with its rows costs one render, not an empty grid plus a second one when they land.
 */
export function prefetchFirstWindow(): Promise<void> {
  const key = currentQueryKey();
  const answer = api.invoke('leads.list', pageQuery(key, 0));
  const entry = { key, answer, page: null as LeadPage | null };
  early = entry;
  // a failure is reported by the store that claims the call; unclaimed, it is just dropped
  return answer.then((page) => void (entry.page = page)).catch(() => {});
}

/** The prefetched first window of `key` if it already arrived (claiming it), for a store's initial state. */
function takeEarlyPage(key: string): LeadPage | null {
  const page = early?.key === key ? early.page : null;
  if (page) early = null;
  return page;
}

function requestWindow(key: string, page: number): Promise<LeadPage> {
  const claimed = page === 0 && early?.key === key ? early.answer : null;
  early = null;
  return claimed ?? api.invoke('leads.list', pageQuery(key, page));
}

export class LeadPagesStore {
  private latest: PageCache;
  // keep painting the previous result until the new query's first window lands: no blank flash on sort
  private shown: PageCache;
  private visible: [number, number] = [0, PAGE_SIZE - 1];
  private readonly listeners = new Set<() => void>();
  private snapshot: LeadPages;

  constructor(key: string) {
    this.latest = new PageCache(key);
    const page = takeEarlyPage(key);
    if (page) {
      this.latest.pages.set(0, page.rows);
      this.latest.total = page.total;
      this.latest.columnsWithData = page.columns_with_data;
    }
    this.shown = this.latest;
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LeadPages => this.snapshot;

  /** Loads the current query and follows filter/sort changes until the returned function is called. */
  follow(): () => void {
    this.setQuery(currentQueryKey());
    if (this.latest.total === null) this.fetchPage(this.latest, 0);
    return usePrefs.subscribe((state, previous) => {
      if (state.filters !== previous.filters || state.sort !== previous.sort) this.setQuery(currentQueryKey());
    });
  }

  ensure = (start: number, end: number): void => {
    this.visible = [start, end];
    const cache = this.latest;
    const last = cache.total === null ? Math.floor(end / PAGE_SIZE) : Math.floor((cache.total - 1) / PAGE_SIZE);
    for (let page = Math.floor(start / PAGE_SIZE); page <= Math.min(Math.floor(end / PAGE_SIZE), last); page++) {
      this.fetchPage(cache, page);
    }
  };

  // refetch only the windows in view (each answer carries the new total); the rest of the cache is dropped
  // and reloads lazily when scrolled to
  refresh = (): void => {
    const old = this.latest;
    const next = new PageCache(old.key);
    old.pages.forEach((rows, page) => next.pages.set(page, rows));
    next.total = old.total;
    next.columnsWithData = old.columnsWithData;
    this.latest = next;
    this.shown = next;
    const [start, end] = this.visible;
    const first = Math.floor(start / PAGE_SIZE);
    const last = Math.floor(end / PAGE_SIZE);
    next.pages.forEach((_, page) => {
      if (page < first || page > last) next.pages.delete(page);
    });
    for (let page = first; page <= last; page++) this.fetchPage(next, page, true);
    this.emit();
  };

  private setQuery(key: string): void {
    if (this.latest.key === key) return;
    this.latest = new PageCache(key);
    this.fetchPage(this.latest, 0);
    this.emit();
  }

  private fetchPage(cache: PageCache, page: number, force = false): void {
    if (cache.inflight.has(page) || (!force && cache.pages.has(page))) return;
    cache.inflight.add(page);
    requestWindow(cache.key, page)
      .then((result) => {
        cache.pages.set(page, result.rows);
        cache.total = result.total;
        cache.columnsWithData = result.columns_with_data;
        cache.error = null;
        if (cache === this.latest) this.shown = cache;
      })
      .catch((error: unknown) => {
        cache.error = toApiError(error);
        if (cache === this.latest) this.shown = cache;
      })
      .finally(() => {
        cache.inflight.delete(page);
        if (cache === this.latest) this.emit();
      });
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    this.listeners.forEach((listener) => listener());
  }

  private makeSnapshot(): LeadPages {
    const cache = this.shown;
    return {
      queryKey: this.latest.key,
      total: cache.total,
      columnsWithData: cache.columnsWithData,
      error: cache.error,
      stale: cache !== this.latest,
      row: (index) => cache.row(index),
      ensure: this.ensure,
      cachedRange: (start, end) => {
        const rows: LeadRow[] = [];
        for (let index = Math.min(start, end); index <= Math.max(start, end); index++) {
          const row = cache.row(index);
          if (row) rows.push(row);
        }
        return rows;
      },
      refresh: this.refresh,
    };
  }
}

/** One page store per mounted leads screen, following the persisted filters and sort. */
export function useLeadPagesStore(): LeadPagesStore {
  const [store] = useState(() => new LeadPagesStore(currentQueryKey()));
  useEffect(() => store.follow(), [store]);
  useLeadsChanged(store.refresh);
  return store;
}

/** Everything the grid needs; re-renders on every window that lands. */
export function useLeadPages(store: LeadPagesStore): LeadPages {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** Only the total of the current result: re-renders when the count changes, not on each window. */
export function useLeadTotal(store: LeadPagesStore): number | null {
  return useSyncExternalStore(store.subscribe, () => store.getSnapshot().total);
}
