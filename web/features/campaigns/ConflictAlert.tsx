import { Alert } from 'antd';
import type { ApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';

/** What another user changed meanwhile (the 409's details), shown above the form the user is still editing. */
export function ConflictAlert({ error }: { error: ApiError }) {
  const t = useMessages(messages);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('conflict.title')}
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
