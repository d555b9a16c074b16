import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { todayIso } from '../../../common/dates';
import type { RecognitionLevel } from '../../../common/models';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useRecogniseModel } from './api';
import { DecisionSelect } from './DecisionSelect';
import { messages } from './messages';
import type { ModelDetail } from './types';
import { useModelLabels } from './useModelLabels';

interface Values {
  level: RecognitionLevel;
  recognisedOn: Dayjs;
  decisionId?: string;
  note?: string;
}

/** Recognises a proposed model: at which level, on which day, by which commendation decision if any. */
export function RecogniseModal({ model, open, onClose }: { model: ModelDetail; open: boolean; onClose: () => void }) {
  const t = useMessages(messages);
  const labels = useModelLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const recognise = useRecogniseModel();

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await recognise.mutateAsync({
        id: model.id,
        level: values.level,
        recognisedOn: fromDayjs(values.recognisedOn) ?? '',
        decisionId: values.decisionId,
        note: values.note?.trim() || undefined,
        version: model.version,
      });
      void message.success(t('action.recognised'));
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
      title={`${t('action.recognise')}: ${model.title}`}
      okText={t('action.recognise')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={recognise.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('hint.recognise')}</Typography.Paragraph>
      <Form<Values>
        name="recognise"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ recognisedOn: toDayjs(todayIso()) }}
      >
        <Form.Item name="level" label={t('field.level')} rules={[{ required: true, message: t('rule.level') }]}>
          <Select options={labels.levelOptions} />
        </Form.Item>
        <Form.Item
          name="recognisedOn"
          label={t('field.recognisedOn')}
          rules={[{ required: true, message: t('rule.date') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            minDate={toDayjs(model.startedOn) ?? undefined}
            maxDate={toDayjs(todayIso()) ?? undefined}
          />
        </Form.Item>
        <Form.Item name="decisionId" label={t('field.decision')}>
          <DecisionSelect />
        </Form.Item>
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
