import { Alert, Button } from 'antd';
import type { ApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';

/** What another user changed meanwhile (the 409's details), with a way to reload the decision. */
export function ConflictAlert({ error, onReload }: { error: ApiError; onReload?: () => void }) {
  const t = useMessages(messages);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="conflict"
      style={{ marginBottom: 16 }}
      title={t('conflict.title')}
      action={
        onReload && (
          <Button size="small" onClick={onReload}>
            {t('conflict.reload')}
          </Button>
        )
      }
      description={
        <>
          <div>{t('conflict.hint')}</div>
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
