import { Alert, Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useLanguage } from '../../i18n/useLanguage';
import { useT } from '../../i18n/useT';
import { formatDateTime } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { actionLabel, entityTypeLabel } from './auditLabels';
import { useAuditLog } from './api';
import { AuditDiff } from './AuditDiff';
import { AuditFilters } from './AuditFilters';
import type { AuditEntry, AuditFilter } from './types';

/** Who changed what and when, newest first, within the caller's subtree. */
export function AuditPage() {
  const t = useT();
  const { lang } = useLanguage();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const log = useAuditLog(filter, page, pageSize);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Card size="small">
        <Flex vertical gap={12}>
          <AuditFilters
            value={filter}
            onChange={(next) => {
              setFilter(next);
              setPage(1);
            }}
          />
          {log.isError ? (
            <Alert type="error" showIcon title={errorMessage(log.error)} />
          ) : (
            <Table<AuditEntry>
              data-testid="audit-table"
              size="small"
              rowKey={(row) => String(row.id)}
              loading={log.isFetching}
              dataSource={log.data?.items ?? []}
              // A minimum width, not max-content: the summary wraps instead of running off to the right.
              scroll={{ x: 1100 }}
              expandable={{
                // A fixed column makes the expanded row as wide as the visible table, not the scrolled one.
                fixed: 'left',
                expandedRowRender: (entry) => <AuditDiff entry={entry} />,
                rowExpandable: (entry) => entry.before != null || entry.after != null,
              }}
              pagination={{
                current: page,
                pageSize,
                total: log.data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100],
                showTotal: (total) => t('audit.total', { count: total }),
                onChange: (nextPage, nextSize) => {
                  setPage(nextSize === pageSize ? nextPage : 1);
                  setPageSize(nextSize);
                },
              }}
              columns={[
                {
                  title: t('audit.time'),
                  dataIndex: 'at',
                  render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>,
                },
                {
                  title: t('audit.user'),
                  key: 'user',
                  render: (_: unknown, row) =>
                    row.user ? (
                      <span title={row.user.fullName}>{row.user.username}</span>
                    ) : (
                      <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
                    ),
                },
                {
                  title: t('audit.action'),
                  dataIndex: 'action',
                  render: (value: string) => <span title={value}>{actionLabel(value, lang)}</span>,
                },
                {
                  title: t('audit.entityType'),
                  dataIndex: 'entityType',
                  render: (value: string) => entityTypeLabel(value, lang),
                },
                {
                  title: t('common.unit'),
                  key: 'unit',
                  render: (_: unknown, row) => (row.unit ? `${row.unit.name} (${row.unit.code})` : '—'),
                },
                { title: t('audit.summary'), dataIndex: 'summary', render: (value: string | null) => value ?? '' },
              ]}
            />
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
