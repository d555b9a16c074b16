import { App, Button, Card, Form, Select, Space, Table } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isRoleAtLeast } from '../../../common/roles';
import { useMessages } from '../../i18n/useMessages';
import { formatDate, formatDateTime } from '../../lib/format';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useCreateSubmission, useSubmissions, useTemplates } from './api';
import { reportsMessages } from './messages';
import { ReportsTabs } from './ReportsTabs';
import { StatusTag } from './StatusTag';
import type { SubmissionSummary } from './types';
import { usePeriods } from './usePeriods';

/** The reports of the units where the user enters data, and starting a new one. */
export function MySubmissionsPage() {
  const t = useMessages(reportsMessages);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const templates = useTemplates();
  const submissions = useSubmissions(true);
  const create = useCreateSubmission();
  const units = useMemo(() => me.grants.filter((g) => isRoleAtLeast(g.role, 'editor')).map((g) => g.unit), [me.grants]);
  const active = (templates.data?.items ?? []).filter((tpl) => tpl.isActive);
  const [templateId, setTemplateId] = useState<string>();
  const template = active.find((tpl) => tpl.id === templateId);
  const periods = usePeriods(template);
  const [periodKey, setPeriodKey] = useState<string>();
  const [unitId, setUnitId] = useState<string | undefined>(units[0]?.id);
  useEffect(() => {
    if (!templateId && active[0]) {
      setTemplateId(active[0].id);
    }
  }, [active, templateId]);
  useEffect(() => setPeriodKey(periods[0]?.key), [periods]);

  const start = async () => {
    if (!templateId || !periodKey || !unitId) {
      return;
    }
    try {
      const created = await create.mutateAsync({ templateId, periodKey, unitId });
      void navigate(`/reports/submissions/${created.id}`);
    } catch (error) {
      // The unit already has this period's report: open it.
      const existing = submissions.data?.items.find(
        (s) => s.template.id === templateId && s.period.key === periodKey && s.unit.id === unitId,
      );
      if (existing) {
        void navigate(`/reports/submissions/${existing.id}`);
        return;
      }
      void message.error((error as Error).message);
    }
  };

  return (
    <>
      <ReportsTabs />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('my.template')} htmlFor="report-template">
            <Select
              id="report-template"
              style={{ minWidth: 320 }}
              value={templateId}
              onChange={setTemplateId}
              loading={templates.isLoading}
              options={active.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
            />
          </Form.Item>
          <Form.Item label={t('my.period')} htmlFor="report-period">
            <Select
              id="report-period"
              style={{ minWidth: 180 }}
              value={periodKey}
              onChange={setPeriodKey}
              options={periods.map((p) => ({ value: p.key, label: p.label }))}
            />
          </Form.Item>
          <Form.Item label={t('my.unit')} htmlFor="report-unit">
            <Select
              id="report-unit"
              style={{ minWidth: 240 }}
              value={unitId}
              onChange={setUnitId}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Space>
            <Button type="primary" onClick={start} loading={create.isPending} disabled={!templateId || !unitId}>
              {t('my.create')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Table<SubmissionSummary>
        rowKey="id"
        loading={submissions.isLoading}
        dataSource={submissions.data?.items ?? []}
        locale={{ emptyText: t('my.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('col.template'),
            render: (_, s) => <Link to={`/reports/submissions/${s.id}`}>{s.template.name}</Link>,
          },
          { title: t('col.period'), render: (_, s) => s.period.label },
          { title: t('col.unit'), render: (_, s) => s.unit.name },
          { title: t('col.status'), render: (_, s) => <StatusTag status={s.status} /> },
          { title: t('col.due'), render: (_, s) => formatDate(s.dueOn) },
          { title: t('col.sent'), render: (_, s) => formatDateTime(s.firstSubmittedAt) },
          { title: t('col.number'), render: (_, s) => s.docSymbol ?? '' },
        ]}
      />
    </>
  );
}
