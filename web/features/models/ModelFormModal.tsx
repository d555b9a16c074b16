import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayIso } from '../../../common/dates';
import type { ModelKind } from '../../../common/models';
import { isApiError, type ApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { ThemeSelect } from '../campaigns/ThemeSelect';
import { useCreateModel, useModelFields, useUpdateModel } from './api';
import { CampaignsMultiSelect } from './CampaignsMultiSelect';
import { ConflictAlert } from '../../lib/ConflictAlert';
import { FormRow } from './FormRow';
import { IndicatorsFields } from './IndicatorsFields';
import { messages } from './messages';
import { PeopleFields } from './PeopleFields';
import type { ModelDetail, ModelInput } from './types';
import { UnitSelect } from './UnitSelect';
import { useModelLabels } from './useModelLabels';

interface Values {
  title: string;
  kind: ModelKind;
  unitId: string;
  fieldId: string;
  startedOn: Dayjs;
  themeId?: string;
  campaignIds?: string[];
  people?: { name: string; position?: string | null }[];
  description?: string | null;
  results?: string | null;
  indicators?: { indicator: string; value: number; unit?: string | null }[];
}

interface Props {
  open: boolean;
  /** The model to edit; without it the form registers a new one. */
  model?: ModelDetail;
  onClose: () => void;
  onSaved?: (saved: ModelDetail) => void;
}

const blank = (text: string | null | undefined) => (text && text.trim() ? text.trim() : null);

function toInput(values: Values): ModelInput {
  return {
    title: values.title.trim(),
    kind: values.kind,
    unitId: values.unitId,
    fieldId: values.fieldId,
    startedOn: fromDayjs(values.startedOn) ?? '',
    themeId: values.themeId ?? null,
    campaignIds: values.campaignIds ?? [],
    people: (values.people ?? []).map((p) => ({ name: p.name.trim(), position: blank(p.position) })),
    description: blank(values.description),
    results: blank(values.results),
    indicators: (values.indicators ?? []).map((i) => ({
      indicator: i.indicator.trim(),
      value: i.value,
      unit: blank(i.unit),
    })),
  };
}

function toValues(model: ModelDetail): Partial<Values> {
  return {
    ...model,
    unitId: model.unit.id,
    fieldId: model.field.id,
    startedOn: toDayjs(model.startedOn) ?? undefined,
    themeId: model.theme?.id,
    campaignIds: model.campaigns.map((c) => c.id),
  };
}

/** Only what the user changed, so a 409 names just what collides and nothing else is overwritten. */
function changedFields(input: ModelInput, model: ModelDetail): Partial<ModelInput> {
  const stored = toInput(toValues(model) as Values);
  return Object.fromEntries(
    (Object.keys(input) as (keyof ModelInput)[])
      .filter((key) => JSON.stringify(input[key]) !== JSON.stringify(stored[key]))
      .map((key) => [key, input[key]]),
  );
}

/** Registers a model, or edits one with its version (a 409 shows what changed and keeps the user's values). */
export function ModelFormModal({ open, model, onClose, onSaved }: Props) {
  const t = useMessages(messages);
  const labels = useModelLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const fields = useModelFields();
  const create = useCreateModel();
  const update = useUpdateModel();
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const kind = Form.useWatch('kind', form);
  const campaignIds = Form.useWatch('campaignIds', form);
  const startedOn = Form.useWatch('startedOn', form);

  const close = () => {
    setConflict(null);
    onClose();
  };

  const submit = async () => {
    const input = toInput(await form.validateFields());
    try {
      const saved = model
        ? await update.mutateAsync({ id: model.id, version: model.version, ...changedFields(input, model) })
        : await create.mutateAsync(input);
      void message.success(model ? t('form.saved') : t('form.created'));
      close();
      onSaved?.(saved);
    } catch (error) {
      if (isApiError(error, 'CONFLICT') && model) {
        setConflict(error);
      } else if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 6);
      }
    }
  };

  return (
    <Modal
      open={open}
      title={model ? t('form.editTitle') : t('form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={{ xs: '100%', md: 760 }}
    >
      {conflict && (
        <ConflictAlert title={t('conflict.title')} hint={t('conflict.hint')} error={conflict} onReload={close} />
      )}
      <Form<Values>
        name="model"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          model ? toValues(model) : { kind: 'collective_model', people: [], indicators: [], campaignIds: [] }
        }
      >
        <Form.Item
          name="title"
          label={t('field.title')}
          rules={[{ required: true, whitespace: true, min: 3, message: t('rule.title') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <FormRow>
          <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true, message: t('rule.kind') }]}>
            <Select options={labels.kindOptions} />
          </Form.Item>
          <Form.Item name="fieldId" label={t('field.field')} rules={[{ required: true, message: t('rule.field') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(fields.data?.items ?? []).map((field) => ({ value: field.id, label: labels.field(field) }))}
            />
          </Form.Item>
        </FormRow>
        <FormRow>
          <Form.Item
            name="startedOn"
            label={t('field.startedOn')}
            rules={[{ required: true, message: t('rule.date') }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} maxDate={toDayjs(todayIso()) ?? undefined} />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('field.unit')}
            extra={t('hint.unit')}
            rules={[{ required: true, message: t('rule.unit') }]}
          >
            <UnitSelect initialUnit={model?.unit} at={fromDayjs(startedOn)} />
          </Form.Item>
        </FormRow>
        <PeopleFields isRequired={kind === 'individual_example'} />
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10_000} />
        </Form.Item>
        <Form.Item name="results" label={t('field.results')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10_000} />
        </Form.Item>
        <IndicatorsFields />
        <Form.Item name="campaignIds" label={t('field.campaigns')}>
          <CampaignsMultiSelect initial={model?.campaigns} />
        </Form.Item>
        <Form.Item name="themeId" label={t('field.theme')}>
          <ThemeSelect campaign={campaignIds?.length === 1 ? campaignIds[0] : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
