import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CONFERENCE_MODE_LABELS, CONFERENCE_MODES } from '../../../common/conferences';
import { isRoleAtLeast } from '../../../common/roles';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useCurrentUser } from '../auth/useCurrentUser';
import { UnitSelect } from '../models/UnitSelect';
import { useConferences, useCreateConference } from './api';
import { formatNumber, formatWhen, toVietnamIso } from './format';
import { messages } from './messages';
import type { ConferenceSummary } from './types';

/** Conferences the user organises or hosts a bridge point of. */
export function ConferencesPage() {
  const t = useMessages(messages);
  const { lang } = useLanguage();
  const list = useConferences();
  const [isCreating, setCreating] = useState(false);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const canCreate = user.grants.some((grant) => isRoleAtLeast(grant.role, 'editor'));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {user.abilities.isAdmin && (
            <Button icon={<UnorderedListOutlined />} onClick={() => void navigate('/conferences/categories')}>
              {t('categories.open')}
            </Button>
          )}
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('list.create')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<ConferenceSummary>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('list.empty') }}
        scroll={{ x: 'max-content' }}
        pagination={false}
        columns={[
          {
            title: t('field.title'),
            dataIndex: 'title',
            render: (title: string, row) => <Link to={`/conferences/${row.id}`}>{title}</Link>,
          },
          { title: t('field.time'), dataIndex: 'startsAt', render: (iso: string) => formatWhen(iso), width: 150 },
          { title: t('field.unit'), dataIndex: ['unit', 'name'] },
          {
            title: t('field.mode'),
            dataIndex: 'mode',
            render: (mode: keyof typeof CONFERENCE_MODE_LABELS) => CONFERENCE_MODE_LABELS[mode][lang],
          },
          {
            title: t('field.bridges'),
            dataIndex: 'bridgesCount',
            align: 'right',
            render: (n: number) => formatNumber(n),
          },
          {
            title: '',
            dataIndex: 'isOrganiser',
            render: (isOrganiser: boolean) => <Tag>{isOrganiser ? t('list.organiser') : t('list.myPoint')}</Tag>,
          },
        ]}
      />
      <CreateConferenceModal open={isCreating} onClose={() => setCreating(false)} />
    </Flex>
  );
}

interface FormValues {
  title: string;
  unitId: string;
  startsAt: Dayjs;
  endsAt: Dayjs;
  mode: string;
  hostPlace?: string;
  meetingUrl?: string;
}

function CreateConferenceModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(messages);
  const { lang } = useLanguage();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateConference();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const submit = async (values: FormValues) => {
    try {
      const created = await create.mutateAsync({
        title: values.title,
        unitId: values.unitId,
        startsAt: toVietnamIso(values.startsAt),
        endsAt: toVietnamIso(values.endsAt),
        mode: values.mode,
        hostPlace: values.hostPlace || null,
        meetingUrl: values.meetingUrl || null,
      });
      onClose();
      void navigate(`/conferences/${created.id}`);
    } catch (error) {
      if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error));
      }
    }
  };

  return (
    <Modal
      open={open}
      title={t('list.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={{ xs: '100%', md: 640 }}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ mode: 'online' }} preserve={false}>
        <Form.Item name="title" label={t('field.title')} rules={[{ required: true, min: 5 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="unitId" label={t('field.unit')} rules={[{ required: true }]}>
          <UnitSelect />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="startsAt" label={t('field.startsAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('field.endsAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" />
          </Form.Item>
        </Flex>
        <Form.Item name="mode" label={t('field.mode')} rules={[{ required: true }]}>
          <Select
            options={CONFERENCE_MODES.map((mode) => ({ value: mode, label: CONFERENCE_MODE_LABELS[mode][lang] }))}
          />
        </Form.Item>
        <Form.Item name="hostPlace" label={t('field.hostPlace')}>
          <Input />
        </Form.Item>
        <Form.Item name="meetingUrl" label={t('field.meetingUrl')}>
          <Input placeholder="https://" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
