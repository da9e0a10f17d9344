// App-wide bulk scan status: progress with counts, rate and ETA, Cancel while running, Resume for a job
// left unfinished by a previous session. Scans start only from explicit buttons, never from here.
import { Button, CloseButton, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { scanActions, useScanJob, useScanJobFeed } from '../../api/scan-job';
import { useFormat } from '../../i18n';
import { ErrorNotice } from '../ErrorNotice';

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
    <section className="scan-bar" aria-label={t('scan.label')} data-testid="scan-progress" data-state={job.state}>
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
          color={job.state === 'error' ? 'red' : job.state === 'done' ? 'green' : 'indigo'}
          aria-label={t('scan.progressLabel')}
          data-testid="scan-progress-bar"
        />
        <Text size="sm" className="num scan-counts" data-testid="scan-counts">
          {t('scan.counts', { done: format.integer(job.done), total: format.integer(job.total) })}
          {job.failed > 0 && <> · {t('scan.failed', { count: job.failed, formatted: format.integer(job.failed) })}</>}
        </Text>
        {job.state === 'running' && (
          <Text size="sm" c="dimmed" className="num">
            {t('scan.rate', { rate: format.decimal(job.rate_per_s) })}
            {job.eta_ms !== null && <> · {t('scan.eta', { eta: format.duration(job.eta_ms) })}</>}
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
        {finished && <CloseButton size="sm" aria-label={t('common.dismiss')} onClick={dismiss} />}
      </Group>
    </section>
  );
}
