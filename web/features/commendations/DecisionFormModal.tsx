import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayIso } from '../../../common/dates';
import type {
  CommendationForm,
  CommendationLevel,
  CommendationSystem,
  CommendationType,
} from '../../../common/commendations';
import { isApiError, type ApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { useCreateDecision, useUpdateDecision } from './api';
import { ConflictAlert } from '../../lib/ConflictAlert';
import { messages } from './messages';
import type { DecisionDetail, DecisionInput } from './types';
import { UnitAtDatePicker } from './UnitAtDatePicker';
import { useCommendationLabels } from './useCommendationLabels';

interface Values {
  number: string;
  decisionDate: Dayjs;
  system: CommendationSystem;
  issuerName: string;
  issuerUnitId?: string;
  unitId?: string;
  level: CommendationLevel;
  form: CommendationForm;
  type: CommendationType;
  campaignId?: string;
  achievement?: [Dayjs | null, Dayjs | null];
  signer?: string;
}

interface Props {
  open: boolean;
  /** The decision to edit; without it the form creates one. */
  decision?: DecisionDetail;
  onClose: () => void;
  onSaved?: (saved: DecisionDetail) => void;
}

function toInput(values: Values): DecisionInput {
  return {
    number: values.number.trim(),
    decisionDate: fromDayjs(values.decisionDate) ?? '',
    system: values.system,
    issuerName: values.issuerName.trim(),
    issuerUnitId: values.issuerUnitId ?? null,
    unitId: values.issuerUnitId ? undefined : values.unitId,
    level: values.level,
    form: values.form,
    type: values.type,
    campaignId: values.campaignId ?? null,
    achievementFrom: fromDayjs(values.achievement?.[0]) ?? null,
    achievementTo: fromDayjs(values.achievement?.[1]) ?? null,
    signer: values.signer?.trim() || null,
  };
}

function stored(decision: DecisionDetail): DecisionInput {
  return {
    ...decision,
    issuerUnitId: decision.issuerUnit?.id ?? null,
    unitId: decision.issuerUnit ? undefined : decision.unit.id,
    campaignId: decision.campaign?.id ?? null,
  };
}

/** Only the fields the user changed, so a 409 names what collides and nothing else is overwritten. */
function changedFields(input: DecisionInput, decision: DecisionDetail): Partial<DecisionInput> {
  const before = stored(decision);
  return Object.fromEntries(
    (Object.keys(input) as (keyof DecisionInput)[])
      .filter((key) => input[key] !== before[key])
      .map((key) => [key, input[key]]),
  );
}

/** Creates a decision (recipients are then added on its page), or edits one against its version. */
export function DecisionFormModal({ open, decision, onClose, onSaved }: Props) {
  const t = useMessages(messages);
  const labels = useCommendationLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateDecision();
  const update = useUpdateDecision();
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const decisionDate = Form.useWatch('decisionDate', form);
  const issuerUnitId = Form.useWatch('issuerUnitId', form);
  const at = fromDayjs(decisionDate) ?? todayIso();

  const close = () => {
    setConflict(null);
    onClose();
  };

  const submit = async () => {
    const input = toInput(await form.validateFields());
    try {
      const saved = decision
        ? await update.mutateAsync({ id: decision.id, version: decision.version, ...changedFields(input, decision) })
        : await create.mutateAsync(input);
      void message.success(decision ? t('form.saved') : t('form.created', { number: saved.number }));
      close();
      onSaved?.(saved);
    } catch (error) {
      if (isApiError(error, 'CONFLICT') && error.details.some((d) => d.path === 'body.version')) {
        setConflict(error);
      } else if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 6);
      }
    }
  };

  return (
    <Modal
      open={open}
      title={decision ? t('form.editTitle', { number: decision.number }) : t('form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={{ xs: '100%', md: 720 }}
    >
      {conflict && <ConflictAlert title={t('conflict.title')} hint={t('conflict.hint')} error={conflict} />}
      <Form<Values>
        name="decision"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          decision
            ? {
                ...decision,
                decisionDate: toDayjs(decision.decisionDate) ?? undefined,
                issuerUnitId: decision.issuerUnit?.id,
                unitId: decision.unit.id,
                campaignId: decision.campaign?.id,
                achievement: [toDayjs(decision.achievementFrom), toDayjs(decision.achievementTo)],
                signer: decision.signer ?? undefined,
              }
            : { system: 'party', level: 'district', form: 'GIAY_KHEN', type: 'thematic' }
        }
      >
        <Form.Item
          name="number"
          label={t('field.number')}
          extra={t('hint.number')}
          rules={[{ required: true, whitespace: true, message: t('rule.number') }]}
        >
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="decisionDate"
          label={t('field.decisionDate')}
          rules={[{ required: true, message: t('rule.date') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="issuerName"
          label={t('field.issuerName')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('rule.issuerName') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="issuerUnitId" label={t('field.issuerUnit')} extra={t('hint.issuerUnit')}>
          <UnitAtDatePicker
            at={at}
            current={decision?.issuerUnit}
            allowClear
            onChange={(_, unit) => {
              if (unit && !form.getFieldValue('issuerName')) {
                form.setFieldValue('issuerName', unit.name);
              }
            }}
          />
        </Form.Item>
        {!issuerUnitId && (
          <Form.Item
            name="unitId"
            label={t('field.owner')}
            extra={t('hint.owner')}
            rules={[{ required: true, message: t('rule.owner') }]}
          >
            <UnitAtDatePicker at={at} current={decision?.unit} />
          </Form.Item>
        )}
        <Form.Item name="level" label={t('field.level')} rules={[{ required: true }]}>
          <Select options={labels.level.options} />
        </Form.Item>
        <Form.Item name="form" label={t('field.form')} rules={[{ required: true }]}>
          <Select options={labels.form.options} />
        </Form.Item>
        <Form.Item name="type" label={t('field.type')} rules={[{ required: true }]}>
          <Select options={labels.type.options} />
        </Form.Item>
        <Form.Item name="system" label={t('field.system')} rules={[{ required: true }]}>
          <Select options={labels.system.options} />
        </Form.Item>
        <Form.Item name="campaignId" label={t('field.campaign')}>
          <CampaignSelect />
        </Form.Item>
        <Form.Item name="achievement" label={t('field.achievement')}>
          <DatePicker.RangePicker format={DATE_FORMAT} allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="signer" label={t('field.signer')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
