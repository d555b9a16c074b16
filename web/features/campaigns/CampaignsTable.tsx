import { Table, Typography, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { CampaignKindTag } from './CampaignKindTag';
import { messages } from './messages';
import type { CampaignSummary } from './types';

interface Props {
  campaigns: CampaignSummary[];
  isLoading: boolean;
  pagination: TablePaginationConfig;
}

/** Campaigns with their kind, date, scope and how many themes and links each has; the code opens the page. */
export function CampaignsTable({ campaigns, isLoading, pagination }: Props) {
  const t = useMessages(messages);
  return (
    <Table<CampaignSummary>
      data-testid="campaigns-table"
      size="small"
      rowKey="id"
      loading={isLoading}
      dataSource={campaigns}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('list.empty') }}
      columns={[
        {
          title: t('field.code'),
          dataIndex: 'code',
          render: (code: string, campaign) => (
            <Link to={`/campaigns/${campaign.id}`}>
              <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                {code}
              </Typography.Text>
            </Link>
          ),
        },
        { title: t('field.kind'), dataIndex: 'kind', render: (_: unknown, c) => <CampaignKindTag kind={c.kind} /> },
        {
          title: t('field.title'),
          dataIndex: 'title',
          render: (title: string) => (
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: title }} style={{ margin: 0, maxWidth: 520 }}>
              {title}
            </Typography.Paragraph>
          ),
        },
        { title: t('field.issuedOn'), dataIndex: 'issuedOn', render: (value: string) => formatDate(value) },
        {
          title: t('field.scopeUnit'),
          key: 'scope',
          render: (_: unknown, c) => (
            <span>
              {c.scopeUnit.name} <Typography.Text type="secondary">{c.scopeUnit.code}</Typography.Text>
            </span>
          ),
        },
        { title: t('field.themesCount'), dataIndex: 'themesCount', align: 'right' },
        {
          title: t('field.links'),
          key: 'links',
          render: (_: unknown, c) => (
            <Typography.Text type="secondary">
              {c.links.map((link) => `${link.label} ${link.campaign.code}`).join('; ')}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
