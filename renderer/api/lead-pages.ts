// Server-side paging for the leads grid: rows are fetched in fixed windows as the user scrolls and kept
// in a per-query page cache, so 100,000 leads never cost more than the visible windows.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { LeadQuery, LeadRow } from '../../shared/leads';
import { api } from './api';
import { toApiError, useLeadsChanged } from './hooks';
import type { ApiError } from './api';

export const PAGE_SIZE = 150;

class PageCache {
  readonly pages = new Map<number, LeadRow[]>();
  readonly inflight = new Set<number>();
  total: number | null = null;
  error: ApiError | null = null;
  constructor(readonly key: string) {}

  row(index: number): LeadRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }
}

export interface LeadPages {
  /** null until the first window of the current query arrived */
  total: number | null;
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

export function useLeadPages(query: LeadQuery): LeadPages {
  const key = JSON.stringify(query);
  const [, render] = useReducer((value: number) => value + 1, 0);
  const latest = useRef<PageCache>(new PageCache(key));
  // keep painting the previous result until the new query's first window lands: no blank flash on sort
  const shown = useRef<PageCache>(latest.current);
  const visible = useRef<[number, number]>([0, PAGE_SIZE - 1]);

  const fetchPage = useCallback((cache: PageCache, page: number, force = false) => {
    if (cache.inflight.has(page) || (!force && cache.pages.has(page))) return;
    cache.inflight.add(page);
    const pageQuery: LeadQuery = { ...JSON.parse(cache.key), offset: page * PAGE_SIZE, limit: PAGE_SIZE };
    api
      .invoke('leads.list', pageQuery)
      .then((result) => {
        cache.pages.set(page, result.rows);
        cache.total = result.total;
        cache.error = null;
        if (cache === latest.current) shown.current = cache;
      })
      .catch((error: unknown) => {
        cache.error = toApiError(error);
        if (cache === latest.current) shown.current = cache;
      })
      .finally(() => {
        cache.inflight.delete(page);
        if (cache === latest.current) render();
      });
  }, []);

  const ensure = useCallback(
    (start: number, end: number) => {
      visible.current = [start, end];
      const cache = latest.current;
      const last = cache.total === null ? Math.floor(end / PAGE_SIZE) : Math.floor((cache.total - 1) / PAGE_SIZE);
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.min(Math.floor(end / PAGE_SIZE), last); page++) {
        fetchPage(cache, page);
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    if (latest.current.key === key) {
      if (latest.current.total === null) fetchPage(latest.current, 0);
      return;
    }
    latest.current = new PageCache(key);
    fetchPage(latest.current, 0);
    render();
  }, [key, fetchPage]);

  // refetch only the windows in view (each answer carries the new total); the rest of the cache is dropped
  // and reloads lazily when scrolled to
  const refresh = useCallback(() => {
    const old = latest.current;
    const next = new PageCache(old.key);
    old.pages.forEach((rows, page) => next.pages.set(page, rows));
    next.total = old.total;
    latest.current = next;
    shown.current = next;
    const [start, end] = visible.current;
    const first = Math.floor(start / PAGE_SIZE);
    const last = Math.floor(end / PAGE_SIZE);
    next.pages.forEach((_, page) => {
      if (page < first || page > last) next.pages.delete(page);
    });
    for (let page = first; page <= last; page++) fetchPage(next, page, true);
  }, [fetchPage]);

  useLeadsChanged(refresh);

  const cache = shown.current;
  return {
    total: cache.total,
    error: cache.error,
    stale: cache !== latest.current,
    row: (index) => cache.row(index),
    ensure,
    cachedRange: (start, end) => {
      const rows: LeadRow[] = [];
      for (let index = Math.min(start, end); index <= Math.max(start, end); index++) {
        const row = cache.row(index);
        if (row) rows.push(row);
      }
      return rows;
    },
    refresh,
  };
}
