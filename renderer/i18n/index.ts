import type { Lang } from '../../shared/lang';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { I18N_RESOURCES } from './resources';
import type { ApiError } from '../api/api';
import { formatFor, type Format } from '../../shared/format';

export type Language = Lang;

export const LOCALES: Record<Language, string> = { tr: 'tr-TR', en: 'en-US' };

void i18n.use(initReactI18next).init({
  resources: I18N_RESOURCES,
  lng: 'tr',
  fallbackLng: 'tr',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'tr';
}

export { i18n };

/** Formatters for the active language (shared/format: the same module writes the sales texts). */
export function useFormat(): Format {
  const { i18n: instance } = useTranslation();
  return formatFor(LOCALES[instance.language === 'en' ? 'en' : 'tr']);
}

export type { Format };

/** The user-facing sentence for a failed call: chosen by error code, never the English message or a stack. */
export function useErrorText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (error: ApiError) => {
    const details = error.details as { reason?: unknown; limit?: unknown } | undefined;
    // an unreadable import file says which limit or defect, with the limit in the user's number format
    if (error.code === 'bad_file' && typeof details?.reason === 'string') {
      const limit = typeof details.limit === 'number' ? format.integer(details.limit) : '';
      return t(`errors.badFile.${details.reason}`, { limit, defaultValue: t('errors.bad_file') });
    }
    return t(`errors.${error.code}`, { defaultValue: t('errors.internal') });
  };
}
