import type { FlagName } from '../../shared/flags';
import { useFlags } from '../state/flags-context';

/** Whether a feature flag is on, following live changes (a screen appears or disappears without a restart). */
export function useFlag(name: FlagName): boolean {
  return useFlags().isOn(name);
}
