import { Descriptions, Typography } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { CampaignKindTag } from './CampaignKindTag';
import { messages } from './messages';
import type { CampaignDetail } from './types';

export function CampaignInfo({ campaign }: { campaign: CampaignDetail }) {
  const t = useMessages(messages);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        {
          key: 'code',
          label: t('field.code'),
          children: <Typography.Text copyable>{campaign.code}</Typography.Text>,
        },
        { key: 'kind', label: t('field.kind'), children: <CampaignKindTag kind={campaign.kind} /> },
        { key: 'title', label: t('field.title'), span: 'filled', children: campaign.title },
        { key: 'issuingBody', label: t('field.issuingBody'), children: campaign.issuingBody },
        { key: 'issuedOn', label: t('field.issuedOn'), children: formatDate(campaign.issuedOn) },
        {
          key: 'scope',
          label: t('field.scopeUnit'),
          span: 'filled',
          children: (
            <span>
              {campaign.scopeUnit.name} <Typography.Text type="secondary">{campaign.scopeUnit.code}</Typography.Text>
            </span>
          ),
        },
        ...(campaign.summary
          ? [
              {
                key: 'summary',
                label: t('field.summary'),
                span: 'filled' as const,
                children: <span style={{ whiteSpace: 'pre-line' }}>{campaign.summary}</span>,
              },
            ]
          : []),
      ]}
    />
  );
}
