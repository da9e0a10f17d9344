// A part of the app that throws while rendering shows a friendly, localised notice in its place (with "Try again"),
// instead of React unmounting the whole window into a blank page. The error goes to main's log.
import { Alert, Button, Group, Text } from '@mantine/core';
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api';

/** what is sent to the log and copied for support: enough to find the bug, capped like the channel's input */
const MAX_MESSAGE = 1000;
const MAX_STACK = 4000;

interface Props {
  /** which part of the app this guards, for the log and the notice (screen name, "detail", "dialog" ...) */
  area: string;
  /** the fallback's class, so it takes the guarded part's place in the layout */
  className?: string;
  /** closes the guarded part (a panel), offered beside "Try again" */
  onClose?: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  componentStack: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, componentStack: '' };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const err = error instanceof Error ? error : new Error(String(error));
    const componentStack = (info.componentStack ?? '').slice(0, MAX_STACK);
    this.setState({ componentStack });
    // the notice is already on screen; a log call that fails (main gone) must not throw again
    api
      .invoke('app.reportError', {
        area: this.props.area,
        message: err.message.slice(0, MAX_MESSAGE),
        stack: (err.stack ?? '').slice(0, MAX_STACK),
        component_stack: componentStack,
      })
      .catch(() => undefined);
  }

  private readonly reset = () => this.setState({ error: null, componentStack: '' });

  override render(): ReactNode {
    const { error, componentStack } = this.state;
    if (!error) return this.props.children;
    const details = [`area: ${this.props.area}`, `${error.name}: ${error.message}`, componentStack.trim()]
      .filter(Boolean)
      .join('\n');
    return (
      <CrashNotice
        className={this.props.className}
        details={details}
        onRetry={this.reset}
        onClose={this.props.onClose}
      />
    );
  }
}

interface CrashNoticeProps {
  className?: string;
  details: string;
  onRetry: () => void;
  onClose?: () => void;
}

function CrashNotice({ className, details, onRetry, onClose }: CrashNoticeProps) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={t('crash.title')}
        withCloseButton={Boolean(onClose)}
        onClose={onClose}
        closeButtonLabel={t('common.close')}
        // the light alert's red title is too faint on its tint to read
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
        data-testid="crash-notice"
      >
        <Text size="sm" mb="sm">
          {t('crash.body')}
        </Text>
        <Group gap="xs">
          <Button size="compact-sm" onClick={onRetry} data-testid="crash-retry">
            {t('crash.retry')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void api.invoke('ops.openLogs', {}).catch(() => undefined)}
            data-testid="crash-open-logs"
          >
            {t('crash.openLogs')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void navigator.clipboard?.writeText(details).catch(() => undefined)}
            data-testid="crash-copy"
          >
            {t('crash.copyDetails')}
          </Button>
        </Group>
      </Alert>
    </div>
  );
}
