import { describe, expect, it } from 'vitest';
import { leadLine, terminalSafe } from '../../main/cli/format';
import type { LeadRow } from '../../shared/leads';

const ESC = '\x1b';

describe('CLI output of stored text', () => {
  it.each([
    [`${ESC}[31mRed${ESC}[0m Ltd`, 'Red Ltd'],
    [`${ESC}]0;pwned${ESC}\\Acme`, 'Acme'],
    [`${ESC}]8;;https://evil.test\x07click${ESC}]8;;\x07`, 'click'],
    [`Acme${ESC}[2J${ESC}[H`, 'Acme'],
    [`\x9b31mC1 CSI`, 'C1 CSI'],
    [`${ESC}P1;2|secret${ESC}\\ok`, 'ok'],
    [`two\nlines\tand\rcr`, 'two lines and cr'],
    ['bell\x07 nul\x00 del\x7f', 'bell\ufffd nul\ufffd del\ufffd'],
    ['\u202eevil\u202c', 'evil'],
    ['Çağ Bilişim A.Ş.', 'Çağ Bilişim A.Ş.'],
  ])('prints %j as %j', (stored, shown) => {
    expect(terminalSafe(stored)).toBe(shown);
  });

  it('keeps newlines and tabs in multi-line text, and still strips sequences there', () => {
    expect(terminalSafe(`a\r\n\tb${ESC}[1mc\x08`, true)).toBe('a\n\tbc\ufffd');
  });

  it('never lets a company name from an import reach the terminal raw in lead lines', () => {
    const row = {
      domain: 'a.com',
      domain_display: 'a.com',
      company_name: `${ESC}]0;title${ESC}\\${ESC}[8mhidden`,
      provider: null,
      readiness_score: null,
      segment: null,
      priority_category: null,
      scan_status: 'pending',
    } as LeadRow;
    const line = leadLine(row);
    expect(
      [...line].filter((ch) => ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) < 0xa0)),
    ).toEqual([]);
    expect(line).toContain('hidden');
  });
});
