import { Alert, Button } from 'antd';
import type { ApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';

/**
 * What another user changed meanwhile (the 409's message and details), above the form the user is still editing —
 * the same alert the other features show; reloading takes the record as it is now.
 */
export function ConflictAlert({ error, onReload }: { error: ApiError; onReload: () => void }) {
  const t = useMessages(messages);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="conflict"
      style={{ marginBottom: 16 }}
      title={t('conflict.title')}
      action={
        <Button size="small" onClick={onReload}>
          {t('conflict.reload')}
        </Button>
      }
      description={
        <>
          <div>{error.message}</div>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {error.details.map((detail) => (
              <li key={detail.path}>{detail.message}</li>
            ))}
          </ul>
        </>
      }
    />
  );
}
