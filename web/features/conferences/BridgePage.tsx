import { DownloadOutlined, PlusOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
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
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { BRIDGE_STATUS_LABELS, BRIDGE_STATUSES, type BridgeStatus } from '../../../common/conferences';
import { isApiError } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import {
  conferenceUrl,
  useAddAttendee,
  useAttendees,
  useBridge,
  useCategories,
  useCheckIn,
  useDeleteAttendee,
  useSetStatus,
  useUndoCheckIn,
} from './api';
import { DraftEditor } from './DraftEditor';
import { formatNumber, formatTime, formatWhen } from './format';
import { ImportRosterModal } from './ImportRosterModal';
import { messages } from './messages';
import { BridgeStatusTag, STATUS_COLORS } from './StatusTag';
import type { Attendee, BridgeDetail } from './types';

/** A bridge point as its staff keep it: status, details, roster with import and invitations, attendance paragraph. */
export function BridgePage() {
  const t = useMessages(messages);
  const { id = '', bridgeId = '' } = useParams();
  const bridge = useBridge(id, bridgeId);
  if (bridge.isPending) {
    return <Spin />;
  }
  if (bridge.isError) {
    return isApiError(bridge.error, 'NOT_FOUND') || isApiError(bridge.error, 'VALIDATION_FAILED') ? (
      <NotFoundPage />
    ) : (
      <Alert type="error" title={errorMessage(bridge.error)} />
    );
  }
  const b = bridge.data;
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to="/conferences">{t('common.back')}</Link> },
          { title: <Link to={`/conferences/${id}`}>{t('bridges.title')}</Link> },
          { title: b.unit.name },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {b.unit.name} <BridgeStatusTag status={b.status} />
        </Typography.Title>
        <Link to={`/conferences/${id}/bridges/${bridgeId}/check-in`}>
          <Button icon={<TeamOutlined />}>{t('bridge.checkInPage')}</Button>
        </Link>
      </Flex>
      {b.abilities.canEdit && <StatusButtons bridge={b} />}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { label: t('bridge.place'), children: b.place ?? '—' },
          { label: t('bridge.contact'), children: b.contactName ?? '—' },
          { label: t('bridge.phone'), children: b.contactPhone ?? '—' },
          { label: t('bridge.expected'), children: formatNumber(b.expected) },
          {
            label: t('bridge.checkedIn'),
            children: <span data-testid="bridge-checked-in">{formatNumber(b.checkedIn)}</span>,
          },
          { label: t('bridge.headCount'), children: b.headCount === null ? '—' : formatNumber(b.headCount) },
          ...(b.problemNote
            ? [
                {
                  label: t('bridge.problemNote'),
                  children: <Typography.Text type="danger">{b.problemNote}</Typography.Text>,
                },
              ]
            : []),
        ]}
      />
      <Roster bridge={b} />
      <Card title={t('after.attendance')} size="small">
        <DraftEditor
          path={`/${id}/bridges/${bridgeId}/attendance-text`}
          canEdit={b.abilities.canEdit}
          testId="attendance-text"
        />
      </Card>
      <Card title={t('bridge.history')} size="small">
        <Timeline
          items={b.history.map((h) => ({
            color: STATUS_COLORS[h.status] === 'default' ? 'gray' : STATUS_COLORS[h.status],
            content: (
              <span>
                {formatWhen(h.at)} — <BridgeStatusTag status={h.status} /> {h.note ?? ''} {h.by ? `(${h.by})` : ''}
              </span>
            ),
          }))}
        />
      </Card>
    </Flex>
  );
}

function StatusButtons({ bridge }: { bridge: BridgeDetail }) {
  const t = useMessages(messages);
  const { lang } = useLanguage();
  const { message, modal } = App.useApp();
  const setStatus = useSetStatus(bridge.conferenceId, bridge.id);
  const change = (status: BridgeStatus, note?: string) =>
    setStatus.mutateAsync({ status, note: note ?? null, version: bridge.version }).catch((error: unknown) => {
      void message.error(errorMessage(error), 6);
    });
  const askProblem = (status: BridgeStatus) => {
    let note = '';
    modal.confirm({
      title: t('bridge.problemNote'),
      content: <Input.TextArea autoFocus data-testid="problem-note" onChange={(e) => (note = e.target.value)} />,
      onOk: () => change(status, note),
    });
  };
  return (
    <Space wrap>
      {BRIDGE_STATUSES.filter((s) => s !== 'invited').map((status) => (
        <Button
          key={status}
          type={bridge.status === status ? 'primary' : 'default'}
          danger={status === 'problem' || status === 'disconnected'}
          loading={setStatus.isPending && setStatus.variables?.status === status}
          onClick={() => (status === 'problem' || status === 'disconnected' ? askProblem(status) : change(status))}
        >
          {BRIDGE_STATUS_LABELS[status][lang]}
        </Button>
      ))}
    </Space>
  );
}

