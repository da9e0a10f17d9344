// The rep's pre-call brief: one-liner, call script, discovery questions, offer, potential, urgency, next step.
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesSummary } from '../../../shared/sales-summary';
import { useFormat } from '../../i18n';
import { useSettings } from '../../state/settings-context';
import { scoreTone } from '../LeadBadges';

const LEVEL_TONES: Record<string, string> = { high: 'red', medium: 'orange', low: 'gray' };

function Section({
  title,
  action,
  children,
  testId,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="summary-section" data-testid={testId}>
      <Group justify="space-between" gap="xs" mb={4}>
        <Text className="section-title">{title}</Text>
        {action}
      </Group>
      {children}
    </section>
  );
}

/** Renders the contract's **bold** markdown (segment and provider texts) without injecting HTML. */
function BoldText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(\*\*[^*]+\*\*)/)
        .map((part, index) =>
          part.startsWith('**') && part.endsWith('**') ? <strong key={index}>{part.slice(2, -2)}</strong> : part,
        )}
    </>
  );
}

export function SalesSummaryView({ summary }: { summary: SalesSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { settings } = useSettings();
  const clipboard = useClipboard({ timeout: 1500 });
  const currency = summary.offer_tier.currency ?? settings?.currency ?? 'TRY';
  const offer = summary.offer_tier;
  const security = summary.security_reasoning;
  const prices: [string, number | null][] = [
    ['pricePerUser', offer.price_per_user_per_month],
    ['migrationFee', offer.migration_fee],
    ['defenderPrice', offer.defender_price_per_user_per_month],
    ['consultingFee', offer.consulting_fee],
  ];

  return (
    <Stack gap="md" data-testid="sales-summary">
      <Text className="one-liner" data-testid="summary-one-liner">
        {summary.one_liner}
      </Text>

      <Group gap="xs" className="summary-pills">
        <span className="tone-chip" data-tone={LEVEL_TONES[summary.urgency]}>
          {t('detail.summary.urgency')}: {t(`levels.${summary.urgency}`)}
        </span>
        {security && (
          <span className="tone-chip" data-tone={LEVEL_TONES[security.risk_level]}>
            {t('detail.summary.risk')}: {t(`levels.${security.risk_level}`)}
          </span>
        )}
      </Group>

      <Section title={t('detail.summary.nextStep')} testId="summary-next-step">
        <div className="next-step">
          <Group gap="xs">
            <span className="tone-badge" data-tone="indigo">
              {t(`nextStep.actions.${summary.next_step.action}`)}
            </span>
            <Text size="sm" fw={600}>
              {t(`nextStep.timelines.${summary.next_step.timeline}`)}
            </Text>
            <span className="tone-chip" data-tone={LEVEL_TONES[summary.next_step.priority]}>
              {t(`levels.${summary.next_step.priority}`)}
            </span>
          </Group>
          <Text size="sm" mt={4}>
            {summary.next_step.message}
          </Text>
          {summary.next_step.internal_note && (
            <Text size="xs" c="dimmed" mt={2}>
              {t('detail.summary.internalNote')}: {summary.next_step.internal_note}
            </Text>
          )}
        </div>
      </Section>

      <Section
        title={t('detail.summary.callScript')}
        testId="summary-call-script"
        action={
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => clipboard.copy(summary.call_script.join('\n'))}
            data-testid="copy-call-script"
          >
            {clipboard.copied ? t('common.copied') : t('detail.copyScript')}
          </Button>
        }
      >
        <ol className="script-list">
          {summary.call_script.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ol>
      </Section>

      <Section title={t('detail.summary.questions')}>
        <ul className="question-list">
          {summary.discovery_questions.map((question, index) => (
            <li key={index}>{question}</li>
          ))}
        </ul>
      </Section>

      <Section title={t('detail.summary.offer')} testId="summary-offer">
        <Group gap="xs" mb={4}>
          <span className="tone-badge" data-tone="blue">
            {offer.tier}
          </span>
          <Text size="sm">{offer.license}</Text>
        </Group>
        <dl className="price-grid">
          {prices.map(([key, value]) => (
            <div key={key}>
              <dt>{t(`offer.${key}`)}</dt>
              <dd className="num">{format.currency(value, currency)}</dd>
            </div>
          ))}
        </dl>
        <Text size="sm" mt={6}>
          {offer.recommendation}
        </Text>
      </Section>

      <Section title={t('detail.summary.potential')} testId="summary-potential">
        <Group gap="sm" wrap="nowrap" mb={6}>
          <Text className="num potential-value" fw={800}>
            {summary.opportunity_potential}
          </Text>
          <Progress
            value={summary.opportunity_potential}
            color={scoreTone(summary.opportunity_potential)}
            className="grow"
            aria-label={t('detail.summary.potential')}
          />
        </Group>
        <Text size="sm" mb={6}>
          {summary.opportunity_rationale.summary}
        </Text>
        <table className="factor-table">
          <caption className="visually-hidden">{t('detail.summary.factors')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('detail.summary.factor')}</th>
              <th scope="col" className="num">
                {t('detail.summary.weight')}
              </th>
              <th scope="col">{t('detail.summary.factorScore')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.opportunity_rationale.factors.map((factor) => (
              <tr key={factor.name}>
                <td>
                  <div>{t(`detail.summary.factorNames.${factor.name}`, { defaultValue: factor.name })}</div>
                  <div className="dim small">{factor.comment}</div>
                </td>
                <td className="num">{format.decimal(factor.weight)}</td>
                <td>
                  <span className="score-cell wide">
                    <span className="score-track" aria-hidden="true">
                      <span
                        className="score-fill"
                        data-tone={scoreTone(factor.score)}
                        style={{ width: `${Math.min(100, factor.score)}%` }}
                      />
                    </span>
                    <span className="num">{format.integer(factor.score)}</span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {summary.opportunity_rationale.tuning_factor !== 1 && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('detail.summary.tuning', { value: format.decimal(summary.opportunity_rationale.tuning_factor) })}
          </Text>
        )}
      </Section>

      <Section title={t('detail.summary.why')}>
        <Text size="sm">
          <BoldText text={summary.segment_explanation} />
        </Text>
        <Text size="sm" mt={4}>
          <BoldText text={summary.provider_reasoning} />
        </Text>
      </Section>

      <Section title={t('detail.summary.security')} testId="summary-security">
        {security ? (
          <>
            <Text size="sm">{security.summary}</Text>
            {security.details.length > 0 && (
              <ul className="question-list">
                {security.details.map((detail, index) => (
                  <li key={index}>{detail}</li>
                ))}
              </ul>
            )}
            <Text size="sm" mt={4}>
              <strong>{t('detail.summary.salesAngle')}:</strong> {security.sales_angle}
            </Text>
            <Text size="sm">
              <strong>{t('detail.summary.recommended')}:</strong> {security.recommended_action}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('detail.summary.noSecurity')}
          </Text>
        )}
      </Section>
    </Stack>
  );
}
