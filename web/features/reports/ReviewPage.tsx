import { Alert, App, Button, Card, Col, Form, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ROLL_UP_LABELS } from '../../../common/reports';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { formatDate, formatDateTime } from '../../lib/format';
import { AggregateNumber } from './AggregateNumber';
import { downloadUrl, useRemind, useReview, useTemplates } from './api';
import { reportsMessages } from './messages';
import { ReportsTabs } from './ReportsTabs';
import { StatusTag } from './StatusTag';
import type { Review } from './types';
import { usePeriods } from './usePeriods';
import { valueText } from './valueText';

const ORDER = ['submitted', 'returned', 'draft', 'approved', 'missing'];

/** The level above: children's submissions, completeness with the late units, the aggregate and its documents. */
export function ReviewPage() {
  const t = useMessages(reportsMessages);
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const templates = useTemplates();
  const items = useMemo(() => templates.data?.items ?? [], [templates.data]);
  const templateId = params.get('template') ?? items[0]?.id;
  const template = items.find((tpl) => tpl.id === templateId);
  const periods = usePeriods(template);
  const period = params.get('period') ?? periods[0]?.key;
  const reviewers = useMemo(() => {
    const seen = new Map<string, { id: string; name: string }>();
    template?.obligations.forEach((o) => seen.set(o.reviewer.id, o.reviewer));
    return [...seen.values()];
  }, [template]);
  const unit = params.get('unit') ?? reviewers[0]?.id;
  const review = useReview(templateId, period, unit);
  const remind = useRemind();
  const [isReminded, setReminded] = useState(false);
  useEffect(() => setReminded(false), [templateId, period, unit]);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    if (key === 'template') {
      next.delete('period');
      next.delete('unit');
    }
    setParams(next, { replace: true });
  };
  const data = review.data;
  const query = { template: templateId, period, unit };
  const late = data?.units.filter((u) => u.isLate) ?? [];
  // The reviewer's work first: reports waiting for review, returned, in draft, approved; then those not sent.
  const units = [...(data?.units ?? [])].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));

  return (
    <>
      <ReportsTabs />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('my.template')} htmlFor="review-template">
            <Select
              id="review-template"
              style={{ minWidth: 320 }}
              value={templateId}
              onChange={(v) => set('template', v)}
              options={items.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
            />
          </Form.Item>
          <Form.Item label={t('my.period')} htmlFor="review-period">
            <Select
              id="review-period"
              style={{ minWidth: 180 }}
              value={period}
              onChange={(v) => set('period', v)}
              options={periods.map((p) => ({ value: p.key, label: p.label }))}
            />
          </Form.Item>
          <Form.Item label={t('review.reviewer')} htmlFor="review-unit">
            <Select
              id="review-unit"
              style={{ minWidth: 220 }}
              value={unit}
              onChange={(v) => set('unit', v)}
              options={reviewers.map((r) => ({ value: r.id, label: r.name }))}
            />
          </Form.Item>
        </Form>
      </Card>
      {review.error && <Alert type="error" title={(review.error as Error).message} />}
      {data && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {(
              [
                ['expected', data.completeness.expected],
                ['submitted', data.completeness.submitted],
                ['approved', data.completeness.approved],
                ['onTime', data.completeness.onTime],
                ['late', data.completeness.late],
                ['pending', data.completeness.pending],
              ] as const
            ).map(([key, value]) => (
              <Col key={key} xs={12} md={4}>
                <Card size="small">
                  <Statistic
                    title={t(`review.${key}`)}
                    value={value}
                    styles={{ content: key === 'late' && value > 0 ? { color: '#cf1322' } : undefined }}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Space wrap style={{ marginBottom: 16 }}>
            <Button type="primary" href={downloadUrl('/reports/review/docx', query)}>
              {t('review.docx')}
            </Button>
            <Button href={downloadUrl('/reports/review/xlsx', query)}>{t('review.xlsx')}</Button>
            <AggregateNumber review={data} />
            <span>
              {t('col.due')}: {formatDate(data.dueOn)}
            </span>
          </Space>
          {late.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('review.lateUnits', { count: late.length })}
              description={late
                .map((u) => `${u.unit.name}${u.daysLate ? ` (${t('review.days', { n: u.daysLate })})` : ''}`)
                .join('; ')}
              action={
                data.abilities.canReview && (
                  <Button
                    danger
                    disabled={isReminded}
                    loading={remind.isPending}
                    onClick={async () => {
                      const result = await remind.mutateAsync({ template: templateId!, period: period!, unit: unit! });
                      setReminded(true);
                      void message.success(t('review.reminded', result));
                    }}
                  >
                    {t('review.remind')}
                  </Button>
                )
              }
            />
          )}
          <Card title={t('review.units')} style={{ marginBottom: 16 }}>
            <Table<Review['units'][number]>
              rowKey={(u) => u.unit.id}
              size="small"
              dataSource={units}
              pagination={{ pageSize: 15, hideOnSinglePage: true }}
              columns={[
                {
                  title: t('col.unit'),
                  render: (_, u) =>
                    u.submissionId ? (
                      <Link to={`/reports/submissions/${u.submissionId}`}>{u.unit.name}</Link>
                    ) : (
                      u.unit.name
                    ),
                },
                { title: t('col.status'), render: (_, u) => <StatusTag status={u.status} isLate={u.isLate} /> },
                { title: t('col.sent'), render: (_, u) => formatDateTime(u.firstSubmittedAt) },
                {
                  title: t('col.late'),
                  render: (_, u) =>
                    u.isLate ? (
                      <Tag color="red">{u.daysLate ? t('review.days', { n: u.daysLate }) : t('review.late')}</Tag>
                    ) : null,
                },
              ]}
            />
          </Card>
          <Card title={t('review.aggregate')}>
            <Table<Review['aggregate'][number]>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={data.aggregate}
              columns={[
                { title: t('col.indicator'), dataIndex: 'label' },
                { title: t('col.unitLabel'), dataIndex: 'unitLabel', width: 100 },
                { title: t('col.rollUp'), width: 160, render: (_, i) => ROLL_UP_LABELS[i.rollUp][lang] },
                {
                  title: t('col.approved'),
                  align: 'right',
                  render: (_, i) => `${valueText(i, i.approvedValue)} (${i.approvedCount})`,
                },
                { title: t('col.own'), align: 'right', render: (_, i) => valueText(i, i.ownValue) },
              ]}
            />
          </Card>
        </>
      )}
      {!data && !review.isLoading && !review.error && <Alert type="info" title={t('review.choose')} />}
    </>
  );
}
