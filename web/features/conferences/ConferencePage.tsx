import { DashboardOutlined, DownloadOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { CONFERENCE_MODE_LABELS } from '../../../common/conferences';
import { compareVietnamese } from '../../../common/text';
import { isApiError } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { errorMessage } from '../../lib/serverErrors';
import { useCurrentUser } from '../auth/useCurrentUser';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import {
  conferenceUrl,
  useAddAgendaItem,
  useBridges,
  useConference,
  useDeleteAgendaItem,
  useUpdateConference,
} from './api';
import { DraftEditor } from './DraftEditor';
import { formatNumber, formatWhen } from './format';
import { InviteModal } from './InviteModal';
import { JitsiRoom } from './JitsiRoom';
import { messages } from './messages';
import { BridgeStatusTag } from './StatusTag';
import type { AgendaItem, Bridge, ConferenceDetail } from './types';

/** One conference: its details, video room, agenda, documents, bridge points, and what comes afterwards. */
export function ConferencePage() {
  const t = useMessages(messages);
  const { lang } = useLanguage();
  const { id = '' } = useParams();
  const detail = useConference(id);
  const user = useCurrentUser();

  if (detail.isPending) {
    return <Spin />;
  }
  if (detail.isError) {
    return isApiError(detail.error, 'NOT_FOUND') || isApiError(detail.error, 'VALIDATION_FAILED') ? (
      <NotFoundPage />
    ) : (
      <Alert type="error" title={errorMessage(detail.error)} />
    );
  }
  const c = detail.data;
  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/conferences">{t('common.back')}</Link> }, { title: c.title }]} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {c.title}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { label: t('field.time'), children: `${formatWhen(c.startsAt)} – ${formatWhen(c.endsAt)}` },
          { label: t('field.unit'), children: c.unit.name },
          { label: t('field.mode'), children: CONFERENCE_MODE_LABELS[c.mode][lang] },
          { label: t('field.hostPlace'), children: c.hostPlace ?? '—' },
          ...(c.campaign ? [{ label: t('field.campaign'), children: `${c.campaign.code} — ${c.campaign.title}` }] : []),
        ]}
      />
      {!c.isOrganiser && c.myBridges.length > 0 && (
        <Card title={t('bridges.mine')} size="small">
          <Flex vertical gap={8}>
            {c.myBridges.map((b) => (
              <Space key={b.id} wrap>
                <Link to={`/conferences/${c.id}/bridges/${b.id}`}>{b.unit.name}</Link>
                <Link to={`/conferences/${c.id}/bridges/${b.id}/check-in`}>
                  <Button size="small" icon={<TeamOutlined />}>
                    {t('bridge.checkInPage')}
                  </Button>
                </Link>
              </Space>
            ))}
          </Flex>
        </Card>
      )}
      <Card title={t('video.title')} size="small">
        {c.video.jitsiUrl ? (
          <JitsiRoom
            server={c.video.jitsiUrl}
            roomName={c.video.roomName}
            displayName={user.fullName}
            joinLabel={t('video.join')}
          />
        ) : c.meetingUrl ? (
          <Button type="primary" href={c.meetingUrl} target="_blank" rel="noreferrer">
            {t('video.open')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('video.none')}</Typography.Text>
        )}
      </Card>
      <Agenda conference={c} />
      <Card title={t('docs.title')} size="small">
        <DocumentsPanel entityType="conference" entityId={c.id} canEdit={c.abilities.canEdit} />
      </Card>
      {c.isOrganiser && <Bridges conference={c} />}
      {c.isOrganiser && <Afterwards conference={c} />}
    </Flex>
  );
}

