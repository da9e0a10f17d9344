// Settings are server data every screen needs (language, currency, company): loaded once, shared via context.
import type { Lang } from '../../shared/lang';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Settings, SettingsField, SettingsPatch } from '../../shared/settings';
import { api } from '../api/api';
import { toApiError } from '../api/hooks';
import type { ApiError } from '../api/api';
import { i18n } from '../i18n';

interface SettingsContextValue {
  settings: Settings | null;
  /** saved fields that were invalid and read as their default, until the next save stores the repaired whole */
  resetFields: SettingsField[];
  error: ApiError | null;
  /** saves a patch; throws ApiError so forms can show field errors */
  save: (patch: SettingsPatch) => Promise<Settings>;
  setLanguage: (language: Lang) => void;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [resetFields, setResetFields] = useState<SettingsField[]>([]);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    api
      .invoke('settings.get', {})
      .then(({ reset_fields, ...loaded }) => {
        setSettings(loaded);
        setResetFields(reset_fields);
        // switching re-renders every translated component: not for the language already showing
        if (loaded.language !== i18n.language) void i18n.changeLanguage(loaded.language);
      })
      .catch((caught: unknown) => setError(toApiError(caught)));
  }, []);

  const save = useCallback(async (patch: SettingsPatch) => {
    const saved = await api.invoke('settings.set', patch);
    setSettings(saved);
    setResetFields([]);
    if (saved.language !== i18n.language) void i18n.changeLanguage(saved.language);
    return saved;
  }, []);

  // switch the UI at once; persisting is best effort so the switch also works when main is unreachable
  const setLanguage = useCallback(
    (language: Lang) => {
      void i18n.changeLanguage(language);
      save({ language }).catch((caught: unknown) => setError(toApiError(caught)));
    },
    [save],
  );

  const value = useMemo(
    () => ({ settings, resetFields, error, save, setLanguage }),
    [settings, resetFields, error, save, setLanguage],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
