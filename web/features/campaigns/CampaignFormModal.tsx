import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CAMPAIGN_CODE_PATTERN, type CampaignKind } from '../../../common/campaigns';
import { isApiError, type ApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useCreateCampaign, useUpdateCampaign } from './api';
import { ConflictAlert } from '../../lib/ConflictAlert';
import { messages } from './messages';
import { ScopeUnitField } from './ScopeUnitField';
import type { CampaignDetail, CampaignInput } from './types';
import { useCampaignLabels } from './useCampaignLabels';

interface Values {
  code: string;
  kind: CampaignKind;
  title: string;
  issuingBody: string;
  issuedOn: Dayjs;
  summary?: string;
  scopeUnitId: string;
}

interface Props {
  open: boolean;
  /** The campaign to edit; without it the form creates one. */
  campaign?: CampaignDetail;
  onClose: () => void;
  onSaved?: (saved: CampaignDetail) => void;
}

function toInput(values: Values): CampaignInput {
  return {
    code: values.code.trim(),
    kind: values.kind,
    title: values.title.trim(),
    issuingBody: values.issuingBody.trim(),
    issuedOn: fromDayjs(values.issuedOn) ?? '',
    summary: values.summary?.trim() || null,
    scopeUnitId: values.scopeUnitId,
  };
}

/** Only the fields the user changed, so a 409 names just what collides and a retry overwrites nothing else. */
function changedFields(input: CampaignInput, campaign: CampaignDetail): Partial<CampaignInput> {
  const stored: CampaignInput = { ...campaign, scopeUnitId: campaign.scopeUnit.id };
  return Object.fromEntries(
    (Object.keys(input) as (keyof CampaignInput)[])
      .filter((key) => input[key] !== stored[key])
      .map((key) => [key, input[key]]),
  );
}

/** Creates a campaign, or edits one with its version (409: shows what changed and keeps the user's values). */
export function CampaignFormModal({ open, campaign, onClose, onSaved }: Props) {
  const t = useMessages(messages);
  const labels = useCampaignLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const [conflict, setConflict] = useState<ApiError | null>(null);
  // The campaign as it was when the form opened: what the user changed is measured against it, not against a
  // version reloaded after a 409, so another user's edits are never sent back as if they were this user's.
  const [baseline, setBaseline] = useState(campaign);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setBaseline(campaign);
    }
  }

  const close = () => {
    setConflict(null);
    onClose();
  };

  const submit = async () => {
    const input = toInput(await form.validateFields());
    try {
      const saved = campaign
        ? await update.mutateAsync({
            id: campaign.id,
            version: campaign.version,
            ...changedFields(input, baseline ?? campaign),
          })
        : await create.mutateAsync(input);
      void message.success(campaign ? t('form.saved') : t('form.created', { code: saved.code }));
      close();
      onSaved?.(saved);
    } catch (error) {
      if (isApiError(error, 'CONFLICT') && campaign && error.details.some((d) => d.path === 'body.version')) {
        setConflict(error);
      } else if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 6);
      }
    }
  };

  return (
    <Modal
      open={open}
      title={campaign ? t('form.editTitle', { code: campaign.code }) : t('form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={640}
    >
      {conflict && <ConflictAlert title={t('conflict.title')} hint={t('conflict.hint')} error={conflict} />}
      <Form<Values>
        name="campaign"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          campaign
            ? {
                ...campaign,
                summary: campaign.summary ?? undefined,
                issuedOn: toDayjs(campaign.issuedOn) ?? undefined,
                scopeUnitId: campaign.scopeUnit.id,
              }
            : { kind: 'plan' }
        }
      >
        <Form.Item
          name="code"
          label={t('field.code')}
          extra={t('hint.code')}
          rules={[
            { required: true, whitespace: true, message: t('rule.code') },
            { pattern: CAMPAIGN_CODE_PATTERN, message: t('rule.codePattern') },
          ]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true, message: t('rule.kind') }]}>
          <Select options={labels.kindOptions} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('field.title')}
          rules={[{ required: true, whitespace: true, min: 5, message: t('rule.title') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="issuingBody"
          label={t('field.issuingBody')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('rule.issuingBody') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('field.issuedOn')} rules={[{ required: true, message: t('rule.date') }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="scopeUnitId"
          label={t('field.scopeUnit')}
          extra={t('hint.scope')}
          rules={[{ required: true, message: t('rule.unit') }]}
        >
          <ScopeUnitField current={campaign?.scopeUnit} changeLabel={t('common.edit')} />
        </Form.Item>
        <Form.Item name="summary" label={t('field.summary')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
