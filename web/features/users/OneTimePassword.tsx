import { Alert, Typography } from 'antd';
import { useT } from '../../i18n/useT';

/** A password the server generated, shown once: the user must copy it now. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('users.passwordOnce', { username })}
      description={
        <Typography.Paragraph
          copyable={{ text: password, tooltips: [t('common.copy'), t('common.copied')] }}
          code
          style={{ fontSize: 18, margin: '8px 0 0' }}
          data-testid="one-time-password"
        >
          {password}
        </Typography.Paragraph>
      }
    />
  );
}
