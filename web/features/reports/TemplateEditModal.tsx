import { ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Form, Input, InputNumber, Modal, Select, Space, Switch, Tooltip } from 'antd';
import { useState } from 'react';
import { INDICATOR_SOURCES, INDICATOR_TYPES, ROLL_UPS, ROLL_UP_LABELS } from '../../../common/reports';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { useCatalogue, useUpdateTemplate } from './api';
import { reportsMessages } from './messages';
import type { Indicator, Section, Template } from './types';

type IndicatorRow = Omit<Indicator, 'unitLabel' | 'catalogueCode' | 'weightCode' | 'sectionKey'> & {
  unitLabel?: string | null;
  catalogueCode?: string | null;
  weightCode?: string | null;
  sectionKey?: string | null;
  /** The indicator was in the template when the form opened (reports may hold figures under its code). */
  isExisting?: boolean;
};

interface Values {
  name: string;
  subject: string;
  deadlineDays: number;
  isActive: boolean;
  sections: (Section & { isExisting?: boolean })[];
  indicators: IndicatorRow[];
}

/**
 * Edits a template: its names, deadline, parts and indicators. Once units have reported on it, the parts and
 * indicators they rely on are locked here as the server locks them (it refuses the same changes, in Vietnamese).
 */
export function TemplateEditModal({ template, onClose }: { template: Template; onClose: () => void }) {
  const t = useMessages(reportsMessages);
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const catalogue = useCatalogue();
  const update = useUpdateTemplate();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const rows = (Form.useWatch('indicators', { form, preserve: true }) as IndicatorRow[] | undefined) ?? [];
  const sections = (Form.useWatch('sections', { form, preserve: true }) as Values['sections'] | undefined) ?? [];
  const isInUse = template.submissionCount > 0;
  const isLocked = (row?: { isExisting?: boolean }) => isInUse && !!row?.isExisting;

  const submit = async (values: Values) => {
    setErrors([]);
    try {
      await update.mutateAsync({
        id: template.id,
        version: template.version,
        name: values.name,
        subject: values.subject,
        deadlineDays: values.deadlineDays,
        isActive: values.isActive,
        sections: values.sections.map((s) => ({ key: s.key, title: s.title, hint: s.hint || null })),
        indicators: values.indicators.map((i) => ({
          code: i.code,
          label: i.label,
          unitLabel: i.unitLabel || null,
          valueType: i.valueType,
          source: i.source,
          catalogueCode: i.source === 'computed' ? (i.catalogueCode ?? null) : null,
          rollUp: i.rollUp,
          weightCode: i.rollUp === 'weighted_average' ? (i.weightCode ?? null) : null,
          sectionKey: i.sectionKey || null,
        })),
      });
      void message.success(t('tpl.saved'));
      onClose();
    } catch (error) {
      const details = (error as { details?: { message: string }[] }).details ?? [];
      setErrors([(error as Error).message, ...details.map((d) => d.message)]);
    }
  };

  const pickCatalogue = (index: number, code: string) => {
    const entry = catalogue.data?.items.find((e) => e.code === code);
    if (!entry) {
      return;
    }
    const row = form.getFieldValue(['indicators', index]) as IndicatorRow;
    form.setFieldValue(['indicators', index], {
      ...row,
      code: row.code || code,
      label: entry.label,
      unitLabel: entry.unitLabel,
      valueType: entry.valueType,
      rollUp: entry.rollUp,
    });
  };

  return (
    <Modal
      open
      title={t('tpl.editTitle', { code: template.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: update.isPending }}
      cancelText={t('common.cancel')}
      width={1280}
    >
      {isInUse && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('tpl.inUse', { n: template.submissionCount })}
        />
      )}
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={errors[0]}
          description={
            errors.length > 1 && (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {errors.slice(1).map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: template.name,
          subject: template.subject,
          deadlineDays: template.deadlineDays,
          isActive: template.isActive,
          sections: template.sections.map((s) => ({ ...s, isExisting: true })),
          indicators: template.indicators.map((i) => ({ ...i, isExisting: true })),
        }}
      >
        <Space wrap align="start">
          <Form.Item name="name" label={t('tpl.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input style={{ width: 420 }} />
          </Form.Item>
          <Form.Item name="deadlineDays" label={t('tpl.deadline')}>
            <InputNumber min={0} max={365} />
          </Form.Item>
          <Form.Item name="isActive" label={t('tpl.isActive')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="subject" label={t('tpl.subject')} rules={[{ required: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>

        <Divider titlePlacement="start">{t('tpl.sectionsTitle')}</Divider>
        <Form.List name="sections">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => {
                const locked = isLocked(sections[index]);
                return (
                  <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'key']} rules={[{ required: true, message: t('common.required') }]}>
                      <Input
                        aria-label={`${t('tpl.sectionKey')} ${index + 1}`}
                        style={{ width: 70 }}
                        disabled={locked}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'title']} rules={[{ required: true, message: t('common.required') }]}>
                      <Input aria-label={`${t('tpl.sectionTitle')} ${index + 1}`} style={{ width: 420 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'hint']}>
                      <Input
                        aria-label={`${t('tpl.sectionHint')} ${index + 1}`}
                        placeholder={t('tpl.sectionHint')}
                        style={{ width: 520 }}
                      />
                    </Form.Item>
                    <Tooltip title={locked ? t('tpl.locked') : t('tpl.remove')}>
                      <Button
                        aria-label={`${t('tpl.remove')} ${t('tpl.sectionKey').toLowerCase()} ${index + 1}`}
                        icon={<DeleteOutlined />}
                        disabled={locked}
                        onClick={() => remove(field.name)}
                      />
                    </Tooltip>
                  </Space>
                );
              })}
              <Button onClick={() => add({ key: '', title: '', hint: '' })}>{t('tpl.addSection')}</Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('tpl.indicatorsTitle')}</Divider>
        <Form.List name="indicators">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((field, index) => {
                const row = rows[index];
                const locked = isLocked(row);
                const n = index + 1;
                return (
                  <div
                    key={field.key}
                    style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 8px 0', marginBottom: 8 }}
                  >
                    <Space align="baseline" wrap size={6}>
                      <b style={{ display: 'inline-block', width: 22 }}>{n}.</b>
                      <Form.Item
                        name={[field.name, 'code']}
                        rules={[{ required: true, message: t('common.required') }]}
                      >
                        <Input aria-label={`${t('tpl.ind.code')} ${n}`} style={{ width: 190 }} disabled={locked} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'label']}
                        rules={[{ required: true, message: t('common.required') }]}
                      >
                        <Input aria-label={`${t('tpl.ind.label')} ${n}`} style={{ width: 440 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'unitLabel']}>
                        <Input
                          aria-label={`${t('tpl.ind.unit')} ${n}`}
                          placeholder={t('tpl.ind.unit')}
                          style={{ width: 90 }}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'sectionKey']}>
                        <Select
                          aria-label={`${t('tpl.ind.section')} ${n}`}
                          placeholder={t('tpl.ind.section')}
                          style={{ width: 100 }}
                          allowClear
                          options={sections.filter((s) => s?.key).map((s) => ({ value: s.key, label: s.key }))}
                        />
                      </Form.Item>
                      <Tooltip title={t('tpl.up')}>
                        <Button
                          aria-label={`${t('tpl.up')} ${n}`}
                          icon={<ArrowUpOutlined />}
                          disabled={index === 0}
                          onClick={() => move(index, index - 1)}
                        />
                      </Tooltip>
                      <Tooltip title={locked ? t('tpl.locked') : t('tpl.remove')}>
                        <Button
                          aria-label={`${t('tpl.remove')} ${t('tpl.ind.code').toLowerCase()} ${n}`}
                          icon={<DeleteOutlined />}
                          disabled={locked}
                          onClick={() => remove(field.name)}
                        />
                      </Tooltip>
                    </Space>
                    <Space align="baseline" wrap size={6} style={{ paddingLeft: 28 }}>
                      <Form.Item name={[field.name, 'valueType']}>
                        <Select
                          aria-label={`${t('tpl.ind.type')} ${n}`}
                          style={{ width: 110 }}
                          disabled={locked}
                          options={INDICATOR_TYPES.map((v) => ({ value: v, label: t(`type.${v}`) }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'source']}>
                        <Select
                          aria-label={`${t('tpl.ind.source')} ${n}`}
                          style={{ width: 140 }}
                          disabled={locked}
                          options={INDICATOR_SOURCES.map((v) => ({ value: v, label: t(`source.${v}`) }))}
                        />
                      </Form.Item>
                      {row?.source === 'computed' && (
                        <Form.Item
                          name={[field.name, 'catalogueCode']}
                          rules={[{ required: true, message: t('common.required') }]}
                        >
                          <Select
                            aria-label={`${t('tpl.ind.catalogue')} ${n}`}
                            placeholder={t('tpl.ind.catalogue')}
                            style={{ width: 240 }}
                            disabled={locked}
                            showSearch={{ optionFilterProp: 'label' }}
                            popupMatchSelectWidth={false}
                            onChange={(code: string) => pickCatalogue(field.name, code)}
                            options={(catalogue.data?.items ?? []).map((e) => ({ value: e.code, label: e.label }))}
                          />
                        </Form.Item>
                      )}
                      <Form.Item name={[field.name, 'rollUp']}>
                        <Select
                          aria-label={`${t('tpl.ind.rollUp')} ${n}`}
                          style={{ width: 170 }}
                          disabled={locked}
                          options={ROLL_UPS.map((v) => ({ value: v, label: ROLL_UP_LABELS[v][lang] }))}
                        />
                      </Form.Item>
                      {row?.rollUp === 'weighted_average' && (
                        <Form.Item name={[field.name, 'weightCode']}>
                          <Select
                            aria-label={`${t('tpl.ind.weight')} ${n}`}
                            placeholder={t('tpl.ind.weight')}
                            style={{ width: 170 }}
                            disabled={locked}
                            popupMatchSelectWidth={false}
                            options={rows
                              .filter((r) => r?.valueType === 'integer' && r.code)
                              .map((r) => ({ value: r.code, label: r.label || r.code }))}
                          />
                        </Form.Item>
                      )}
                    </Space>
                  </div>
                );
              })}
              <div>
                <Button
                  onClick={() =>
                    add({
                      code: '',
                      label: '',
                      valueType: 'integer',
                      source: 'manual',
                      rollUp: 'sum',
                      isExisting: false,
                    })
                  }
                >
                  {t('tpl.addIndicator')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
