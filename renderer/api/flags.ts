import type { FlagName } from '../../shared/flags';
import { useApiQuery, useHunterEvent } from './hooks';
import { useEffect, useState } from 'react';

/** Whether a feature flag is on, following live changes (a screen appears or disappears without a restart). */
export function useFlag(name: FlagName): boolean {
  const listed = useApiQuery('flags.list', {});
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (listed.data) setOn(listed.data.some((flag) => flag.name === name && flag.on));
  }, [listed.data, name]);
  useHunterEvent('flags.changed', (flags) => setOn(flags.some((flag) => flag.name === name && flag.on)));
  return on;
}
