import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { formatDate, formatDateTime } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useDeleteMeeting, useMeeting } from './api';
import { EditMeetingModal } from './EditMeetingModal';
import { messages } from './messages';
import { useMeetingLabels } from './useMeetingLabels';

/** One meeting: what the minutes book says, and the minutes attached. */
export function MeetingPage() {
  const t = useMessages(messages);
  const labels = useMeetingLabels();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const meeting = useMeeting(id);
  const remove = useDeleteMeeting();
  const [isEditing, setEditing] = useState(false);

  if (meeting.isError) {
    return <Alert type="error" showIcon title={errorMessage(meeting.error)} />;
  }
  const m = meeting.data;
  if (!m) {
    return <Skeleton active />;
  }
  const text = (value: string | null) => value ?? <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <Flex vertical gap={16}>
      <Link to="/meetings">
        <ArrowLeftOutlined /> {t('page.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex vertical gap={4}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('page.title', { cell: m.unit.name, date: formatDate(m.meetingDate) })}
          </Typography.Title>
          <Flex wrap gap={4}>
            <Tag color={m.type === 'thematic' ? 'purple' : 'blue'}>{labels.type(m.type)}</Tag>
            {m.theme ? <Tag color="green">{t('page.themeIncluded')}</Tag> : <Tag>{t('page.noTheme')}</Tag>}
          </Flex>
        </Flex>
        <Flex gap={8} wrap>
          {m.abilities.canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('page.edit')}
            </Button>
          )}
          {m.abilities.canDelete && (
            <Popconfirm
              title={t('page.deleteConfirm')}
              onConfirm={async () => {
                try {
                  await remove.mutateAsync({ id: m.id, version: m.version });
                  void message.success(t('page.deleted'));
                  void navigate('/meetings');
                } catch (error) {
                  void message.error(errorMessage(error), 8);
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
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="meeting-details">
          <Descriptions.Item label={t('field.cell')}>{`${m.unit.name} (${m.unit.code})`}</Descriptions.Item>
          <Descriptions.Item label={t('field.date')}>{formatDate(m.meetingDate)}</Descriptions.Item>
          <Descriptions.Item label={t('field.theme')} span={2}>
            {m.theme ? `${m.theme.code} — ${m.theme.title}` : text(null)}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.attendance')}>
            {t('page.attendance', { present: m.present, roll: m.membersOnRoll, absent: m.absent })}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.absentReasonsShort')}>{text(m.absentReasons)}</Descriptions.Item>
          <Descriptions.Item label={t('field.contentSummary')} span={2}>
            {text(m.contentSummary)}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.conclusion')} span={2}>
            {text(m.conclusion)}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.chair')}>{text(m.chair)}</Descriptions.Item>
          <Descriptions.Item label={t('field.secretary')}>{text(m.secretary)}</Descriptions.Item>
          <Descriptions.Item label={t('page.updatedAt')}>{formatDateTime(m.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('page.minutes')}>
        <DocumentsPanel entityType="cell_meeting" entityId={m.id} canEdit={m.abilities.canEdit} />
      </Card>
      {isEditing && <EditMeetingModal meeting={m} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
