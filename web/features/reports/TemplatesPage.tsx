import { Button, Card, Descriptions, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { PERIOD_TYPE_LABELS } from '../../../common/reports';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { useTemplates } from './api';
import { reportsMessages } from './messages';
import { ReportsTabs } from './ReportsTabs';
import { TemplateEditModal } from './TemplateEditModal';
import { TemplateFormModal } from './TemplateFormModal';
import { TemplateObligations } from './TemplateObligations';
import type { Template } from './types';

/** Report templates: period, deadline, parts, indicators, and who reports to whom. */
export function TemplatesPage() {
  const t = useMessages(reportsMessages);
  const { lang } = useLanguage();
  const templates = useTemplates();
  const [isCreating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Template | null>(null);
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
                {!tpl.isActive && <Tag color="default">{t('tpl.inactive')}</Tag>}
                {tpl.submissionCount > 0 && <Tag color="geekblue">{t('tpl.reports', { n: tpl.submissionCount })}</Tag>}
              </Space>
            }
            extra={
              tpl.abilities.canManage && (
                <Button onClick={() => setEditing(tpl)} aria-label={`${t('tpl.edit')} ${tpl.code}`}>
                  {t('tpl.edit')}
                </Button>
              )
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
            <TemplateObligations template={tpl} />
          </Card>
        )}
      />
      {isCreating && <TemplateFormModal onClose={() => setCreating(false)} />}
      {editing && <TemplateEditModal key={editing.id} template={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
