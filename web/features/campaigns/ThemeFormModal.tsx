import { App, DatePicker, Flex, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CAMPAIGN_CODE_PATTERN } from '../../../common/campaigns';
import { isApiError, type ApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useCreateTheme, useUpdateTheme } from './api';
import { ConflictAlert } from '../../lib/ConflictAlert';
import { messages } from './messages';
import { ScopeUnitField } from './ScopeUnitField';
import type { CampaignDetail, ThemeDetail, ThemeInput } from './types';

interface Values {
  code: string;
  title: string;
  description?: string;
  periodStart: Dayjs;
  periodEnd: Dayjs;
  scopeUnitId: string;
}

interface Props {
  open: boolean;
  /** The campaign a new theme belongs to. */
  campaign: Pick<CampaignDetail, 'id' | 'code' | 'scopeUnit' | 'abilities'>;
  /** The theme to edit; without it the form creates one. */
  theme?: ThemeDetail;
  onClose: () => void;
}

function toInput(values: Values): ThemeInput {
  return {
    code: values.code.trim(),
    title: values.title.trim(),
    description: values.description?.trim() || null,
    periodStart: fromDayjs(values.periodStart) ?? '',
    periodEnd: fromDayjs(values.periodEnd) ?? '',
    scopeUnitId: values.scopeUnitId,
  };
}

function changedFields(input: ThemeInput, theme: ThemeDetail): Partial<ThemeInput> {
  const stored: ThemeInput = { ...theme, scopeUnitId: theme.scopeUnit.id };
  return Object.fromEntries(
    (Object.keys(input) as (keyof ThemeInput)[])
      .filter((key) => input[key] !== stored[key])
      .map((key) => [key, input[key]]),
  );
}

/** Adds a study theme to a campaign, or edits one with its version (409: shows what changed, keeps the values). */
export function ThemeFormModal({ open, campaign, theme, onClose }: Props) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateTheme();
  const update = useUpdateTheme();
  const [conflict, setConflict] = useState<ApiError | null>(null);
  // Changes are measured against the theme as it was when the form opened (see CampaignFormModal).
  const [baseline, setBaseline] = useState(theme);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setBaseline(theme);
    }
  }

  const close = () => {
    setConflict(null);
    onClose();
  };

  const submit = async () => {
    const input = toInput(await form.validateFields());
    try {
      if (theme) {
        await update.mutateAsync({ id: theme.id, version: theme.version, ...changedFields(input, baseline ?? theme) });
      } else {
        await create.mutateAsync({ ...input, campaignId: campaign.id });
      }
      void message.success(t('form.saved'));
      close();
    } catch (error) {
      if (isApiError(error, 'CONFLICT') && theme && error.details.some((d) => d.path === 'body.version')) {
        setConflict(error);
      } else if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 6);
      }
    }
  };

  const year = new Date().getFullYear();
  return (
    <Modal
      open={open}
      title={theme ? t('theme.editTitle', { code: theme.code }) : t('theme.createTitle', { code: campaign.code })}
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
        name="study-theme"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          theme
            ? {
                ...theme,
                description: theme.description ?? undefined,
                periodStart: toDayjs(theme.periodStart) ?? undefined,
                periodEnd: toDayjs(theme.periodEnd) ?? undefined,
                scopeUnitId: theme.scopeUnit.id,
              }
            : {
                code: `${campaign.code}-${year}`,
                periodStart: toDayjs(`${year}-01-01`) ?? undefined,
                periodEnd: toDayjs(`${year}-12-31`) ?? undefined,
                scopeUnitId: campaign.abilities.canEdit ? campaign.scopeUnit.id : undefined,
              }
        }
      >
        <Form.Item
          name="code"
          label={t('theme.code')}
          extra={t('theme.codeHint')}
          rules={[
            { required: true, whitespace: true, message: t('rule.code') },
            { pattern: CAMPAIGN_CODE_PATTERN, message: t('rule.codePattern') },
          ]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('theme.title')}
          rules={[{ required: true, whitespace: true, min: 5, message: t('rule.themeTitle') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="periodStart"
            label={t('theme.periodStart')}
            rules={[{ required: true, message: t('rule.date') }]}
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="periodEnd"
            label={t('theme.periodEnd')}
            dependencies={['periodStart']}
            style={{ flex: '1 1 200px' }}
            rules={[
              { required: true, message: t('rule.date') },
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | undefined) => {
                  const start = getFieldValue('periodStart') as Dayjs | undefined;
                  return !value || !start || !value.isBefore(start, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('rule.periodOrder')));
                },
              }),
            ]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="scopeUnitId"
          label={t('theme.scope')}
          extra={t('theme.scopeHint')}
          rules={[{ required: true, message: t('rule.unit') }]}
        >
          <ScopeUnitField current={theme?.scopeUnit ?? campaign.scopeUnit} changeLabel={t('common.edit')} />
        </Form.Item>
        <Form.Item name="description" label={t('theme.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
