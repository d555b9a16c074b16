import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { ALLOWED_PARENT_KINDS, UNIT_CODE_PATTERN, UNIT_KINDS, type UnitKind } from '../../../common/org-units';
import { useLabels } from '../../i18n/useLabels';
import { useT } from '../../i18n/useT';
import { DATE_FORMAT } from '../../lib/format';
import { useCreateOrgUnit } from './api';
import type { OrgUnitDetail } from './types';
import { useUnitMutationFeedback } from './useUnitMutationFeedback';

interface Values {
  code: string;
  name: string;
  kind: UnitKind;
  validFrom: Dayjs;
}

interface Props {
  parent: OrgUnitDetail;
  open: boolean;
  onClose: () => void;
  onConflict: () => void;
}

export function AddChildModal({ parent, open, onClose, onConflict }: Props) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrgUnit();
  const report = useUnitMutationFeedback(onConflict);
  const kinds = UNIT_KINDS.filter((kind) => ALLOWED_PARENT_KINDS[kind].includes(parent.kind));

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const created = await create.mutateAsync({
        code: values.code.trim(),
        name: values.name.trim(),
        kind: values.kind,
        parentId: parent.id,
        validFrom: values.validFrom.format('YYYY-MM-DD'),
      });
      void message.success(t('unit.created', { name: created.name }));
      onClose();
    } catch (error) {
      report(form, error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('unit.addChildTitle', { parent: parent.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        name="add-unit"
        form={form}
        layout="vertical"
        initialValues={{ kind: kinds[0], validFrom: dayjs() }}
        preserve={false}
      >
        <Form.Item
          name="code"
          label={t('unit.code')}
          extra={t('unit.codeHint')}
          rules={[
            { required: true, message: t('unit.codeRequired') },
            { pattern: UNIT_CODE_PATTERN, message: t('unit.codeInvalid') },
          ]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('unit.name')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('unit.nameRequired') }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true }]}>
          <Select options={kinds.map((kind) => ({ value: kind, label: labels.kind(kind) }))} />
        </Form.Item>
        <Form.Item
          name="validFrom"
          label={t('unit.validFrom')}
          rules={[{ required: true, message: t('common.dateRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
