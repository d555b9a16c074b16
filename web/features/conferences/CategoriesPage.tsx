import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useAllCategories, useSaveCategory, type CategoryInput } from './api';
import { messages } from './messages';
import type { Category } from './types';

/**
 * The attendee categories every conference shares (administrators): add, rename, reorder, retire or bring back. A
 * category is never deleted, since rosters and past attendance paragraphs name it.
 */
export function CategoriesPage() {
  const t = useMessages(messages);
  const list = useAllCategories();
  const save = useSaveCategory();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);

  const toggle = async (category: Category) => {
    try {
      await save.mutateAsync({ id: category.id, isActive: !category.isActive, version: category.version });
      void message.success(t(category.isActive ? 'categories.deactivated' : 'categories.activated'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Link to="/conferences">← {t('common.back')}</Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('categories.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('categories.add')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('categories.intro')}
      </Typography.Paragraph>
      <Table<Category>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('categories.order'), dataIndex: 'sortOrder', width: 80, align: 'right' },
          {
            title: t('categories.nameVi'),
            dataIndex: 'nameVi',
            render: (name: string, row) => (
              <Flex vertical>
                <span>{name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.nameEn} · {row.code}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('categories.state'),
            dataIndex: 'isActive',
            render: (isActive: boolean) =>
              isActive ? <Tag color="green">{t('categories.active')}</Tag> : <Tag>{t('categories.inactive')}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row) => (
              <Space>
                <Button size="small" onClick={() => setEditing(row)}>
                  {t('categories.edit')}
                </Button>
                <Button size="small" danger={row.isActive} onClick={() => void toggle(row)}>
                  {t(row.isActive ? 'categories.deactivate' : 'categories.activate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <CategoryModal category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

function CategoryModal({ category, onClose }: { category: Category | null; onClose: () => void }) {
  const t = useMessages(messages);
  const [form] = Form.useForm<CategoryInput>();
  const save = useSaveCategory();
  const { message } = App.useApp();

  const submit = async (values: CategoryInput) => {
    try {
      await save.mutateAsync(
        category
          ? {
              id: category.id,
              nameVi: values.nameVi,
              nameEn: values.nameEn,
              sortOrder: values.sortOrder,
              version: category.version,
            }
          : values,
      );
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error));
      }
    }
  };

  return (
    <Modal
      open
      title={t(category ? 'categories.edit' : 'categories.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={category ?? { sortOrder: 100 }}
        preserve={false}
      >
        <Form.Item name="nameVi" label={t('categories.nameVi')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('categories.nameEn')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('categories.code')}
          extra={t('categories.codeHelp')}
          rules={[{ required: true }]}
        >
          <Input disabled={Boolean(category)} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('categories.order')} rules={[{ required: true }]}>
          <InputNumber precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
