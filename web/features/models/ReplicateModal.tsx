import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { todayIso } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useAddReplication } from './api';
import { messages } from './messages';
import type { ModelDetail } from './types';
import { UnitSelect } from './UnitSelect';

interface Values {
  startedOn: Dayjs;
  unitId: string;
  note?: string;
}

/** Adds a unit that took the model up, from a date (the unit as it was on that date). */
export function ReplicateModal({ model, open, onClose }: { model: ModelDetail; open: boolean; onClose: () => void }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const replicate = useAddReplication();
  const startedOn = Form.useWatch('startedOn', form);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const saved = await replicate.mutateAsync({
        id: model.id,
        unitId: values.unitId,
        startedOn: fromDayjs(values.startedOn) ?? '',
        note: values.note?.trim() || undefined,
      });
      const unit = saved.replications.find((r) => r.unit.id === values.unitId)?.unit;
      void message.success(t('action.replicated', { unit: unit?.name ?? '' }));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 8);
      }
    }
  };

  return (
    <Modal
      open={open}
      title={`${t('action.replicate')}: ${model.title}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={replicate.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('hint.replicate')}</Typography.Paragraph>
      <Form<Values>
        name="replicate"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ startedOn: toDayjs(todayIso()) }}
      >
        <Form.Item
          name="startedOn"
          label={t('field.replicationStart')}
          rules={[{ required: true, message: t('rule.date') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            minDate={toDayjs(model.startedOn) ?? undefined}
            maxDate={toDayjs(todayIso()) ?? undefined}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('field.replicatingUnit')}
          rules={[{ required: true, message: t('rule.unit') }]}
        >
          <UnitSelect at={fromDayjs(startedOn)} />
        </Form.Item>
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
