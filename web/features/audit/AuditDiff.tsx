import { Flex, Typography } from 'antd';
import { useT } from '../../i18n/useT';
import type { AuditEntry } from './types';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  return (
    <pre
      style={{
        margin: 0,
        padding: 8,
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        fontSize: 12,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        maxHeight: 360,
        overflow: 'auto',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** Before and after of a change, side by side (stacked on a phone). */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={12}>
        <div style={{ flex: '1 1 280px', minWidth: 0 }}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <Json value={entry.before} />
        </div>
        <div style={{ flex: '1 1 280px', minWidth: 0 }}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <Json value={entry.after} />
        </div>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('audit.entityId')}: {entry.entityId ?? '—'} · {t('audit.requestId')}: {entry.requestId ?? '—'}
      </Typography.Text>
    </Flex>
  );
}
