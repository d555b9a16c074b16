import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Flex, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { errorMessage } from '../../lib/serverErrors';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useCampaign, useThemes } from './api';
import { CampaignFormModal } from './CampaignFormModal';
import { CampaignInfo } from './CampaignInfo';
import { CampaignKindTag } from './CampaignKindTag';
import { CampaignLinks } from './CampaignLinks';
import { messages } from './messages';
import { ThemeFormModal } from './ThemeFormModal';
import { ThemesTable } from './ThemesTable';
import type { ThemeSummary } from './types';

type Dialog = { kind: 'edit' } | { kind: 'theme'; theme?: ThemeSummary } | null;

/** One campaign: its details, the campaigns it is linked to, its study themes and its documents. */
export function CampaignPage() {
  const t = useMessages(messages);
  const { id = '' } = useParams();
  const detail = useCampaign(id);
  const themes = useThemes({ campaign: id, pageSize: 200 }, { enabled: detail.isSuccess });
  const [dialog, setDialog] = useState<Dialog>(null);

  if (detail.isPending) {
    return <Spin />;
  }
  if (detail.isError) {
    if (isApiError(detail.error, 'NOT_FOUND') || isApiError(detail.error, 'VALIDATION_FAILED')) {
      return <NotFoundPage />;
    }
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(detail.error)}
        action={<Button onClick={() => void detail.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const campaign = detail.data;
  // A theme being edited is looked up in the latest list, so a 409 reload reaches the open form.
  const editedTheme =
    dialog?.kind === 'theme' && dialog.theme
      ? (themes.data?.items.find((theme) => theme.id === dialog.theme?.id) ?? dialog.theme)
      : undefined;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/campaigns">{t('menu')}</Link> },
          { key: campaign.id, title: campaign.code },
        ]}
      />
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {campaign.code}
          </Typography.Title>
          <CampaignKindTag kind={campaign.kind} />
          {!campaign.abilities.canEdit && <Tag>{t('page.readOnly')}</Tag>}
        </Flex>
        {campaign.abilities.canEdit && (
          <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })}>
            {t('page.edit')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph style={{ margin: 0, fontSize: 16 }}>{campaign.title}</Typography.Paragraph>
      <Card size="small" title={t('page.info')}>
        <CampaignInfo campaign={campaign} />
      </Card>
      <Card size="small" title={t('page.links')}>
        <CampaignLinks campaign={campaign} />
      </Card>
      <Card
        size="small"
        title={t('page.themes')}
        extra={
          themes.data?.abilities.canCreate && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'theme' })}>
              {t('theme.add')}
            </Button>
          )
        }
      >
        {themes.isError ? (
          <Alert type="error" showIcon title={errorMessage(themes.error)} />
        ) : (
          <ThemesTable
            themes={themes.data?.items ?? []}
            isLoading={themes.isFetching}
            onEdit={(theme) => setDialog({ kind: 'theme', theme })}
          />
        )}
      </Card>
      <Card size="small" title={t('page.documents')}>
        <DocumentsPanel entityType="campaign" entityId={campaign.id} canEdit={campaign.abilities.canAttach} />
      </Card>
      <CampaignFormModal open={dialog?.kind === 'edit'} campaign={campaign} onClose={() => setDialog(null)} />
      <ThemeFormModal
        open={dialog?.kind === 'theme'}
        campaign={campaign}
        theme={editedTheme}
        onClose={() => setDialog(null)}
      />
    </Flex>
  );
}
