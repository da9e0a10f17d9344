// The one formatter for numbers, money, percentages, durations and dates, used by the UI and the sales texts alike,
// so a rep sees "%32", "20 dk 31 sn", "10,00 €" and "29 Kasım 2026 22:53" everywhere in Turkish mode.
// Plain Intl, no Node or DOM: the renderer bundle imports it too.

/** words for a duration's units; Intl's short Turkish units carry a dot ("dk.") that Turkish text does not use */
const DURATION_UNITS: Record<'tr' | 'en', { h: string; m: string; s: string }> = {
  tr: { h: 'sa', m: 'dk', s: 'sn' },
  en: { h: 'h', m: 'min', s: 's' },
};

export interface Format {
  locale: string;
  integer(value: number): string;
  decimal(value: number): string;
  /** a 0-100 value: "%32" (tr), "32%" (en) */
  percent(value: number): string;
  /** "10,00 €" (tr: amount then symbol), "€10.00" (en); an unknown currency code is written after the amount */
  currency(value: number | null, currency: string): string;
  /** milliseconds as "20 dk 31 sn" / "1 sa 5 dk" / "42 sn" (tr), "20 min 31 s" (en) */
  duration(ms: number): string;
  /** a calendar day, short month: "29 Kas 2026" */
  date(value: string | null): string;
  /** "29 Kasım 2026 22:53" */
  dateTime(value: string | Date | null): string;
  /** "3 gün önce" / "in 2 months", picking the largest sensible unit */
  relative(value: string | null, now?: number): string;
}

/** locale: a BCP 47 tag; Turkish conventions apply to any tr-* locale */
export function createFormat(locale: string): Format {
  const lang = locale.toLowerCase().startsWith('tr') ? 'tr' : 'en';
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const amount = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  // date and time formatted apart: ICU joins them with "," or "at" depending on version, Turkish text uses a space
  const longDate = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const currencies = new Map<string, Intl.NumberFormat | null>();
  const units = DURATION_UNITS[lang];

  const parse = (value: string | Date) => {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
    // WHOIS dates are bare YYYY-MM-DD: read them as calendar days, not UTC midnights
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  };
  const currencyFormat = (code: string) => {
    if (!currencies.has(code)) {
      try {
        currencies.set(code, new Intl.NumberFormat(locale, { style: 'currency', currency: code }));
      } catch {
        currencies.set(code, null); // not an ISO 4217 code: written as text after the amount
      }
    }
    return currencies.get(code) ?? null;
  };

  return {
    locale,
    integer: (value) => integer.format(value),
    decimal: (value) => decimal.format(value),
    percent: (value) => percent.format(value / 100),
    currency: (value, code) => {
      if (value === null) return '—';
      const f = currencyFormat(code);
      if (!f) return `${amount.format(value)} ${code}`;
      if (lang === 'en') return f.format(value);
      const symbol = f.formatToParts(value).find((part) => part.type === 'currency')?.value ?? code;
      return `${amount.format(value)} ${symbol}`;
    },
    duration: (ms) => {
      const seconds = Math.max(0, Math.round(ms / 1000));
      const h = Math.floor(seconds / 3600);
      const m = Math.floor((seconds % 3600) / 60);
      const s = seconds % 60;
      if (h > 0) return `${integer.format(h)} ${units.h} ${m} ${units.m}`;
      if (m > 0) return `${m} ${units.m} ${s} ${units.s}`;
      return `${s} ${units.s}`;
    },
    date: (value) => {
      const parsed = value ? parse(value) : null;
      return parsed ? date.format(parsed) : '';
    },
    dateTime: (value) => {
      const parsed = value ? parse(value) : null;
      return parsed ? `${longDate.format(parsed)} ${time.format(parsed)}` : '';
    },
    relative: (value, now = Date.now()) => {
      const parsed = value ? parse(value) : null;
      if (!parsed) return '';
      const seconds = (parsed.getTime() - now) / 1000;
      const steps: [Intl.RelativeTimeFormatUnit, number][] = [
        ['year', 31_536_000],
        ['month', 2_592_000],
        ['day', 86_400],
        ['hour', 3_600],
        ['minute', 60],
      ];
      for (const [unit, size] of steps) {
        if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
      }
      return relative.format(0, 'minute');
    },
  };
}

// Intl constructors are slow (a few ms each): one set per locale for the whole process
const formats = new Map<string, Format>();

export function formatFor(locale: string): Format {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = createFormat(locale)));
  return format;
}
