import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useDecision, useDeleteDecision } from './api';
import { DecisionFormModal } from './DecisionFormModal';
import { messages } from './messages';
import { RecipientsTable } from './RecipientsTable';
import { useCommendationLabels } from './useCommendationLabels';

/** One decision: its fields, its recipients edited inline, its attachments. */
export function DecisionPage() {
  const t = useMessages(messages);
  const labels = useCommendationLabels();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const decision = useDecision(id);
  const remove = useDeleteDecision();
  const [isEditing, setIsEditing] = useState(false);

  if (decision.isError) {
    return <Alert type="error" showIcon title={errorMessage(decision.error)} />;
  }
  const d = decision.data;
  if (!d) {
    return <Skeleton active />;
  }
  const period = [d.achievementFrom, d.achievementTo].map((day) => (day ? formatDate(day) : '…')).join(' – ');

  return (
    <Flex vertical gap={16}>
      <Link to="/commendations">
        <ArrowLeftOutlined /> {t('page.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex vertical gap={4}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {d.number}
          </Typography.Title>
          <Flex wrap gap={4}>
            <Tag color="blue">{labels.level.label(d.level)}</Tag>
            <Tag color="gold">{labels.form.label(d.form)}</Tag>
            <Tag>{labels.type.label(d.type)}</Tag>
          </Flex>
        </Flex>
        <Flex gap={8} wrap>
          {d.abilities.canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)}>
              {t('page.edit')}
            </Button>
          )}
          {d.abilities.canDelete && (
            <Popconfirm
              title={t('page.deleteConfirm', { number: d.number, count: d.recipients.length })}
              onConfirm={async () => {
                try {
                  await remove.mutateAsync({ id: d.id, version: d.version });
                  void message.success(t('page.deleted', { number: d.number }));
                  void navigate('/commendations');
                } catch (error) {
                  void message.error(errorMessage(error), 6);
                }
              }}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t('page.delete')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
      {!d.abilities.canEdit && <Alert type="info" showIcon title={t('page.readOnly')} />}
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'date', label: t('field.decisionDate'), children: formatDate(d.decisionDate) },
            { key: 'issuer', label: t('field.issuerName'), children: d.issuerName },
            { key: 'owner', label: t('field.owner'), children: `${d.unit.name} (${d.unit.code})` },
            { key: 'system', label: t('field.system'), children: labels.system.label(d.system) },
            { key: 'campaign', label: t('field.campaign'), children: d.campaign?.code ?? '—' },
            {
              key: 'period',
              label: t('field.achievement'),
              children: d.achievementFrom || d.achievementTo ? period : '—',
            },
            { key: 'signer', label: t('field.signer'), children: d.signer ?? '—' },
            {
              key: 'count',
              label: t('field.recipients'),
              children: `${d.collectiveCount} ${t('field.collectives').toLowerCase()}, ${d.individualCount} ${t('field.individuals').toLowerCase()}`,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('recipients.title', { count: d.recipients.length })}>
        <RecipientsTable decision={d} onReload={() => void decision.refetch()} />
      </Card>
      <Card size="small" title={t('page.documents')}>
        <DocumentsPanel entityType="commendation_decision" entityId={d.id} canEdit={d.abilities.canEdit} />
      </Card>
      <DecisionFormModal open={isEditing} decision={d} onClose={() => setIsEditing(false)} />
    </Flex>
  );
}
