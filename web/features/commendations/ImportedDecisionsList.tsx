import { Flex, Table, Typography } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { formatDate, formatNumber } from '../../lib/format';
import { messages } from './messages';
import type { ImportResult } from './types';
import { useCommendationLabels } from './useCommendationLabels';

const PAGE = { pageSize: 10, hideOnSinglePage: true, showSizeChanger: false } as const;

/**
 * The decisions an import creates (or would, on a dry run) and those it skipped as already stored, so the user sees
 * what the totals are made of before confirming. The server lists the first ones; the rest are counted.
 */
export function ImportedDecisionsList({ result }: { result: ImportResult }) {
  const t = useMessages(messages);
  const labels = useCommendationLabels();
  const rest = result.decisions - result.created.length;
  return (
    <Flex vertical gap={8}>
      {result.created.length > 0 && (
        <>
          <Typography.Text strong>
            {t(result.dryRun ? 'import.createdTitle' : 'import.createdDoneTitle')}
          </Typography.Text>
          <Table
            data-testid="import-created"
            size="small"
            rowKey={(d) => `${d.number}\u0000${d.decisionDate}`}
            pagination={PAGE}
            scroll={{ x: 'max-content' }}
            dataSource={result.created}
            columns={[
              { title: t('field.number'), dataIndex: 'number' },
              { title: t('field.decisionDate'), dataIndex: 'decisionDate', render: (d: string) => formatDate(d) },
              { title: t('field.level'), dataIndex: 'level', render: labels.level.label },
              { title: t('field.form'), dataIndex: 'form', render: labels.form.label },
              { title: t('field.issuerName'), dataIndex: 'issuerName' },
              {
                title: t('import.recipientsCount'),
                dataIndex: 'recipients',
                align: 'right',
                render: (n: number) => formatNumber(n),
              },
            ]}
          />
          {rest > 0 && (
            <Typography.Text type="secondary">{t('import.more', { count: formatNumber(rest) })}</Typography.Text>
          )}
        </>
      )}
      {result.skipped.length > 0 && (
        <>
          <Typography.Text strong>{t('import.skippedTitle')}</Typography.Text>
          <Table
            data-testid="import-skipped"
            size="small"
            rowKey={(d) => `${d.number}\u0000${d.decisionDate}\u0000${d.issuerName}`}
            pagination={PAGE}
            scroll={{ x: 'max-content' }}
            dataSource={result.skipped}
            columns={[
              { title: t('field.number'), dataIndex: 'number' },
              { title: t('field.decisionDate'), dataIndex: 'decisionDate', render: (d: string) => formatDate(d) },
              { title: t('field.issuerName'), dataIndex: 'issuerName' },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
