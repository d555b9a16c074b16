import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useT } from '../../i18n/useT';
import { DATE_FORMAT } from '../../lib/format';
import { useRenameOrgUnit } from './api';
import type { OrgUnitDetail } from './types';
import { useUnitMutationFeedback } from './useUnitMutationFeedback';

interface Values {
  name: string;
  effectiveDate: Dayjs;
}

interface Props {
  unit: OrgUnitDetail;
  open: boolean;
  onClose: () => void;
  onConflict: () => void;
}

/** A rename keeps the unit and its history; the old name stays on record with its dates. */
export function RenameModal({ unit, open, onClose, onConflict }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rename = useRenameOrgUnit(unit.id);
  const report = useUnitMutationFeedback(onConflict);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await rename.mutateAsync({
        name: values.name.trim(),
        effectiveDate: values.effectiveDate.format('YYYY-MM-DD'),
        version: unit.version,
      });
      void message.success(t('unit.renamed'));
      onClose();
    } catch (error) {
      report(form, error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('unit.renameTitle', { name: unit.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={rename.isPending}
      destroyOnHidden
    >
      <Form<Values>
        name="rename-unit"
        form={form}
        layout="vertical"
        initialValues={{ name: unit.name, effectiveDate: dayjs() }}
        preserve={false}
      >
        <Form.Item
          name="name"
          label={t('unit.newName')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('unit.nameRequired') },
            {
              validator: (_, value: string | undefined) =>
                value && value.trim() === unit.name
                  ? Promise.reject(new Error(t('unit.nameUnchanged')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="effectiveDate"
          label={t('unit.effectiveDate')}
          extra={t('unit.effectiveDateHint')}
          rules={[{ required: true, message: t('common.dateRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
