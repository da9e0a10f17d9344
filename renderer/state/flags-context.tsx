// Feature flags are server data that decide which screens and panels exist: loaded once, kept current by the
// flags.changed event, so a switch in Settings (or the CLI) shows or hides them without a restart.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { FlagName, FlagState } from '../../shared/flags';
import { api } from '../api/api';
import { useHunterEvent } from '../api/hooks';

interface FlagsContextValue {
  flags: FlagState[];
  /** false until the flags are loaded: nothing flag-gated flashes in and out */
  isOn: (name: FlagName) => boolean;
  set: (name: FlagName, on: boolean) => Promise<void>;
}

const FlagsContext = createContext<FlagsContextValue | null>(null);

export function FlagsProvider({ children }: { children: ReactNode }) {
  const [flags, setFlags] = useState<FlagState[]>([]);
  useEffect(() => {
    api
      .invoke('flags.list', {})
      .then(setFlags)
      .catch(() => setFlags([]));
  }, []);
  useHunterEvent('flags.changed', setFlags);
  const set = useCallback(async (name: FlagName, on: boolean) => {
    setFlags(await api.invoke('flags.set', { name, on }));
  }, []);
  const value = useMemo(
    () => ({ flags, isOn: (name: FlagName) => flags.some((f) => f.name === name && f.on), set }),
    [flags, set],
  );
  return <FlagsContext.Provider value={value}>{children}</FlagsContext.Provider>;
}

export function useFlags(): FlagsContextValue {
  const value = useContext(FlagsContext);
  if (!value) throw new Error('useFlags outside FlagsProvider');
  return value;
}
