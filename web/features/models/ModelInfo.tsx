import { Descriptions, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { messages } from './messages';
import type { ModelDetail } from './types';
import { useModelLabels } from './useModelLabels';

/** A model's facts: kind, field, unit, start, recognition, campaigns and theme. */
export function ModelInfo({ model }: { model: ModelDetail }) {
  const t = useMessages(messages);
  const labels = useModelLabels();
  const recognition =
    model.recognisedLevel && model.recognisedOn
      ? model.recognisedBy
        ? t('page.recognisedBy', {
            level: labels.level(model.recognisedLevel),
            unit: model.recognisedBy.name,
            date: formatDate(model.recognisedOn),
          })
        : t('page.recognisedLevel', {
            level: labels.level(model.recognisedLevel),
            date: formatDate(model.recognisedOn),
          })
      : t('page.notRecognised');
  return (
    <Descriptions
      data-testid="model-info"
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        { key: 'kind', label: t('field.kind'), children: labels.kind(model.kind) },
        { key: 'field', label: t('field.field'), children: labels.field(model.field) },
        {
          key: 'unit',
          label: t('field.unit'),
          children: (
            <Link to={`/org-units/${model.unit.id}?at=${model.startedOn}`}>
              {model.unit.name} ({model.unit.code})
            </Link>
          ),
        },
        { key: 'start', label: t('field.startedOn'), children: formatDate(model.startedOn) },
        { key: 'recognition', label: t('field.recognition'), children: recognition },
        {
          key: 'decision',
          label: t('field.decision'),
          children: model.recognisedDecision
            ? `${model.recognisedDecision.number} (${formatDate(model.recognisedDecision.decisionDate)})`
            : t('page.none'),
        },
        {
          key: 'campaigns',
          label: t('field.campaigns'),
          children:
            model.campaigns.length === 0 ? (
              t('page.none')
            ) : (
              <Flex wrap gap={4}>
                {model.campaigns.map((campaign) => (
                  <Link key={campaign.id} to={`/campaigns/${campaign.id}`} title={campaign.title}>
                    <Tag color="red">{campaign.code}</Tag>
                  </Link>
                ))}
              </Flex>
            ),
        },
        {
          key: 'theme',
          label: t('field.theme'),
          children: model.theme ? (
            <Link to={`/study-themes/${model.theme.id}`}>
              <Typography.Text>{model.theme.title}</Typography.Text>
            </Link>
          ) : (
            t('page.none')
          ),
        },
      ]}
    />
  );
}
