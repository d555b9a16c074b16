import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { UnitSelect } from '../models/UnitSelect';
import { useCreatePlan } from './api';
import { messages } from './messages';

interface Values {
  unitId: string;
  year: number;
  title: string;
  number?: string;
}

/** A new yearly plan of a conducting unit (draft until a manager approves it). */
export function PlanFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreatePlan();
  const year = new Date().getFullYear();

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const plan = await create.mutateAsync({ ...values, number: values.number?.trim() || undefined });
      void message.success(t('common.saved'));
      onClose();
      void navigate(`/inspections/plans/${plan.id}`);
    } catch (error) {
      if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 8);
      }
    }
  };

  return (
    <Modal
      open={open}
      title={t('plans.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values> name="plan" form={form} layout="vertical" preserve={false} initialValues={{ year }}>
        <Form.Item name="unitId" label={t('plans.unit')} rules={[{ required: true, message: t('plans.unit') }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="year" label={t('plans.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
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
      </Form>
    </Modal>
  );
}
