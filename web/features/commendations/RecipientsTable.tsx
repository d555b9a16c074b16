import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { RecipientType } from '../../../common/commendations';
import { isApiError, type ApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useAddRecipient, useDeleteRecipient, useUpdateRecipient } from './api';
import { ConflictAlert } from '../../lib/ConflictAlert';
import { messages } from './messages';
import type { DecisionDetail, Recipient, RecipientInput } from './types';
import { UnitAtDatePicker } from './UnitAtDatePicker';
import { useCommendationLabels } from './useCommendationLabels';

const NEW = 'new';
const EMPTY = {
  key: NEW,
  id: NEW,
  recipientType: 'individual' as const,
  name: '',
  unit: { id: '', code: '', name: '' },
  position: null,
  reason: null,
};

interface Row extends Recipient {
  key: string;
}

interface Values {
  recipientType: RecipientType;
  name: string;
  unitId: string;
  position?: string;
  reason?: string;
}

const toInput = (values: Values): RecipientInput => ({
  recipientType: values.recipientType,
  name: values.name.trim(),
  unitId: values.unitId,
  position: values.position?.trim() || null,
  reason: values.reason?.trim() || null,
});

/**
 * The decision's recipients, edited in place one row at a time: each save carries the decision's version, so an edit
 * made meanwhile by someone else answers with what changed instead of being overwritten.
 */
export function RecipientsTable({ decision, onReload }: { decision: DecisionDetail; onReload: () => void }) {
  const t = useMessages(messages);
  const labels = useCommendationLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const add = useAddRecipient(decision.id);
  const update = useUpdateRecipient(decision.id);
  const remove = useDeleteRecipient(decision.id);
  const canEdit = decision.abilities.canEdit;

  const rows: Row[] = decision.recipients.map((r) => ({ ...r, key: r.id }));
  if (editing === NEW) {
    rows.push(EMPTY);
  }

  const fail = (error: unknown) => {
    if (isApiError(error, 'CONFLICT')) {
      setConflict(error);
    } else if (!applyServerErrors(form, error)) {
      void message.error(errorMessage(error), 6);
    }
  };

  const startEdit = (row: Row) => {
    setConflict(null);
    form.setFieldsValue({
      recipientType: row.recipientType,
      name: row.name,
      unitId: row.unit.id || undefined,
      position: row.position ?? undefined,
      reason: row.reason ?? undefined,
    });
    setEditing(row.key);
  };

  const save = async (row: Row) => {
    const input = toInput(await form.validateFields());
    try {
      if (row.key === NEW) {
        await add.mutateAsync({ ...input, version: decision.version });
      } else {
        await update.mutateAsync({ recipientId: row.id, ...input, version: decision.version });
      }
      void message.success(t('recipients.saved', { name: input.name }));
      setEditing(null);
      setConflict(null);
    } catch (error) {
      fail(error);
    }
  };

  const isEditing = (row: Row) => row.key === editing;
  const cell = (
    row: Row,
    name: keyof Values,
    control: React.ReactNode,
    rules: object[] = [],
    read?: React.ReactNode,
  ) =>
    isEditing(row) ? (
      <Form.Item name={name} rules={rules} style={{ margin: 0 }}>
        {control}
      </Form.Item>
    ) : (
      read
    );

  return (
    <Flex vertical gap={8}>
      {conflict && (
        <ConflictAlert
          title={t('conflict.title')}
          hint={t('conflict.hint')}
          error={conflict}
          onReload={() => {
            setConflict(null);
            setEditing(null);
            onReload();
          }}
        />
      )}
      <Form form={form} component={false}>
        <Table<Row>
          data-testid="recipients"
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('recipients.empty') }}
          columns={[
            {
              title: t('recipients.type'),
              width: 120,
              render: (_, row) =>
                cell(
                  row,
                  'recipientType',
                  <Select options={labels.recipientType.options} style={{ minWidth: 100 }} />,
                  [{ required: true }],
                  labels.recipientType.label(row.recipientType),
                ),
            },
            {
              title: t('recipients.name'),
              render: (_, row) =>
                cell(
                  row,
                  'name',
                  <Input aria-label={t('recipients.name')} maxLength={300} style={{ minWidth: 160 }} />,
                  [{ required: true, whitespace: true, min: 2, message: t('rule.name') }],
                  row.name,
                ),
            },
            {
              title: t('recipients.unit'),
              render: (_, row) =>
                cell(
                  row,
                  'unitId',
                  <UnitAtDatePicker
                    at={decision.decisionDate}
                    current={row.unit.id ? row.unit : null}
                    style={{ minWidth: 200 }}
                  />,
                  [{ required: true, message: t('rule.unit') }],
                  <span>
                    {row.unit.name} <Typography.Text type="secondary">{row.unit.code}</Typography.Text>
                  </span>,
                ),
            },
            {
              title: t('recipients.position'),
              render: (_, row) =>
                cell(
                  row,
                  'position',
                  <Input aria-label={t('recipients.position')} maxLength={200} />,
                  [],
                  row.position,
                ),
            },
            {
              title: t('recipients.reason'),
              render: (_, row) =>
                cell(
                  row,
                  'reason',
                  <Input.TextArea aria-label={t('recipients.reason')} autoSize maxLength={2000} />,
                  [],
                  <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0, maxWidth: 360 }}>
                    {row.reason}
                  </Typography.Paragraph>,
                ),
            },
            ...(canEdit
              ? [
                  {
                    title: t('recipients.actions'),
                    width: 150,
                    fixed: 'right' as const,
                    render: (_: unknown, row: Row) =>
                      isEditing(row) ? (
                        <Flex gap={4}>
                          <Button
                            type="primary"
                            size="small"
                            loading={add.isPending || update.isPending}
                            onClick={() => void save(row).catch(() => undefined)}
                          >
                            {t('recipients.save')}
                          </Button>
                          <Button size="small" onClick={() => setEditing(null)}>
                            {t('recipients.cancel')}
                          </Button>
                        </Flex>
                      ) : (
                        <Flex gap={4}>
                          <Button
                            size="small"
                            icon={<EditOutlined />}
                            aria-label={t('recipients.edit')}
                            disabled={editing !== null}
                            onClick={() => startEdit(row)}
                          />
                          <Popconfirm
                            title={t('recipients.deleteConfirm', { name: row.name })}
                            onConfirm={() =>
                              remove.mutateAsync({ recipientId: row.id, version: decision.version }).catch(fail)
                            }
                          >
                            <Button
                              size="small"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('recipients.delete')}
                              disabled={editing !== null}
                            />
                          </Popconfirm>
                        </Flex>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Form>
      {canEdit && (
        <div>
          <Button icon={<PlusOutlined />} disabled={editing !== null} onClick={() => startEdit(EMPTY)}>
            {t('recipients.add')}
          </Button>
        </div>
      )}
    </Flex>
  );
}
