// "Test servers": asks each DNS server in the field (saved or not) one question, as the scanner would, and shows
// per server whether and how fast it answered, or why it cannot be used.
import { useState } from 'react';
import { Badge, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DnsServerTest } from '../../../shared/dns-servers';
import { api } from '../../api/api';
import { useFormat } from '../../i18n';

export function DnsServerTestButton({ servers }: { servers: string[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [results, setResults] = useState<{ server: string; test: DnsServerTest }[]>([]);
  const [pending, setPending] = useState(false);

  async function run() {
    setPending(true);
    try {
      setResults(
        await Promise.all(
          servers.map(async (server) => ({ server, test: await api.invoke('settings.testDnsServer', { server }) })),
        ),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <Stack gap={4} data-testid="dns-test">
      <Group>
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => void run()}
          loading={pending}
          disabled={servers.length === 0}
          data-testid="dns-test-run"
        >
          {t('settings.dnsTest.run')}
        </Button>
      </Group>
      {results.map(({ server, test }) => (
        <Badge
          key={server}
          tt="none"
          variant="light"
          color={test.ok ? 'green' : 'red'}
          data-testid="dns-test-result"
          data-ok={test.ok}
        >
          {test.ok
            ? t('settings.dnsTest.ok', { server, ms: format.integer(test.rtt_ms) })
            : t(`settings.dnsTest.problems.${test.problem}`, { server, code: test.code ?? '' })}
        </Badge>
      ))}
    </Stack>
  );
}
