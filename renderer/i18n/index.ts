import type { Lang } from '../../shared/lang';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import tr from './tr.json';
import en from './en.json';
import type { ApiError } from '../api/api';

export type Language = Lang;

export const LOCALES: Record<Language, string> = { tr: 'tr-TR', en: 'en-US' };

void i18n.use(initReactI18next).init({
  resources: { tr: { translation: tr }, en: { translation: en } },
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

/** Intl formatters for the active language; numbers and dates never go through string concatenation. */
export function useFormat(): Format {
  const { i18n: instance } = useTranslation();
  return formatFor(LOCALES[instance.language === 'en' ? 'en' : 'tr']);
}

// Intl constructors are slow (a few ms each): one set per locale for the whole app, not one per component
const formats = new Map<string, Format>();

function formatFor(locale: string): Format {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = createFormat(locale)));
  return format;
}

function createFormat(locale: string) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const parse = (value: string) => {
    // WHOIS dates are bare YYYY-MM-DD: read them as calendar days, not UTC midnights
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  };
  return {
    locale,
    integer: (value: number) => integer.format(value),
    decimal: (value: number) => decimal.format(value),
    date: (value: string | null) => {
      const parsed = value ? parse(value) : null;
      return parsed ? date.format(parsed) : '';
    },
    dateTime: (value: string | null) => {
      const parsed = value ? parse(value) : null;
      return parsed ? dateTime.format(parsed) : '';
    },
    /** "3 days ago" / "in 2 months", picking the largest sensible unit */
    relative: (value: string | null) => {
      const parsed = value ? parse(value) : null;
      if (!parsed) return '';
      const seconds = (parsed.getTime() - Date.now()) / 1000;
      const units: [Intl.RelativeTimeFormatUnit, number][] = [
        ['year', 31_536_000],
        ['month', 2_592_000],
        ['day', 86_400],
        ['hour', 3_600],
        ['minute', 60],
      ];
      for (const [unit, size] of units) {
        if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
      }
      return relative.format(0, 'minute');
    },
    currency: (value: number | null, currency: string) => {
      if (value === null) return '—';
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
      } catch {
        return `${decimal.format(value)} ${currency}`; // an unknown ISO code must not break the panel
      }
    },
    /** milliseconds as "1 h 5 min" / "42 s" */
    duration: (ms: number) => {
      const seconds = Math.max(0, Math.round(ms / 1000));
      const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
        new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
      if (seconds >= 3600)
        return `${unit(Math.floor(seconds / 3600), 'hour')} ${unit(Math.floor((seconds % 3600) / 60), 'minute')}`;
      if (seconds >= 60) return `${unit(Math.floor(seconds / 60), 'minute')} ${unit(seconds % 60, 'second')}`;
      return unit(seconds, 'second');
    },
  };
}

export type Format = ReturnType<typeof createFormat>;

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
