// Leads the rep just added by hand and that are scanned at once: their row shows "scanning" until the grid has
// re-read it. The grid re-reads on a throttle, so a stored scan can still show the row's old "not scanned" for a
// moment: "stored" keeps the row scanning until its status moves on.
import { create } from 'zustand';

type Phase = 'scanning' | 'stored';

interface ScanningLeadsState {
  phases: ReadonlyMap<string, Phase>;
  start: (domain: string) => void;
  stored: (domain: string) => void;
  forget: (domain: string) => void;
}

const withPhase = (phases: ReadonlyMap<string, Phase>, domain: string, phase: Phase | null) => {
  const next = new Map(phases);
  if (phase) next.set(domain, phase);
  else next.delete(domain);
  return { phases: next };
};

export const useScanningLeads = create<ScanningLeadsState>((set) => ({
  phases: new Map(),
  start: (domain) => set((state) => withPhase(state.phases, domain, 'scanning')),
  stored: (domain) => set((state) => withPhase(state.phases, domain, 'stored')),
  forget: (domain) => set((state) => withPhase(state.phases, domain, null)),
}));
