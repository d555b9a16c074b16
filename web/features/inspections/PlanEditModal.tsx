import { App, Form, Input, Modal } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { ConflictAlert } from '../../lib/ConflictAlert';
import { changedFields, useVersionedEdit } from '../../lib/useVersionedEdit';
import { usePlan, useUpdatePlan } from './api';
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
  const edit = useVersionedEdit({ record: plan, form, refetch: fresh.refetch, toValues });

  const submit = async () => {
    const values = await form.validateFields();
    const next = {
      title: values.title.trim(),
      number: values.number?.trim() || null,
      note: values.note?.trim() || null,
    };
    const { id, version } = edit.base;
    const saved = await edit.save(() => update.mutateAsync({ id, version, ...changedFields(next, edit.base) }));
    if (saved) {
      void message.success(t('common.saved'));
      onClose();
    }
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
      {edit.conflict && (
        <ConflictAlert title={t('conflict.title')} error={edit.conflict} onReload={() => void edit.reload()} />
      )}
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
