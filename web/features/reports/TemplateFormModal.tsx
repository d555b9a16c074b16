import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { DEFAULT_SECTIONS, PERIOD_TYPES, PERIOD_TYPE_LABELS, type PeriodType } from '../../../common/reports';
import { isRoleAtLeast } from '../../../common/roles';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT } from '../../lib/format';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useCatalogue, useSaveTemplate } from './api';
import { reportsMessages } from './messages';

interface Values {
  code: string;
  name: string;
  ownerUnitId: string;
  periodType: PeriodType;
  customFrom?: Dayjs;
  customTo?: Dayjs;
  deadlineDays: number;
  subject: string;
  computed: string[];
  manual: { label: string; valueType: 'integer' | 'percent' | 'text' }[];
}

const slug = (text: string, i: number) =>
  `nhap_${
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 40) || i
  }`;

/** A new template: the usual outline I–V, indicators from the catalogue and typed ones. */
export function TemplateFormModal({ onClose }: { onClose: () => void }) {
  const t = useMessages(reportsMessages);
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const catalogue = useCatalogue();
  const save = useSaveTemplate();
  const [form] = Form.useForm<Values>();
  const periodType = Form.useWatch('periodType', form);
  const owners = me.grants.filter((g) => isRoleAtLeast(g.role, 'manager')).map((g) => g.unit);

  const submit = async (values: Values) => {
    const entries = catalogue.data?.items ?? [];
    try {
      await save.mutateAsync({
        code: values.code,
        name: values.name,
        ownerUnitId: values.ownerUnitId,
        periodType: values.periodType,
        customFrom: values.customFrom?.format('YYYY-MM-DD') ?? null,
        customTo: values.customTo?.format('YYYY-MM-DD') ?? null,
        deadlineDays: values.deadlineDays,
        subject: values.subject,
        sections: DEFAULT_SECTIONS,
        indicators: [
          ...values.computed.map((code) => {
            const entry = entries.find((e) => e.code === code)!;
            return {
              code,
              label: entry.label,
              unitLabel: entry.unitLabel,
              valueType: entry.valueType,
              source: 'computed',
              catalogueCode: code,
              rollUp: entry.rollUp,
            };
          }),
          ...(values.manual ?? []).map((m, i) => ({
            code: slug(m.label, i),
            label: m.label,
            valueType: m.valueType,
            source: 'manual',
            rollUp: m.valueType === 'text' ? 'none' : m.valueType === 'percent' ? 'weighted_average' : 'sum',
          })),
        ],
      });
      void message.success(t('tpl.created'));
      onClose();
    } catch (error) {
      const details = (error as { details?: { message: string }[] }).details ?? [];
      void message.error([(error as Error).message, ...details.map((d) => d.message)].join(' '));
    }
  };

  return (
    <Modal
      open
      title={t('tpl.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      cancelText={t('common.cancel')}
      width={760}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          periodType: 'quarter',
          deadlineDays: 10,
          ownerUnitId: owners[0]?.id,
          computed: [],
          manual: [],
        }}
      >
        <Space wrap>
          <Form.Item name="code" label={t('tpl.code')} rules={[{ required: true, message: t('common.required') }]}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="ownerUnitId"
            label={t('tpl.owner')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select style={{ width: 260 }} options={owners.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={t('tpl.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="subject" label={t('tpl.subject')} rules={[{ required: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="periodType" label={t('tpl.periodType')}>
            <Select
              style={{ width: 160 }}
              options={PERIOD_TYPES.map((p) => ({ value: p, label: PERIOD_TYPE_LABELS[p][lang] }))}
            />
          </Form.Item>
          {periodType === 'custom' && (
            <>
              <Form.Item
                name="customFrom"
                label={t('tpl.customFrom')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker format={DATE_FORMAT} />
              </Form.Item>
              <Form.Item
                name="customTo"
                label={t('tpl.customTo')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker format={DATE_FORMAT} />
              </Form.Item>
            </>
          )}
          <Form.Item name="deadlineDays" label={t('tpl.deadline')}>
            <InputNumber min={0} max={365} />
          </Form.Item>
        </Space>
        <Form.Item name="computed" label={t('tpl.computed')}>
          <Select
            mode="multiple"
            options={(catalogue.data?.items ?? []).map((e) => ({ value: e.code, label: e.label }))}
          />
        </Form.Item>
        <Form.List name="manual">
          {(fields, { add, remove }) => (
            <Form.Item label={t('tpl.manual')}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item name={[field.name, 'label']} rules={[{ required: true, message: t('common.required') }]}>
                    <Input placeholder={t('tpl.manualLabel')} style={{ width: 380 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'valueType']} initialValue="integer">
                    <Select
                      style={{ width: 140 }}
                      options={[
                        { value: 'integer', label: 'Số' },
                        { value: 'percent', label: '%' },
                        { value: 'text', label: 'Chữ' },
                      ]}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>−</Button>
                </Space>
              ))}
              <Button onClick={() => add()}>+</Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
