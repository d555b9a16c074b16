import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useT } from '../../i18n/useT';
import { DATE_FORMAT } from '../../lib/format';
import { useCloseOrgUnit } from './api';
import type { OrgUnitDetail } from './types';
import { useUnitMutationFeedback } from './useUnitMutationFeedback';

interface Values {
  validTo: Dayjs;
  reason?: string;
}

interface Props {
  unit: OrgUnitDetail;
  open: boolean;
  onClose: () => void;
  onConflict: () => void;
}

/** Ends a unit: its last day of activity; the unit and its records stay in the history. */
export function CloseUnitModal({ unit, open, onClose, onConflict }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const close = useCloseOrgUnit(unit.id);
  const report = useUnitMutationFeedback(onConflict);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await close.mutateAsync({
        validTo: values.validTo.format('YYYY-MM-DD'),
        reason: values.reason?.trim() || undefined,
        version: unit.version,
      });
      void message.success(t('unit.closed'));
      onClose();
    } catch (error) {
      report(form, error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('unit.closeTitle', { name: unit.name })}
      okText={t('unit.closeSubmit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={close.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('unit.closeWarning')} style={{ marginBottom: 16 }} />
      <Form<Values>
        name="close-unit"
        form={form}
        layout="vertical"
        initialValues={{ validTo: dayjs() }}
        preserve={false}
      >
        <Form.Item
          name="validTo"
          label={t('unit.lastDay')}
          extra={t('unit.lastDayHint')}
          rules={[{ required: true, message: t('common.dateRequired') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(day) => day.isBefore(dayjs(unit.validFrom, 'YYYY-MM-DD'), 'day')}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('unit.reason')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
