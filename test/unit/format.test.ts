import { describe, expect, it } from 'vitest';
import { createFormat } from '../../shared/format';

const tr = createFormat('tr-TR');
const en = createFormat('en-US');

describe('one format for the UI and the sales texts', () => {
  it('percent: %32 in Turkish, 32% in English', () => {
    expect(tr.percent(32)).toBe('%32');
    expect(en.percent(32)).toBe('32%');
  });

  it('duration: 20 dk 31 sn, without the dots of the Intl short units', () => {
    expect(tr.duration(20 * 60_000 + 31_000)).toBe('20 dk 31 sn');
    expect(tr.duration(3_900_000)).toBe('1 sa 5 dk');
    expect(tr.duration(42_400)).toBe('42 sn');
    expect(en.duration(20 * 60_000 + 31_000)).toBe('20 min 31 s');
    expect(tr.duration(-5)).toBe('0 sn');
  });

  it('money: 10,00 € in Turkish (amount, then symbol), €10.00 in English', () => {
    expect(tr.currency(10, 'EUR')).toBe('10,00 €');
    expect(tr.currency(10_000, 'EUR')).toBe('10.000,00 €');
    expect(tr.currency(425, 'TRY')).toBe('425,00 ₺');
    expect(en.currency(10, 'EUR')).toBe('€10.00');
    expect(tr.currency(null, 'EUR')).toBe('—');
    // a code Intl rejects is written as text, never an exception
    expect(tr.currency(5, 'EURO')).toBe('5,00 EURO');
  });

  it('dates: 29 Kasım 2026 22:53', () => {
    expect(tr.dateTime(new Date(2026, 10, 29, 22, 53))).toBe('29 Kasım 2026 22:53');
    expect(tr.dateTime('2026-11-29T08:05:00')).toBe('29 Kasım 2026 08:05');
    expect(en.dateTime(new Date(2026, 10, 29, 22, 53))).toBe('November 29, 2026 22:53');
    expect(tr.date('2026-11-29')).toBe('29 Kas 2026');
    expect(tr.dateTime('not a date')).toBe('');
  });

  it('relative time in the locale', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(tr.relative('2026-11-26T12:00:00Z', now)).toBe('3 gün önce');
    expect(en.relative('2026-11-26T12:00:00Z', now)).toBe('3 days ago');
  });
});
