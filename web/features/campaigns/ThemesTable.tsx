import { EditOutlined } from '@ant-design/icons';
import { Button, Table, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { messages } from './messages';
import type { ThemeSummary } from './types';

interface Props {
  themes: ThemeSummary[];
  isLoading: boolean;
  /** Offered on the rows the server says the user may edit. */
  onEdit?: (theme: ThemeSummary) => void;
}

/** Study themes with their periods and issuing units; the code opens the theme's page. */
export function ThemesTable({ themes, isLoading, onEdit }: Props) {
  const t = useMessages(messages);
  return (
    <Table<ThemeSummary>
      data-testid="campaign-themes"
      size="small"
      rowKey="id"
      loading={isLoading}
      dataSource={themes}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('page.noThemes') }}
      columns={[
        {
          title: t('theme.period'),
          key: 'period',
          render: (_: unknown, theme) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {formatDate(theme.periodStart)} – {formatDate(theme.periodEnd)}
            </span>
          ),
        },
        {
          title: t('theme.code'),
          dataIndex: 'code',
          render: (code: string, theme) => <Link to={`/study-themes/${theme.id}`}>{code}</Link>,
        },
        {
          title: t('theme.title'),
          dataIndex: 'title',
          render: (title: string) => (
            <Typography.Paragraph ellipsis={{ rows: 3, tooltip: title }} style={{ margin: 0, maxWidth: 520 }}>
              {title}
            </Typography.Paragraph>
          ),
        },
        {
          title: t('theme.scope'),
          key: 'scope',
          render: (_: unknown, theme) => (
            <span>
              {theme.scopeUnit.name} <Typography.Text type="secondary">{theme.scopeUnit.code}</Typography.Text>
            </span>
          ),
        },
        ...(onEdit
          ? [
              {
                title: '',
                key: 'actions',
                render: (_: unknown, theme: ThemeSummary) =>
                  theme.abilities.canEdit && (
                    <Tooltip title={t('theme.edit')}>
                      <Button
                        size="small"
                        type="text"
                        icon={<EditOutlined />}
                        aria-label={t('theme.edit')}
                        onClick={() => onEdit(theme)}
                      />
                    </Tooltip>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
