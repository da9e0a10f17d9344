import { useState } from 'react';
import type { FlagName, FlagState } from '../../shared/flags';
import { useApiQuery, useHunterEvent } from './hooks';

/** Whether a feature flag is on, following flags.changed live (screens appear or vanish without a restart). */
export function useFlag(name: FlagName): boolean {
  const initial = useApiQuery('flags.list', {});
  const [changed, setChanged] = useState<FlagState[] | null>(null);
  useHunterEvent('flags.changed', setChanged);
  return (changed ?? initial.data)?.find((f) => f.name === name)?.on ?? false;
}