function Roster({ bridge }: { bridge: BridgeDetail }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 250);
  const list = useAttendees(bridge.conferenceId, bridge.id, debounced);
  const checkIn = useCheckIn(bridge.conferenceId, bridge.id);
  const undo = useUndoCheckIn(bridge.conferenceId, bridge.id);
  const remove = useDeleteAttendee(bridge.conferenceId, bridge.id);
  const [isAdding, setAdding] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const fail = (error: unknown) => void message.error(errorMessage(error), 6);
  return (
    <Card
      title={`${t('roster.title')} — ${t('roster.total', { total: formatNumber(list.data?.total ?? bridge.rosterCount) })}`}
      size="small"
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={conferenceUrl(`/${bridge.conferenceId}/bridges/${bridge.id}/invitations.docx`)}
          >
            {t('bridge.invitations')}
          </Button>
          {bridge.abilities.canEdit && (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('roster.import')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('roster.add')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Input.Search
        placeholder={t('roster.search')}
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 420, marginBottom: 12 }}
      />
      <Table<Attendee>
        rowKey="id"
        size="small"
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('roster.name'), dataIndex: 'fullName' },
          { title: t('roster.position'), dataIndex: 'position' },
          { title: t('roster.organisation'), dataIndex: 'organisation' },
          { title: t('roster.category'), dataIndex: ['category', 'name'] },
          {
            title: t('roster.checkedInAt'),
            dataIndex: 'checkedInAt',
            render: (at: string | null, row) =>
              at ? `${formatTime(at)}${row.isWalkIn ? ` · ${t('roster.walkIn')}` : ''}` : '',
          },
          ...(bridge.abilities.canEdit
            ? [
                {
                  title: '',
                  key: 'actions',
                  fixed: 'right' as const,
                  render: (_: unknown, row: Attendee) => (
                    <Space size={0}>
                      {row.checkedInAt ? (
                        <Button size="small" type="link" onClick={() => undo.mutateAsync(row.id).catch(fail)}>
                          {t('roster.undo')}
                        </Button>
                      ) : (
                        <Button
                          size="small"
                          type="link"
                          onClick={() => checkIn.mutateAsync({ attendeeId: row.id }).catch(fail)}
                        >
                          {t('roster.checkIn')}
                        </Button>
                      )}
                      <Button size="small" type="link" danger onClick={() => remove.mutateAsync(row.id).catch(fail)}>
                        {t('roster.remove')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AddAttendeeModal bridge={bridge} open={isAdding} onClose={() => setAdding(false)} />
      <ImportRosterModal
        conferenceId={bridge.conferenceId}
        bridgeId={bridge.id}
        open={isImporting}
        onClose={() => setImporting(false)}
      />
    </Card>
  );
}

export function AddAttendeeModal({
  bridge,
  open,
  onClose,
  isWalkIn = false,
}: {
  bridge: { conferenceId: string; id: string };
  open: boolean;
  onClose: () => void;
  isWalkIn?: boolean;
}) {
  const t = useMessages(messages);
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const add = useAddAttendee(bridge.conferenceId, bridge.id);
  const categories = useCategories();
  return (
    <Modal
      open={open}
      title={isWalkIn ? t('checkin.walkIn') : t('roster.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={isWalkIn ? t('checkin.walkInAdd') : t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={async (values: {
          fullName: string;
          position?: string;
          organisation?: string;
          categoryId?: string;
        }) => {
          try {
            const person = await add.mutateAsync({ ...values, isWalkIn });
            if (isWalkIn) {
              void message.success(t('checkin.ok', { name: person.fullName }));
            }
            onClose();
          } catch (error) {
            if (!applyServerErrors(form, error)) {
              void message.error(errorMessage(error), 6);
            }
          }
        }}
      >
        <Form.Item name="fullName" label={t('roster.name')} rules={[{ required: true, min: 2 }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="position" label={t('roster.position')}>
          <Input />
        </Form.Item>
        <Form.Item name="organisation" label={t('roster.organisation')}>
          <Input />
        </Form.Item>
        <Form.Item name="categoryId" label={t('roster.category')}>
          <Select
            allowClear
            options={(categories.data?.items ?? []).map((c) => ({
              value: c.id,
              label: lang === 'vi' ? c.nameVi : c.nameEn,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
