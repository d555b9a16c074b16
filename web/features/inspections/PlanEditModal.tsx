import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { isApiError, type ApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { usePlan, useUpdatePlan } from './api';
import { ConflictAlert } from '../../lib/ConflictAlert';
import { messages } from './messages';
import type { PlanDetail } from './types';

interface Values {
  title: string;
  number?: string;
  note?: string;
}

const toValues = (plan: PlanDetail): Values => ({
  title: plan.title,
  number: plan.number ?? undefined,
  note: plan.note ?? undefined,
});

/** Edits a plan's title, number and note from the version shown; a 409 lists what changed meanwhile. */
export function PlanEditModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdatePlan();
  const fresh = usePlan(plan.id);
  const [base, setBase] = useState(plan);
  const [conflict, setConflict] = useState<ApiError | null>(null);

  const submit = async () => {
    const values = await form.validateFields();
    const next = {
      title: values.title.trim(),
      number: values.number?.trim() || null,
      note: values.note?.trim() || null,
    };
    // Only what the user changed, so a 409 names what collides and nothing else is overwritten.
    const changed = Object.fromEntries(
      Object.entries(next).filter(([key, value]) => value !== base[key as keyof Values]),
    );
    setConflict(null);
    try {
      await update.mutateAsync({ id: base.id, version: base.version, ...changed });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (isApiError(error, 'CONFLICT')) {
        setConflict(error);
      } else if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 8);
      }
    }
  };

  const reload = async () => {
    const { data } = await fresh.refetch();
    if (data) {
      setBase(data);
      form.setFieldsValue(toValues(data));
    }
    setConflict(null);
  };

  return (
    <Modal
      open
      title={t('plans.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {conflict && <ConflictAlert title={t('conflict.title')} error={conflict} onReload={() => void reload()} />}
      <Form<Values> name="plan-edit" form={form} layout="vertical" initialValues={toValues(plan)}>
        <Form.Item
          name="title"
          label={t('plans.name')}
          rules={[{ required: true, whitespace: true, message: t('plans.name') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="number" label={t('plans.number')}>
          <Input maxLength={60} placeholder="12-KH/TU" />
        </Form.Item>
        <Form.Item name="note" label={t('plans.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
