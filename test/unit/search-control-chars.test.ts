import { describe, expect, it } from 'vitest';
import { searchWords } from '../../main/store/lead-filters';
import { LeadQuerySchema } from '../../shared/leads';
import { withoutControlChars } from '../../shared/text';

describe('control characters in a search', () => {
  it('drops NUL, BEL, DEL and the C1 controls, keeping letters, Turkish ones included, and spaces', () => {
    expect(withoutControlChars('\u0000abc\u0007')).toBe('abc');
    expect(withoutControlChars('İş\u007f\u0085\u009fçi a\u001bb')).toBe('İşçi ab');
    expect(withoutControlChars('a\tb\nc')).toBe('a\tb\nc');
  });

  it('the query schema accepts such a search and hands on the text without them', () => {
    const parsed = LeadQuerySchema.safeParse({ search: '\u0000abc\u0007' });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.search).toBe('abc');
    expect(LeadQuerySchema.parse({ search: '\u0000\u0001' }).search).toBe('');
  });

  it('the store reads the words without them too, for callers that skip the schema', () => {
    expect(searchWords('\u0000ana\u0007dolu ab\u0000').all).toEqual(['anadolu', 'ab']);
    expect(searchWords('\u0000').all).toEqual([]);
  });
});
