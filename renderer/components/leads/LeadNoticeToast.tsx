import { Button, Notification } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n';
import { toApiError } from '../../api/hooks';
import type { ApiError } from '../../api/api';
import { useLeadNotice } from '../../state/lead-notice';

/** long enough to read and reach Undo, short enough not to cover the grid for long */
const NOTICE_MS = 8000;

/** The notice after an archive, restore or delete, bottom right, with Undo where the action has a way back. */
export function LeadNoticeToast() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const notice = useLeadNotice((state) => state.notice);
  const dismiss = useLeadNotice((state) => state.dismiss);
  const [undoing, setUndoing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    setError(null);
    if (!notice) return;
    const timer = setTimeout(() => {
      if (useLeadNotice.getState().notice?.id === notice.id) dismiss();
    }, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  if (!notice) return null;
  const undo = notice.undo;
  return (
    <Notification
      className="lead-notice"
      withBorder
      color={error ? 'red' : 'blue'}
      onClose={dismiss}
      closeButtonProps={{ 'aria-label': t('common.dismiss') }}
      role="status"
      data-testid="lead-notice"
    >
      <span data-testid="lead-notice-text">
        {error ? errorText(error) : t(notice.message.key, notice.message.options)}
      </span>
      {undo && !error && (
        <Button
          size="compact-xs"
          variant="subtle"
          ml="sm"
          loading={undoing}
          onClick={() => {
            setUndoing(true);
            undo()
              .then(dismiss)
              .catch((caught: unknown) => setError(toApiError(caught)))
              .finally(() => setUndoing(false));
          }}
          data-testid="lead-notice-undo"
        >
          {t('leadLife.undo')}
        </Button>
      )}
    </Notification>
  );
}
