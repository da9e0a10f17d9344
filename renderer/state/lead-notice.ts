// The one short-lived notice after archiving, restoring or deleting leads, with the way back when there is one.
import { create } from 'zustand';

export interface LeadNotice {
  /** an i18n key and its options, translated when shown: a language switch meanwhile changes the notice too */
  message: { key: string; options: Record<string, unknown> };
  /** undoes what the notice reports; absent when there is no way back (a delete) */
  undo?: () => Promise<unknown>;
  /** tells a newer notice from the one a timer was started for */
  id: number;
}

interface LeadNoticeState {
  notice: LeadNotice | null;
  show: (notice: Omit<LeadNotice, 'id'>) => void;
  dismiss: () => void;
}

let nextId = 1;

export const useLeadNotice = create<LeadNoticeState>((set) => ({
  notice: null,
  show: (notice) => set({ notice: { ...notice, id: nextId++ } }),
  dismiss: () => set({ notice: null }),
}));
