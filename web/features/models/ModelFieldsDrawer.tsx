import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Form, Input, InputNumber, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useModelFields, useSaveModelField } from './api';
import { messages } from './messages';
import type { ModelField } from './types';

interface Values {
  code: string;
  nameVi: string;
  nameEn: string;
  sortOrder: number;
  isActive: boolean;
}

/** The configurable list of fields: add, rename, reorder, retire (root managers and administrators). */
export function ModelFieldsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const fields = useModelFields(true);
  const save = useSaveModelField();
  const [editing, setEditing] = useState<ModelField | 'new' | null>(null);
  const [form] = Form.useForm<Values>();

  const submit = async () => {
    const values = await form.validateFields();
    try {
      if (editing === 'new') {
        await save.mutateAsync(values);
      } else if (editing) {
        const { code: _code, ...rest } = values;
        await save.mutateAsync({ id: editing.id, ...rest, version: editing.version });
      }
      void message.success(t('fields.saved'));
      setEditing(null);
    } catch (error) {
      if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 6);
      }
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('fields.title')} size={560} destroyOnHidden>
      <Flex vertical gap={12}>
        {editing ? (
          <Form<Values>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={editing === 'new' ? { sortOrder: 200, isActive: true } : editing}
          >
            <Form.Item
              name="code"
              label={t('field.code')}
              rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('rule.code') }]}
            >
              <Input disabled={editing !== 'new'} maxLength={40} />
            </Form.Item>
            <Form.Item
              name="nameVi"
              label={t('field.nameVi')}
              rules={[{ required: true, whitespace: true, message: t('rule.nameVi') }]}
            >
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item
              name="nameEn"
              label={t('field.nameEn')}
              rules={[{ required: true, whitespace: true, message: t('rule.nameEn') }]}
            >
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item name="sortOrder" label={t('field.sortOrder')}>
              <InputNumber min={0} max={100000} />
            </Form.Item>
            <Form.Item name="isActive" label={t('field.isActive')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Flex gap={8}>
              <Button type="primary" loading={save.isPending} onClick={() => void submit().catch(() => undefined)}>
                {t('common.save')}
              </Button>
              <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
            </Flex>
          </Form>
        ) : (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ alignSelf: 'flex-start' }}>
            {t('fields.add')}
          </Button>
        )}
        <Table<ModelField>
          size="small"
          rowKey="id"
          loading={fields.isFetching}
          dataSource={fields.data?.items ?? []}
          pagination={false}
          onRow={(field) => ({ onClick: () => setEditing(field), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('field.sortOrder'), dataIndex: 'sortOrder', width: 70 },
            { title: t('field.nameVi'), dataIndex: 'nameVi' },
            { title: t('field.code'), dataIndex: 'code' },
            {
              title: t('field.isActive'),
              dataIndex: 'isActive',
              render: (isActive: boolean) => (isActive ? <Tag color="green">✓</Tag> : <Tag>{t('fields.retired')}</Tag>),
            },
          ]}
        />
      </Flex>
    </Drawer>
  );
}
