import { EditOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Descriptions, Flex, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { formatDate } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useTheme } from './api';
import { CampaignKindTag } from './CampaignKindTag';
import { messages } from './messages';
import { ThemeFormModal } from './ThemeFormModal';

/** One study theme: its campaign, period, issuing unit, description and documents. */
export function ThemePage() {
  const t = useMessages(messages);
  const { id = '' } = useParams();
  const detail = useTheme(id);
  const [isEditing, setIsEditing] = useState(false);

  if (detail.isPending) {
    return <Spin />;
  }
  if (detail.isError) {
    if (isApiError(detail.error, 'NOT_FOUND') || isApiError(detail.error, 'VALIDATION_FAILED')) {
      return <NotFoundPage />;
    }
    return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  }
  const theme = detail.data;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/campaigns">{t('menu')}</Link> },
          { key: 'campaign', title: <Link to={`/campaigns/${theme.campaign.id}`}>{theme.campaign.code}</Link> },
          { key: theme.id, title: theme.code },
        ]}
      />
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {theme.code}
          </Typography.Title>
          <Tag color="geekblue">
            {formatDate(theme.periodStart)} – {formatDate(theme.periodEnd)}
          </Tag>
        </Flex>
        {theme.abilities.canEdit && (
          <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)}>
            {t('theme.edit')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph style={{ margin: 0, fontSize: 16 }}>{theme.title}</Typography.Paragraph>
      <Card size="small" title={t('theme.info')}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'campaign',
              label: t('theme.campaign'),
              span: 'filled',
              children: (
                <Flex gap={8} wrap align="center">
                  <CampaignKindTag kind={theme.campaign.kind} />
                  <Link to={`/campaigns/${theme.campaign.id}`}>{theme.campaign.code}</Link>
                  <Typography.Text type="secondary">{theme.campaign.title}</Typography.Text>
                </Flex>
              ),
            },
            { key: 'start', label: t('theme.periodStart'), children: formatDate(theme.periodStart) },
            { key: 'end', label: t('theme.periodEnd'), children: formatDate(theme.periodEnd) },
            {
              key: 'scope',
              label: t('theme.scope'),
              span: 'filled',
              children: (
                <span>
                  {theme.scopeUnit.name} <Typography.Text type="secondary">{theme.scopeUnit.code}</Typography.Text>
                </span>
              ),
            },
            ...(theme.description
              ? [
                  {
                    key: 'description',
                    label: t('theme.description'),
                    span: 'filled' as const,
                    children: <span style={{ whiteSpace: 'pre-line' }}>{theme.description}</span>,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('page.documents')}>
        <DocumentsPanel entityType="study_theme" entityId={theme.id} canEdit={theme.abilities.canAttach} />
      </Card>
      <ThemeFormModal
        open={isEditing}
        campaign={{
          id: theme.campaign.id,
          code: theme.campaign.code,
          scopeUnit: theme.scopeUnit,
          abilities: theme.abilities,
        }}
        theme={theme}
        onClose={() => setIsEditing(false)}
      />
    </Flex>
  );
}
