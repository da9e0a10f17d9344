// Leads the rep just asked to scan one by one (a lead added by hand): their row shows "scanning" until it is stored.
import { create } from 'zustand';

interface ScanningLeadsState {
  domains: ReadonlySet<string>;
  start: (domain: string) => void;
  finish: (domain: string) => void;
}

export const useScanningLeads = create<ScanningLeadsState>((set) => ({
  domains: new Set(),
  start: (domain) => set((state) => ({ domains: new Set(state.domains).add(domain) })),
  finish: (domain) =>
    set((state) => {
      const domains = new Set(state.domains);
      domains.delete(domain);
      return { domains };
    }),
}));
