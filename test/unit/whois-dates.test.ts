import { describe, expect, it } from 'vitest';
import { parseRegistryDate } from '../../main/engine/whois/dates';

describe('parseRegistryDate', () => {
  it.each([
    ['2026-01-15T04:00:00Z', '2026-01-15'],
    ['2026-01-15T23:30:00+03:00', '2026-01-15'],
    ['2026-01-15 10:00:00 CLST', '2026-01-15'],
    ['2026/01/15', '2026-01-15'],
    ['2026-Jan-15', '2026-01-15'],
    ['2001-Feb-09.', '2001-02-09'],
    ['2001-feb-9', '2001-02-09'],
    ['15-Jan-2026', '2026-01-15'],
    ['15.01.2026', '2026-01-15'],
    ['5.1.2026', '2026-01-05'],
    ['20260115 #1234', '2026-01-15'],
    ['  2024-02-29  ', '2024-02-29'],
  ])('%s → %s', (input, expected) => {
    expect(parseRegistryDate(input)).toBe(expected);
  });

  it.each(['', 'before Aug-1996', '2025-02-29', '2026-13-01', '2026-Foo-01', '01/02/2026', '2026-01-155', 'n/a'])(
    'rejects %j',
    (input) => {
      expect(parseRegistryDate(input)).toBeNull();
    },
  );
});
