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

describe('scoring truth table (reference rules as shipped, MX present)', () => {
  it('has all 160 provider × SPF × DKIM × DMARC combinations', () => {
    expect(rows).toHaveLength(160);
  });

  it.each(rows.map((r) => [`${r.provider} spf=${r.spf} dkim=${r.dkim} dmarc=${r.dmarc_policy || '-'}`, r]))(
    '%s',
    (_name, row) => {
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
