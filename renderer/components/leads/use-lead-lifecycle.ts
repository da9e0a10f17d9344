// Archive, restore and delete as every view offers them: the call, then a notice saying what happened (with Undo
// for an archive or a restore) and which domains had no lead any more.
import type { LeadLifecycleResult } from '../../../shared/leads';
import { api } from '../../api/api';
import { useApiAction } from '../../api/hooks';
import { useFormat } from '../../i18n';
import { useLeadNotice } from '../../state/lead-notice';

export interface LeadTarget {
  domains: string[];
  /** the lead's display form when there is one lead, named in the notice */
  name?: string;
}

export function useLeadLifecycle() {
  const format = useFormat();
  const show = useLeadNotice((state) => state.show);

  const describe = (key: 'archived' | 'restored' | 'deleted', target: LeadTarget, result: LeadLifecycleResult) => {
    const count = result.changed.length;
    return count === 1 && target.name
      ? { key: `leadLife.${key}One`, options: { domain: target.name } }
      : { key: `leadLife.${key}Count`, options: { count, formatted: format.integer(count) } };
  };

  const setArchived = async (target: LeadTarget, archived: boolean): Promise<LeadLifecycleResult> => {
    const result = await api.invoke('leads.archive', { domains: target.domains, archived });
    if (result.changed.length) {
      show({
        message: describe(archived ? 'archived' : 'restored', target, result),
        undo: () => api.invoke('leads.archive', { domains: result.changed, archived: !archived }),
      });
    }
    return result;
  };

  const archive = useApiAction(setArchived);
  const remove = useApiAction(async (target: LeadTarget): Promise<LeadLifecycleResult> => {
    const result = await api.invoke('leads.delete', { domains: target.domains });
    if (result.changed.length) show({ message: describe('deleted', target, result) });
    return result;
  });
  return { archive, remove };
}
