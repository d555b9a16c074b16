import { DisconnectOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { useUnlinkCampaign } from './api';
import { LinkCampaignModal } from './LinkCampaignModal';
import { messages } from './messages';
import type { CampaignDetail, CampaignLink } from './types';
import { useCampaignLabels } from './useCampaignLabels';

/** The campaigns this one continues, implements or is carried out with — and those that do so to it. */
export function CampaignLinks({ campaign }: { campaign: CampaignDetail }) {
  const t = useMessages(messages);
  const labels = useCampaignLabels();
  const { message } = App.useApp();
  const unlink = useUnlinkCampaign();
  const [isAdding, setIsAdding] = useState(false);
  const canEdit = campaign.abilities.canEdit;

  const remove = async (link: CampaignLink) => {
    try {
      await unlink.mutateAsync({ id: campaign.id, relatedId: link.campaign.id });
      void message.success(t('link.removed'));
    } catch (error) {
      void message.error(errorMessage(error), 6);
    }
  };

  return (
    <Flex vertical gap={8}>
      {canEdit && (
        <div>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setIsAdding(true)}>
            {t('link.add')}
          </Button>
        </div>
      )}
      <Table<CampaignLink>
        data-testid="campaign-links"
        size="small"
        rowKey={(link) => `${link.direction}-${link.campaign.id}`}
        dataSource={campaign.links}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('page.noLinks') }}
        columns={[
          {
            title: t('link.relation'),
            key: 'relation',
            render: (_: unknown, link) => <Tag>{labels.relation(link.relation, link.direction)}</Tag>,
          },
          {
            title: t('field.code'),
            key: 'code',
            render: (_: unknown, link) => <Link to={`/campaigns/${link.campaign.id}`}>{link.campaign.code}</Link>,
          },
          {
            title: t('field.title'),
            key: 'title',
            render: (_: unknown, link) => (
              <Typography.Paragraph
                ellipsis={{ rows: 2, tooltip: link.campaign.title }}
                style={{ margin: 0, maxWidth: 480 }}
              >
                {link.campaign.title}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('field.issuedOn'),
            key: 'issuedOn',
            render: (_: unknown, link) => formatDate(link.campaign.issuedOn),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, link: CampaignLink) => (
                    <Popconfirm
                      title={t('link.removeConfirm', { code: link.campaign.code })}
                      okText={t('link.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove(link)}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DisconnectOutlined />}
                        aria-label={t('link.remove')}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <LinkCampaignModal campaign={campaign} open={isAdding} onClose={() => setIsAdding(false)} />
    </Flex>
  );
}
