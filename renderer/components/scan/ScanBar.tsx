// App-wide bulk scan status: progress with counts, rate and ETA, Cancel while running, Resume for a job
// left unfinished by a previous session. Scans start only from explicit buttons, never from here. When many domains
// fail the bar turns amber or red and says why in words; a finished job with failures offers "Rescan failed".
import { Button, CloseButton, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScanJobStatus } from '../../../shared/scan-jobs';
import { scanActions, useScanJob, useScanJobFeed } from '../../api/scan-job';
import { useFormat } from '../../i18n';
import { useSession } from '../../state/ui-store';
import { ErrorNotice } from '../ErrorNotice';

const HEALTH_COLORS = { ok: null, warn: 'orange', bad: 'red' } as const;

function barColor(job: ScanJobStatus): string {
  if (job.state === 'error') return 'red';
  return HEALTH_COLORS[job.health] ?? (job.state === 'done' ? 'green' : 'indigo');
}

export function ScanBar() {
  useScanJobFeed();
  const { t } = useTranslation();
  const format = useFormat();
  const { job, error, pending, dismissed, dismiss } = useScanJob();

  if (error)
    return (
      <Group className="scan-bar" gap="xs" wrap="nowrap">
        <div className="grow">
          <ErrorNotice error={error} compact />
        </div>
        <CloseButton size="sm" aria-label={t('common.dismiss')} onClick={dismiss} />
      </Group>
    );
  if (!job || dismissed === job.job_id) return null;

  const percent = job.total ? (job.done / job.total) * 100 : 0;
  const finished = job.state === 'done' || job.state === 'cancelled' || job.state === 'error';

  return (
    <section
      className="scan-bar"
      aria-label={t('scan.label')}
      data-testid="scan-progress"
      data-state={job.state}
      data-health={job.health}
    >
      <Group gap="md" wrap="nowrap">
        <Text size="sm" fw={600} className="scan-state">
          {t(`scan.state.${job.state}`)}
        </Text>
        <Progress
          value={percent}
          size="lg"
          radius="xl"
          className="scan-progress"
          animated={job.state === 'running'}
          color={barColor(job)}
          aria-label={t('scan.progressLabel')}
          data-testid="scan-progress-bar"
        />
        <Text size="sm" className="num scan-counts" data-testid="scan-counts">
          {t('scan.counts', { done: format.integer(job.done), total: format.integer(job.total) })}
          {job.failed > 0 && <> · {t('scan.failed', { count: job.failed, formatted: format.integer(job.failed) })}</>}
        </Text>
        {job.state === 'running' && (
          <Text size="sm" c="dimmed" className="num scan-eta" data-testid="scan-eta">
            {job.eta_ms === null ? (
              t('scanHealth.estimating')
            ) : (
              <>
                {t('scan.rate', { rate: format.decimal(job.rate_per_s) })} ·{' '}
                {t('scan.eta', { eta: format.duration(job.eta_ms) })}
              </>
            )}
          </Text>
        )}
        {(job.state === 'running' || job.state === 'paused') && (
          <Button
            size="compact-sm"
            variant="default"
            loading={pending}
            onClick={() => scanActions.cancel(job.job_id)}
            data-testid="scan-cancel"
          >
            {t('scan.cancel')}
          </Button>
        )}
        {job.state === 'paused' && (
          <Button
            size="compact-sm"
            loading={pending}
            onClick={() => scanActions.resume(job.job_id)}
            data-testid="scan-resume"
          >
            {t('scan.resume')}
          </Button>
        )}
        {finished && job.failed > 0 && (
          <Button
            size="compact-sm"
            variant="default"
            loading={pending}
            onClick={() => scanActions.rescanFailed(job.job_id)}
            data-testid="scan-rescan-failed"
          >
            {t('scanHealth.rescanFailed', { formatted: format.integer(job.failed) })}
          </Button>
        )}
        {finished && <CloseButton size="sm" aria-label={t('common.dismiss')} onClick={dismiss} />}
      </Group>
      <FailureReason job={job} />
    </section>
  );
}

/** The main reason domains fail, in words, once the job's health is not ok. */
function FailureReason({ job }: { job: ScanJobStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  const setScreen = useSession((state) => state.setScreen);
  const main = job.failures[0];
  if (job.health === 'ok' || !main) return null;
  return (
    <Group gap="xs" wrap="nowrap" mt={6} role="status" data-testid="scan-health-reason" data-cause={main.cause}>
      {/* the colour is the dot's and the bar's: orange text on white would be too faint to read */}
      <span className="scan-reason-dot" style={{ background: `var(--mantine-color-${barColor(job)}-filled)` }} />
      <Text size="sm" fw={500}>
        {t(`scanHealth.reason.${main.cause}`, {
          failed: format.integer(main.count),
          done: format.integer(job.done),
          // "6 of 6" reads like a sum: when every domain failed, say so
          context: main.count === job.done ? 'all' : undefined,
        })}
      </Text>
      {main.cause === 'dns_no_answer' && (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setScreen('settings')}
          data-testid="scan-open-settings"
        >
          {t('scanHealth.openSettings')}
        </Button>
      )}
    </Group>
  );
}
