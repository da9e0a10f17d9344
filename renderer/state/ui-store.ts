// UI state only (what the user chose, not what the server said). Filters, sort and column visibility
// survive restarts; selection, cursor and the open panel are per session.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { LeadQuery, LeadRow, LeadScanState, LeadSortKey } from '../../shared/leads';
import type { PriorityCategory, Segment } from '../../shared/domain';
import type { ReferralKind } from '../../shared/referrals';

/** a file as the import channels take it */
export interface OpenedFile {
  file_name: string;
  content_base64: string;
}

export interface LeadFilters {
  search: string;
  providers: string[];
  segments: Segment[];
  categories: PriorityCategory[];
  scoreRange: [number, number];
  riskFlag: string | null;
  tag: string | null;
  expiringWithinDays: number | null;
  referralKind: ReferralKind | null;
  /** the archive instead of the active leads */
  archived: boolean;
  scanState: LeadScanState | null;
}

export interface SortState {
  key: LeadSortKey;
  order: 'asc' | 'desc';
}

export const EMPTY_FILTERS: LeadFilters = {
  search: '',
  providers: [],
  segments: [],
  categories: [],
  scoreRange: [0, 100],
  riskFlag: null,
  tag: null,
  expiringWithinDays: null,
  referralKind: null,
  archived: false,
  scanState: null,
};

export const DEFAULT_SORT: SortState = { key: 'priority', order: 'asc' };

/** 'setup' is the first-run setup, opened on first start and from Settings */
export type Screen = 'leads' | 'referrals' | 'overview' | 'operations' | 'settings' | 'setup';

interface PrefsState {
  filters: LeadFilters;
  sort: SortState;
  hiddenColumns: string[];
  setFilter: <K extends keyof LeadFilters>(key: K, value: LeadFilters[K]) => void;
  resetFilters: () => void;
  toggleSort: (key: LeadSortKey, initialOrder: 'asc' | 'desc') => void;
  toggleColumn: (id: string) => void;
}

export const usePrefs = create<PrefsState>()(
  persist(
    (set) => ({
      filters: EMPTY_FILTERS,
      sort: DEFAULT_SORT,
      hiddenColumns: [],
      setFilter: (key, value) => set((state) => ({ filters: { ...state.filters, [key]: value } })),
      resetFilters: () => set({ filters: EMPTY_FILTERS }),
      toggleSort: (key, initialOrder) =>
        set((state) => ({
          sort:
            state.sort.key === key
              ? { key, order: state.sort.order === 'asc' ? 'desc' : 'asc' }
              : { key, order: initialOrder },
        })),
      toggleColumn: (id) =>
        set((state) => ({
          hiddenColumns: state.hiddenColumns.includes(id)
            ? state.hiddenColumns.filter((column) => column !== id)
            : [...state.hiddenColumns, id],
        })),
    }),
    {
      name: 'hunter.grid-prefs',
      version: 1,
      partialize: ({ filters, sort, hiddenColumns }) => ({ filters, sort, hiddenColumns }),
      // a stored blob from an older build may lack newer filter fields
      merge: (stored, current) => {
        const saved = (stored ?? {}) as Partial<PrefsState>;
        return { ...current, ...saved, filters: { ...EMPTY_FILTERS, ...saved.filters } };
      },
    },
  ),
);

interface SessionState {
  screen: Screen;
  /** selected leads by domain: bulk actions send the list to main, which reads the rows itself */
  selected: Set<string>;
  /** index of the keyboard cursor row in the current result */
  cursor: number;
  /** domain shown in the detail panel */
  openDomain: string | null;
  /** Partner Center referral shown in the detail modal */
  openReferralId: string | null;
  openReferral: (referralId: string | null) => void;
  /** files the OS opened Hunter with, waiting for the import preview (oldest first) */
  openedFiles: OpenedFile[];
  setScreen: (screen: Screen) => void;
  addOpenedFiles: (files: OpenedFile[]) => void;
  /** the first opened file was previewed (imported or dismissed) */
  dropOpenedFile: () => void;
  setCursor: (index: number) => void;
  openDetail: (domain: string | null) => void;
  toggleSelected: (row: LeadRow) => void;
  selectRows: (rows: LeadRow[]) => void;
  clearSelection: () => void;
}

export const useSession = create<SessionState>()((set) => ({
  screen: 'leads',
  selected: new Set(),
  cursor: 0,
  openDomain: null,
  openReferralId: null,
  openReferral: (openReferralId) => set({ openReferralId }),
  openedFiles: [],
  setScreen: (screen) => set({ screen }),
  addOpenedFiles: (files) => set((state) => ({ openedFiles: [...state.openedFiles, ...files] })),
  dropOpenedFile: () => set((state) => ({ openedFiles: state.openedFiles.slice(1) })),
  setCursor: (cursor) => set({ cursor }),
  openDetail: (openDomain) => set({ openDomain }),
  toggleSelected: (row) =>
    set((state) => {
      const selected = new Set(state.selected);
      if (selected.has(row.domain)) selected.delete(row.domain);
      else selected.add(row.domain);
      return { selected };
    }),
  selectRows: (rows) =>
    set((state) => {
      const selected = new Set(state.selected);
      rows.forEach((row) => selected.add(row.domain));
      return { selected };
    }),
  clearSelection: () => set({ selected: new Set() }),
}));

/**
 * Opens the lead grid showing exactly `filters` (everything else cleared) in `sort`: what a KPI card or an overview
 * bar counts is what the grid then lists.
 */
export function openFilteredGrid(filters: Partial<LeadFilters>, sort: SortState = DEFAULT_SORT): void {
  usePrefs.setState({ filters: { ...EMPTY_FILTERS, ...filters }, sort });
  useSession.setState({ screen: 'leads', cursor: 0, openDomain: null });
}

/** The grid query for the current filters and sort (paging is added by the page cache). */
export function toLeadQuery(filters: LeadFilters, sort: SortState): LeadQuery {
  const query: LeadQuery = { sort: sort.key, order: sort.order };
  const search = filters.search.trim();
  if (search) query.search = search;
  if (filters.providers.length) query.providers = filters.providers;
  if (filters.segments.length) query.segments = filters.segments;
  if (filters.categories.length) query.categories = filters.categories;
  if (filters.scoreRange[0] > 0) query.min_score = filters.scoreRange[0];
  if (filters.scoreRange[1] < 100) query.max_score = filters.scoreRange[1];
  if (filters.riskFlag) query.risk_flag = filters.riskFlag;
  if (filters.tag) query.tag = filters.tag;
  if (filters.expiringWithinDays) query.expiring_within_days = filters.expiringWithinDays;
  if (filters.referralKind) query.referral_kind = filters.referralKind;
  if (filters.archived) query.archived = 'only';
  if (filters.scanState) query.scan_state = filters.scanState;
  return query;
}

/** The grid query right now, for actions that read it on click instead of re-rendering on every change. */
export function currentLeadQuery(): LeadQuery {
  const { filters, sort } = usePrefs.getState();
  return toLeadQuery(filters, sort);
}

export function activeFilterCount(filters: LeadFilters): number {
  const query = toLeadQuery(filters, DEFAULT_SORT);
  return Object.keys(query).length - 2; // sort and order are always there
}
