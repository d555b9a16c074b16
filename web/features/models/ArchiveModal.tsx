import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { todayIso } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useArchiveModel } from './api';
import { messages } from './messages';
import type { ModelDetail } from './types';

interface Values {
  reason: string;
  archivedOn: Dayjs;
}

/** Archives a model from whatever state it is in, with the reason. */
export function ArchiveModal({ model, open, onClose }: { model: ModelDetail; open: boolean; onClose: () => void }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const archive = useArchiveModel();

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await archive.mutateAsync({
        id: model.id,
        reason: values.reason.trim(),
        archivedOn: fromDayjs(values.archivedOn),
        version: model.version,
      });
      void message.success(t('action.archived'));
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
      title={`${t('action.archive')}: ${model.title}`}
      okText={t('action.archive')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={archive.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('hint.archive')}</Typography.Paragraph>
      <Form<Values>
        name="archive"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ archivedOn: toDayjs(todayIso()) }}
      >
        <Form.Item
          name="reason"
          label={t('field.reason')}
          rules={[{ required: true, whitespace: true, min: 3, message: t('rule.reason') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="archivedOn"
          label={t('field.archivedOn')}
          rules={[{ required: true, message: t('rule.date') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            minDate={toDayjs(model.startedOn) ?? undefined}
            maxDate={toDayjs(todayIso()) ?? undefined}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
