import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DmarcPolicy } from '../../shared/domain';
import { loadConfig } from '../../main/config/load';
import { scoreLead } from '../../main/engine/scoring/score';

const rules = loadConfig(join(import.meta.dirname, '../../resources')).rules;

const [header, ...lines] = readFileSync(join(import.meta.dirname, '../fixtures/scoring-truth-table.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .map((line) => line.split(','));
const rows = lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));

/**
 * The one deliberate departure from the reference rules (README, "Scoring truth table"): a self-hosted lead in the
 * Cold segment is nurtured like any other Cold lead (P5, or P6 under 20 points) instead of being a "P1 High
 * Potential Greenfield" whose own summary says long-term follow-up.
 */
function expectedRow(row: Record<string, string>): Record<string, string> {
  if (row.provider !== 'Local' || row.segment !== 'Cold') return row;
  const lowIntent = Number(row.readiness_score) >= 20;
  return {
    ...row,
    commercial_segment: lowIntent ? 'LOW_INTENT' : 'NO_GO',
    commercial_heat: 'LOW',
    priority_category: lowIntent ? 'P5' : 'P6',
    priority_label: lowIntent ? 'Low Intent / Long Nurturing' : 'No-Go / Archive',
  };
}

describe('scoring truth table (reference rules, MX present)', () => {
  it('has all 160 provider × SPF × DKIM × DMARC combinations', () => {
    expect(rows).toHaveLength(160);
  });

  it.each(rows.map((r) => [`${r.provider} spf=${r.spf} dkim=${r.dkim} dmarc=${r.dmarc_policy || '-'}`, r]))(
    '%s',
    (_name, reference) => {
      const row = expectedRow(reference);
      const policy = (row.dmarc_policy || null) as DmarcPolicy | null;
      const verdict = scoreLead(
        {
          provider: row.provider,
          mx_records: ['mx1.example.com'],
          spf: row.spf === 'True',
          dkim: row.dkim === 'True',
          dmarc_policy: policy,
          dmarc_pct: policy ? 100 : null,
          spf_lookup_count: null,
          spf_include_count: null,
          spf_multiple_records: false,
          expires_in_days: null,
        },
        rules,
      );
      expect({
        readiness_score: String(verdict.readiness_score),
        segment: verdict.segment,
        priority_score: String(verdict.priority_score),
        technical_heat: verdict.technical_heat,
        commercial_segment: verdict.commercial_segment,
        commercial_heat: verdict.commercial_heat,
        priority_category: verdict.priority_category,
        priority_label: verdict.priority_label,
      }).toEqual({
        readiness_score: row.readiness_score,
        segment: row.segment,
        priority_score: row.priority_score,
        technical_heat: row.technical_heat,
        commercial_segment: row.commercial_segment,
        commercial_heat: row.commercial_heat,
        priority_category: row.priority_category,
        priority_label: row.priority_label,
      });
    },
  );
});

describe('priority story over the whole truth table', () => {
  it('no Cold or Skip lead is P1 or P2: the top buckets are Migration leads only', () => {
    for (const row of rows.map(expectedRow)) {
      if (row.priority_category === 'P1' || row.priority_category === 'P2') expect(row.segment).toBe('Migration');
    }
  });

  it('a self-hosted Cold lead scored 20-50 is P5, below every Migration lead of the table', () => {
    const local = rows.map(expectedRow).filter((r) => r.provider === 'Local' && r.segment === 'Cold');
    expect(local.length).toBeGreaterThan(0);
    for (const row of local) expect(['P5', 'P6']).toContain(row.priority_category);
  });
});
