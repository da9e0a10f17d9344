import { describe, expect, it } from 'vitest';
import { ftsQuery, pageMode, providersContaining, searchWords } from '../../main/store/lead-filters';

describe('searchWords', () => {
  it('folds Turkish text and splits words the trigram index can and cannot answer (by code points)', () => {
    expect(searchWords('  İSTANBUL Iğdır  şğü iş a.Ş ')).toEqual({
      all: ['istanbul', 'igdir', 'sgu', 'is', 'a.s'],
      long: ['istanbul', 'igdir', 'sgu', 'a.s'],
      short: ['is'],
    });
    expect(searchWords(undefined)).toEqual({ all: [], long: [], short: [] });
  });
});

describe('ftsQuery', () => {
  it('quotes every word as a phrase, so query syntax in the search box is plain text', () => {
    expect(ftsQuery(['a.s', 'x"y', 'OR', '*'])).toBe('"a.s" "x""y" "OR" "*"');
  });
});

describe('providersContaining', () => {
  it('matches the folded provider name the lead text carries', () => {
    expect(providersContaining('goo', ['Google', 'M365', 'Yandex'])).toEqual(['Google']);
    expect(providersContaining('m365', ['Google', 'M365'])).toEqual(['M365']);
    expect(providersContaining('ankara', ['Google', 'M365'])).toEqual([]);
  });
});

describe('pageMode', () => {
  it('walks the sort index while matches are dense and reads the few matches of a rare word', () => {
    expect(pageMode({ search: 'ab' }, 10, 100_000, 150)).toBe('walk'); // nothing for the index to answer
    expect(pageMode({}, 100_000, 100_000, 150)).toBe('walk');
    expect(pageMode({ search: 'a.ş', sort: 'scanned_at' }, 100_000, 100_000, 150)).toBe('walk');
    expect(pageMode({ search: 'anadolu', sort: 'scanned_at' }, 8_000, 100_000, 150)).toBe('walk');
    expect(pageMode({ search: 'ankara-gida-1', sort: 'scanned_at' }, 120, 100_000, 150)).toBe('matched');
    expect(pageMode({ search: 'nothing' }, 0, 100_000, 150)).toBe('matched');
  });

  it('expects a searched word to come in one clump along the domain, company or provider order', () => {
    expect(pageMode({ search: 'anadolu', sort: 'domain' }, 8_000, 100_000, 150)).toBe('matched');
    expect(pageMode({ search: 'a.ş', sort: 'company_name' }, 100_000, 100_000, 150)).toBe('walk');
  });
});