function Agenda({ conference }: { conference: ConferenceDetail }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const add = useAddAgendaItem(conference.id);
  const remove = useDeleteAgendaItem(conference.id);
  const [form] = Form.useForm();
  return (
    <Card title={t('agenda.title')} size="small">
      <Table<AgendaItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={conference.agenda}
        locale={{ emptyText: t('agenda.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('agenda.time'), dataIndex: 'startsAt', width: 70 },
          { title: t('agenda.item'), dataIndex: 'title' },
          {
            title: t('agenda.presenter'),
            dataIndex: 'presenter',
            render: (name: string | null, row) =>
              name ? `${name}${row.presenterPosition ? `, ${row.presenterPosition}` : ''}` : '',
          },
          ...(conference.abilities.canEdit
            ? [
                {
                  title: '',
                  key: 'remove',
                  render: (_: unknown, row: AgendaItem) => (
                    <Button size="small" type="link" danger onClick={() => remove.mutate(row.id)}>
                      ×
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {conference.abilities.canEdit && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={async (values: {
            startsAt?: string;
            title: string;
            presenter?: string;
            presenterPosition?: string;
          }) => {
            try {
              await add.mutateAsync({ ...values, startsAt: values.startsAt || null });
              form.resetFields();
            } catch (error) {
              void message.error(errorMessage(error), 6);
            }
          }}
        >
          <Form.Item name="startsAt">
            <Input placeholder="07:30" style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="title" rules={[{ required: true }]}>
            <Input placeholder={t('agenda.item')} style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="presenter">
            <Input placeholder={t('agenda.presenter')} />
          </Form.Item>
          <Form.Item name="presenterPosition">
            <Input placeholder={t('agenda.presenterPosition')} />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
            {t('agenda.add')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function Bridges({ conference }: { conference: ConferenceDetail }) {
  const t = useMessages(messages);
  const bridges = useBridges(conference.id);
  const [isInviting, setInviting] = useState(false);
  const day = conference.startsAt.slice(0, 10);
  return (
    <Card
      title={`${t('bridges.title')} (${formatNumber(bridges.data?.items.length ?? 0)})`}
      size="small"
      extra={
        <Space wrap>
          <Link to={`/conferences/${conference.id}/board`}>
            <Button icon={<DashboardOutlined />}>{t('bridges.board')}</Button>
          </Link>
          <Button icon={<DownloadOutlined />} href={conferenceUrl(`/${conference.id}/attendance.xlsx`)}>
            {t('bridges.export')}
          </Button>
          {conference.abilities.canInvite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setInviting(true)}>
              {t('bridges.invite')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Bridge>
        rowKey="id"
        size="small"
        loading={bridges.isPending}
        dataSource={bridges.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('bridge.unit'),
            dataIndex: ['unit', 'name'],
            sorter: (a, b) => compareVietnamese(a.unit.name, b.unit.name),
            render: (name: string, row) => <Link to={`/conferences/${conference.id}/bridges/${row.id}`}>{name}</Link>,
          },
          {
            title: t('bridge.status'),
            dataIndex: 'status',
            render: (s: Bridge['status']) => <BridgeStatusTag status={s} />,
          },
          { title: t('bridge.roster'), dataIndex: 'rosterCount', align: 'right', render: formatNumber },
          { title: t('bridge.present'), dataIndex: 'present', align: 'right', render: formatNumber },
          { title: t('bridge.expected'), dataIndex: 'expected', align: 'right', render: formatNumber },
          { title: t('bridge.contact'), dataIndex: 'contactName' },
        ]}
      />
      <InviteModal conferenceId={conference.id} day={day} open={isInviting} onClose={() => setInviting(false)} />
    </Card>
  );
}

function Afterwards({ conference }: { conference: ConferenceDetail }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const update = useUpdateConference(conference.id);
  const [minutes, setMinutes] = useState(conference.minutes ?? '');
  const [conclusions, setConclusions] = useState(conference.conclusions ?? '');
  useEffect(() => {
    setMinutes(conference.minutes ?? '');
    setConclusions(conference.conclusions ?? '');
  }, [conference.minutes, conference.conclusions]);
  const save = async () => {
    try {
      await update.mutateAsync({
        minutes: minutes || null,
        conclusions: conclusions || null,
        version: conference.version,
      });
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorMessage(error), 6);
    }
  };
  return (
    <Card title={t('after.title')} size="small">
      <Flex vertical gap={12}>
        <Typography.Text strong>{t('after.minutes')}</Typography.Text>
        <Input.TextArea
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          autoSize={{ minRows: 3 }}
          readOnly={!conference.abilities.canEdit}
        />
        <Typography.Text strong>{t('after.conclusions')}</Typography.Text>
        <Input.TextArea
          value={conclusions}
          onChange={(e) => setConclusions(e.target.value)}
          autoSize={{ minRows: 3 }}
          readOnly={!conference.abilities.canEdit}
        />
        {conference.abilities.canEdit && (
          <Button type="primary" style={{ alignSelf: 'flex-start' }} onClick={save} loading={update.isPending}>
            {t('common.save')}
          </Button>
        )}
        <Typography.Text strong>{t('after.news')}</Typography.Text>
        <DraftEditor path={`/${conference.id}/news`} canEdit={conference.abilities.canEdit} testId="news-text" />
      </Flex>
    </Card>
  );
}
