import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { UNIT_KIND_LABELS } from '../../../common/org-units';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { UnitPicker } from '../org-units/UnitPicker';
import { useAddObligation, useRemoveObligation } from './api';
import { reportsMessages } from './messages';
import type { Template } from './types';

const KINDS = ['district', 'commune', 'grassroots', 'cell', 'agency'] as const;

/** Who reports on a template to whom: every unit of a kind below a reviewer, or one named unit; add and remove. */
export function TemplateObligations({ template }: { template: Template }) {
  const t = useMessages(reportsMessages);
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const add = useAddObligation();
  const remove = useRemoveObligation();
  const [mode, setMode] = useState<'kind' | 'unit'>('kind');
  const [kind, setKind] = useState<string>('commune');
  const [reviewerId, setReviewerId] = useState<string | undefined>();
  const [reporterId, setReporterId] = useState<string | undefined>();
  const canManage = template.abilities.canManage;
  const idPrefix = `obligation-${template.code}`;

  const describe = (o: Template['obligations'][number]) =>
    o.reporter
      ? t('obl.one', { unit: o.reporter.name, reviewer: o.reviewer.name })
      : t('tpl.obligationKind', {
          kind: (
            UNIT_KIND_LABELS[o.unitKind as keyof typeof UNIT_KIND_LABELS]?.[lang] ??
            o.unitKind ??
            ''
          ).toLowerCase(),
          reviewer: o.reviewer.name,
        });

  const showError = (error: Error & { details?: { message: string }[] }) =>
    void message.error([error.message, ...(error.details ?? []).map((d) => d.message)].join(' '));

  const submit = async () => {
    if (mode === 'unit' && !reporterId) {
      void message.error(t('obl.pickUnit'));
      return;
    }
    try {
      await add.mutateAsync({
        templateId: template.id,
        reviewerUnitId: reviewerId ?? template.owner.id,
        ...(mode === 'kind' ? { unitKind: kind } : { reporterUnitId: reporterId }),
      });
      setReporterId(undefined);
      void message.success(t('obl.added'));
    } catch (error) {
      showError(error as Error);
    }
  };

  return (
    <div style={{ marginTop: 12 }}>
      <b>{t('tpl.obligations')}</b>
      {template.obligations.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
          {t('obl.none')}
        </Typography.Paragraph>
      )}
      <ul style={{ paddingLeft: 18, margin: '4px 0 8px' }}>
        {template.obligations.map((o) => (
          <li key={o.id}>
            <Space size={4}>
              {describe(o)}
              {canManage && (
                <Popconfirm
                  title={t('obl.removeConfirm')}
                  okText={t('obl.remove')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    remove
                      .mutateAsync({ templateId: template.id, id: o.id })
                      .then(() => message.success(t('obl.removed')))
                      .catch(showError)
                  }
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('obl.remove')}: ${describe(o)}`}
                  />
                </Popconfirm>
              )}
            </Space>
          </li>
        ))}
      </ul>
      {canManage && (
        <Space wrap align="center">
          <Radio.Group
            aria-label={t('obl.mode')}
            value={mode}
            onChange={(e) => setMode(e.target.value as 'kind' | 'unit')}
            options={[
              { value: 'kind', label: t('obl.mode.kind') },
              { value: 'unit', label: t('obl.mode.unit') },
            ]}
          />
          {mode === 'kind' ? (
            <Select
              id={`${idPrefix}-kind`}
              aria-label={t('obl.kind')}
              value={kind}
              onChange={setKind}
              style={{ width: 240 }}
              options={KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][lang] }))}
            />
          ) : (
            <UnitPicker
              id={`${idPrefix}-unit`}
              value={reporterId}
              onChange={(id) => setReporterId(id)}
              placeholder={t('obl.unit')}
              style={{ width: 280 }}
            />
          )}
          {t('obl.reviewer')}
          <UnitPicker
            id={`${idPrefix}-reviewer`}
            value={reviewerId}
            onChange={(id) => setReviewerId(id)}
            placeholder={t('obl.reviewerDefault', { name: template.owner.name })}
            allowClear
            style={{ width: 280 }}
          />
          <Button type="primary" ghost onClick={() => void submit()} loading={add.isPending}>
            {t('obl.add')}
          </Button>
        </Space>
      )}
    </div>
  );
}
