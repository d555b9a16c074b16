import { Alert, Button } from 'antd';
import type { ApiError } from '../api/client';
import { useT } from '../i18n/useT';

export interface ConflictAlertProps {
  /** The 409: its details say, field by field, what the record holds now (server/platform/concurrency.ts). */
  error: ApiError;
  /** What happened, in the feature's words ("Quyết định vừa được người khác thay đổi"). */
  title: string;
  /** The line above the list; the server's own message when none is given. */
  hint?: string;
  /** Takes the record as it is now; without it the form stays as the user left it. */
  onReload?: () => void;
}

/**
 * What another user changed while this one was editing, above the form still open — every feature's edit dialogs show
 * this one alert, so a conflict reads the same everywhere.
 */
export function ConflictAlert({ error, title, hint, onReload }: ConflictAlertProps) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="conflict"
      style={{ marginBottom: 16 }}
      title={title}
      action={
        onReload && (
          <Button size="small" onClick={onReload}>
            {t('common.reloadRecord')}
          </Button>
        )
      }
      description={
        <>
          <div>{hint ?? error.message}</div>
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
