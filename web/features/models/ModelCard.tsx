import { ApartmentOutlined, CalendarOutlined, ShareAltOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { messages } from './messages';
import { StatusTag } from './StatusTag';
import type { ModelSummary } from './types';
import { useModelLabels } from './useModelLabels';

const COVER_HEIGHT = 140;

/** One model in the registry's card view: photo, title, status, kind, unit, field, start and spread. */
export function ModelCard({ model }: { model: ModelSummary }) {
  const t = useMessages(messages);
  const labels = useModelLabels();
  const cover = model.coverUrl ? (
    <img alt="" src={model.coverUrl} loading="lazy" style={{ height: COVER_HEIGHT, objectFit: 'cover' }} />
  ) : (
    // antd makes every direct child of a card cover a block, so the centring box sits inside a plain div.
    <div aria-hidden>
      <Flex
        align="center"
        justify="center"
        vertical
        gap={4}
        style={{ height: COVER_HEIGHT, background: 'linear-gradient(135deg, #fde8e8, #fff4e0)', color: '#b91c1c' }}
      >
        <TrophyOutlined style={{ fontSize: 40, opacity: 0.6 }} />
        <Typography.Text style={{ color: '#b91c1c', opacity: 0.8 }}>{labels.field(model.field)}</Typography.Text>
      </Flex>
    </div>
  );
  return (
    <Card size="small" cover={cover} data-testid="model-card" style={{ height: '100%' }}>
      <Flex vertical gap={6}>
        <Flex gap={4} wrap>
          <StatusTag status={model.status} />
          <Tag style={{ marginInlineEnd: 0 }}>{labels.kind(model.kind)}</Tag>
        </Flex>
        <Link to={`/models/${model.id}`}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {model.title}
          </Typography.Text>
        </Link>
        {model.people.length > 0 && (
          <Typography.Text type="secondary">
            <UserOutlined /> {model.people.map((person) => person.name).join(', ')}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          <ApartmentOutlined /> {model.unit.name}
        </Typography.Text>
        <Flex gap={12} wrap>
          <Typography.Text type="secondary">
            <CalendarOutlined /> {formatDate(model.startedOn)}
          </Typography.Text>
          {model.coverUrl && <Typography.Text type="secondary">{labels.field(model.field)}</Typography.Text>}
          {model.replicationCount > 0 && (
            <Typography.Text type="secondary">
              <ShareAltOutlined /> {model.replicationCount} {t('field.replications').toLowerCase()}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
