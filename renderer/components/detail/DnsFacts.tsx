// The DNS and WHOIS evidence behind the verdict, as a compact fact sheet.
import { providerLabel, useProviderLabels } from '../../api/provider-labels';
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Tri } from '../../../shared/domain';
import type { LeadDetail } from '../../../shared/leads';
import { useFormat } from '../../i18n';
import { EmptyState } from '../EmptyState';

/** SPF's RFC 7208 limit: more DNS-lookup terms than this makes the record fail (permerror). */
const SPF_LOOKUP_LIMIT = 10;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function List({ values }: { values: string[] | null | undefined }) {
  const { t } = useTranslation();
  if (values === null || values === undefined) return <span className="dim">{t('detail.dns.unknown')}</span>;
  if (!values.length) return <span className="dim">{t('detail.dns.none')}</span>;
  return (
    <span className="fact-list">
      {values.map((value) => (
        <span key={value} className="mono">
          {value}
        </span>
      ))}
    </span>
  );
}

/** why WHOIS is unknown, in words: rdap_http_503 and network_error_eproto keep their detail out of the key */
function whoisReasonText(reason: string | null, t: TFunction): string {
  if (!reason) return '';
  const http = /^rdap_http_(\d+)$/.exec(reason);
  const key = http ? 'rdap_http' : reason.startsWith('network_error') ? 'network_error' : reason;
  return t(`detail.whois.reasons.${key}`, { status: http?.[1], defaultValue: reason });
}

function Presence({ value }: { value: Tri }) {
  const { t } = useTranslation();
  const key = value === null ? 'unknown' : value ? 'present' : 'absent';
  return (
    <span className="tone-chip" data-tone={value === null ? 'gray' : value ? 'green' : 'red'}>
      {t(`detail.dns.${key}`)}
    </span>
  );
}

export function DnsFacts({ lead }: { lead: LeadDetail }) {
  const { t, i18n } = useTranslation();
  useProviderLabels();
  const format = useFormat();
  const { dns, whois } = lead;
  if (!dns && !whois) return <EmptyState title={t('detail.notScanned')} hint={t('detail.notScannedHint')} />;

  return (
    <div className="facts" data-testid="dns-facts">
      {dns && (
        <section aria-labelledby="facts-dns">
          <Text id="facts-dns" className="section-title">
            {t('detail.dns.title')}
          </Text>
          {dns.nxdomain && (
            <Text size="sm" className="text-bad">
              {t('detail.dns.nxdomain')}
            </Text>
          )}
          <dl className="fact-grid">
            <Fact label="MX">
              <List values={dns.mx_records} />
            </Fact>
            <Fact label={t('detail.dns.provider')}>
              {lead.provider ? providerLabel(lead.provider, i18n.language === 'en' ? 'en' : 'tr') : '—'}
              {lead.local_provider && <span className="dim"> · {lead.local_provider}</span>}
            </Fact>
            <Fact label="SPF">
              <Presence value={dns.spf.present} />
              {dns.spf.lookup_count !== null && (
                <span className="num" data-warn={dns.spf.lookup_count > SPF_LOOKUP_LIMIT || undefined}>
                  {' '}
                  {t('detail.dns.lookups', { count: dns.spf.lookup_count })}
                </span>
              )}
              {dns.spf.error && (
                <span className="tone-chip" data-tone="red">
                  {t(`detail.dns.spfErrors.${dns.spf.error}`, { defaultValue: dns.spf.error })}
                </span>
              )}
              {dns.spf.record && <code className="record">{dns.spf.record}</code>}
            </Fact>
            <Fact label="DKIM">
              <Presence value={dns.dkim.present} />
              {dns.dkim.selectors.length > 0 && (
                <span className="fact-list">
                  {dns.dkim.selectors.map((hit) => (
                    <span key={hit.selector} className="mono">
                      {hit.selector}
                      {hit.cname && <span className="dim"> → {hit.cname}</span>}
                    </span>
                  ))}
                </span>
              )}
            </Fact>
            <Fact label={t('detail.dns.tenant')}>{dns.dkim.tenant_name ?? lead.tenant_name ?? '—'}</Fact>
            <Fact label="DMARC">
              <Presence value={dns.dmarc.present} />
              {dns.dmarc.policy && <span> p={dns.dmarc.policy}</span>}
              {dns.dmarc.pct !== null && <span className="num"> pct={dns.dmarc.pct}</span>}
              {dns.dmarc.record && <code className="record">{dns.dmarc.record}</code>}
            </Fact>
            <Fact label="NS">
              <List values={dns.ns} />
            </Fact>
            {dns.unknown_checks.length > 0 && (
              <Fact label={t('detail.dns.unknownChecks')}>
                {dns.unknown_checks.map((check) => t(`detail.dns.checks.${check}`, { defaultValue: check })).join(', ')}
              </Fact>
            )}
          </dl>
        </section>
      )}
      {whois && (
        <section aria-labelledby="facts-whois">
          <Text id="facts-whois" className="section-title">
            WHOIS
          </Text>
          {whois.status === 'ok' ? (
            <dl className="fact-grid">
              <Fact label={t('detail.whois.registrar')}>{whois.registrar ?? '—'}</Fact>
              <Fact label={t('detail.whois.created')}>{format.date(whois.created_at) || '—'}</Fact>
              <Fact label={t('detail.whois.expires')}>
                {whois.expires_at ? `${format.date(whois.expires_at)} (${format.relative(whois.expires_at)})` : '—'}
              </Fact>
              <Fact label={t('detail.whois.source')}>{whois.source?.toUpperCase() ?? '—'}</Fact>
            </dl>
          ) : (
            <Text size="sm" c="dimmed">
              {t(`detail.whois.${whois.status}`, { reason: whoisReasonText(whois.reason, t) })}
            </Text>
          )}
        </section>
      )}
    </div>
  );
}
