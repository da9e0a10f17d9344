// "Why this score": every rule that fired as a diverging bar (points added to the right, removed to the
// left) between the base and the final, clamped total.
import { Alert, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScoreBreakdown } from '../../../shared/domain';

export function ScoreBreakdownChart({ breakdown }: { breakdown: ScoreBreakdown }) {
  const { t } = useTranslation();
  /** spf → SPF: the check names are the record names a rep knows */
  const checkNames = (checks: string[]) =>
    checks.map((check) => t(`detail.dns.checks.${check}`, { defaultValue: check.toUpperCase() })).join(', ');
  // a rule worth 0 points changes nothing, and next to the same rule's penalty (rules.json has dmarc_none in both
  // its signal and risk tables) it read as a contradiction
  const items = breakdown.items.filter((item) => item.points !== 0);
  const scale = Math.max(1, ...items.map((item) => Math.abs(item.points)));
  const signed = (points: number) => (points > 0 ? `+${points}` : String(points));

  return (
    <div className="breakdown" data-testid="score-breakdown">
      <Group justify="space-between" className="breakdown-edge">
        <Text size="sm" c="dimmed">
          {t('detail.breakdown.base')}
        </Text>
        <Text size="sm" className="num" fw={600}>
          {breakdown.base}
        </Text>
      </Group>
      <ul className="breakdown-list" aria-label={t('detail.breakdown.rules')}>
        {items.map((item, index) => (
          <li key={`${item.rule}-${index}`} className="breakdown-item" data-testid={`breakdown-${item.rule}`}>
            <span className="breakdown-reason" title={item.rule}>
              {/* the rule's own label is English: each language names the rule in its strings */}
              {t(`detail.breakdown.reasons.${item.rule}`, { defaultValue: item.reason })}
            </span>
            <span className="breakdown-track" aria-hidden="true">
              <span className="breakdown-half negative">
                {item.points < 0 && (
                  <span
                    className="breakdown-bar"
                    data-sign="negative"
                    style={{ width: `${(Math.abs(item.points) / scale) * 100}%` }}
                  />
                )}
              </span>
              <span className="breakdown-half positive">
                {item.points > 0 && (
                  <span
                    className="breakdown-bar"
                    data-sign="positive"
                    style={{ width: `${(item.points / scale) * 100}%` }}
                  />
                )}
              </span>
            </span>
            <span className="breakdown-points num" data-sign={item.points < 0 ? 'negative' : 'positive'}>
              {signed(item.points)}
            </span>
          </li>
        ))}
      </ul>
      {breakdown.raw_total !== breakdown.total && (
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('detail.breakdown.raw')}
          </Text>
          <Text size="xs" className="num" c="dimmed">
            {breakdown.raw_total}
          </Text>
        </Group>
      )}
      <Group justify="space-between" className="breakdown-edge total">
        <Text size="sm" fw={700}>
          {t('detail.breakdown.total')}
        </Text>
        <Text size="lg" className="num" fw={800} data-testid="breakdown-total">
          {breakdown.total}
        </Text>
      </Group>
      {breakdown.carried_over && (
        <Text size="xs" c="dimmed" data-testid="breakdown-carried-over">
          {t('detail.breakdown.carriedOver', { checks: checkNames(breakdown.carried_over) })}
        </Text>
      )}
      {breakdown.left_out && (
        <Text size="xs" c="dimmed" data-testid="breakdown-left-out">
          {t('detail.breakdown.leftOut', { checks: checkNames(breakdown.left_out) })}
        </Text>
      )}
      {breakdown.hard_fail && (
        <Alert color="red" variant="light" p="xs">
          <Text size="sm">
            {t('detail.breakdown.hardFail', {
              rule: t(`detail.breakdown.hardFailRules.${breakdown.hard_fail_rule ?? ''}`, {
                defaultValue: breakdown.hard_fail,
              }),
            })}
          </Text>
        </Alert>
      )}
    </div>
  );
}
