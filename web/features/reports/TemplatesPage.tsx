import { App, Button, Card, Descriptions, List, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { PERIOD_TYPE_LABELS } from '../../../common/reports';
import { UNIT_KIND_LABELS } from '../../../common/org-units';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { useAddObligation, useTemplates } from './api';
import { reportsMessages } from './messages';
import { ReportsTabs } from './ReportsTabs';
import { TemplateFormModal } from './TemplateFormModal';
import type { Template } from './types';

const KINDS = ['district', 'commune', 'grassroots', 'cell', 'agency'] as const;

/** Report templates: period, deadline, parts, indicators, and who reports to whom. */
export function TemplatesPage() {
  const t = useMessages(reportsMessages);
  const { lang } = useLanguage();
  const templates = useTemplates();
  const [isCreating, setCreating] = useState(false);
  return (
    <>
      <ReportsTabs />
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('tpl.create')}
        </Button>
      </Space>
      <List
        loading={templates.isLoading}
        dataSource={templates.data?.items ?? []}
        renderItem={(tpl) => (
          <Card
            key={tpl.id}
            style={{ marginBottom: 16 }}
            title={
              <Space wrap>
                {tpl.name}
                <Tag>{tpl.code}</Tag>
                {!tpl.isActive && <Tag color="default">—</Tag>}
              </Space>
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'owner', label: t('tpl.owner'), children: tpl.owner.name },
                {
                  key: 'period',
                  label: t('tpl.periodType'),
                  children: `${PERIOD_TYPE_LABELS[tpl.periodType][lang]}${tpl.customFrom ? ` ${formatDate(tpl.customFrom)} – ${formatDate(tpl.customTo)}` : ''}, ${t('tpl.deadlineDays', { n: tpl.deadlineDays })}`,
                },
                { key: 'subject', label: t('tpl.subject'), children: tpl.subject },
                { key: 'campaign', label: t('interim.campaign'), children: tpl.campaign?.code ?? '—' },
                {
                  key: 'sections',
                  label: t('sub.sections'),
                  children: t('tpl.sections', { list: tpl.sections.map((s) => s.key).join(', ') }),
                },
                {
                  key: 'indicators',
                  label: t('sub.indicators'),
                  children: (
                    <Space wrap size={4}>
                      {tpl.indicators.map((i) => (
                        <Tag key={i.code} color={i.source === 'computed' ? 'blue' : undefined}>
                          {i.label}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
            <Obligations template={tpl} />
          </Card>
        )}
      />
      {isCreating && <TemplateFormModal onClose={() => setCreating(false)} />}
    </>
  );
}

function Obligations({ template }: { template: Template }) {
  const t = useMessages(reportsMessages);
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const add = useAddObligation();
  const [kind, setKind] = useState<string>('commune');
  return (
    <div style={{ marginTop: 12 }}>
      <b>{t('tpl.obligations')}</b>
      <ul>
        {template.obligations.map((o) => (
          <li key={o.id}>
            {o.reporter
              ? `${o.reporter.name} → ${o.reviewer.name}`
              : t('tpl.obligationKind', {
                  kind: (
                    UNIT_KIND_LABELS[o.unitKind as keyof typeof UNIT_KIND_LABELS]?.[lang] ??
                    o.unitKind ??
                    ''
                  ).toLowerCase(),
                  reviewer: o.reviewer.name,
                })}
          </li>
        ))}
      </ul>
      <Space>
        {t('tpl.addObligation')}
        <Select
          aria-label={t('tpl.addObligation')}
          value={kind}
          onChange={setKind}
          style={{ width: 200 }}
          options={KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][lang] }))}
        />
        <Button
          onClick={() =>
            add
              .mutateAsync({ templateId: template.id, reviewerUnitId: template.owner.id, unitKind: kind })
              .catch((error: Error) => message.error(error.message))
          }
          loading={add.isPending}
        >
          +
        </Button>
      </Space>
    </div>
  );
}
