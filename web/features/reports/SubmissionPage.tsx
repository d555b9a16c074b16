import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Result,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { formatDate, formatDateTime } from '../../lib/format';
import { downloadUrl, useDraftText, useSaveSubmission, useSubmission, useSubmissionStep } from './api';
import { CompareModal } from './CompareModal';
import { DiffModal } from './DiffModal';
import { reportsMessages } from './messages';
import { ReportsTabs } from './ReportsTabs';
import { ReviewActions } from './ReviewActions';
import { StatusTag } from './StatusTag';
import type { SubmissionDetail, Value } from './types';
import { valueText } from './valueText';

/** One submission: the unit types and sends it; the level above returns, approves or unlocks it. */
export function SubmissionPage() {
  const { id = '' } = useParams();
  const query = useSubmission(id);
  if (query.isLoading) {
    return <Spin />;
  }
  if (!query.data) {
    return <Result status="404" title={(query.error as Error | null)?.message ?? '404'} />;
  }
  return <SubmissionView key={`${query.data.id}:${query.data.version}`} detail={query.data} />;
}

function SubmissionView({ detail }: { detail: SubmissionDetail }) {
  const t = useMessages(reportsMessages);
  const { message } = App.useApp();
  const save = useSaveSubmission();
  const step = useSubmissionStep();
  const draft = useDraftText();
  const [values, setValues] = useState<Record<string, Value>>(
    Object.fromEntries(detail.indicators.map((i) => [i.code, i.value])),
  );
  const [sections, setSections] = useState<Record<string, string>>(
    Object.fromEntries(detail.sections.map((s) => [s.key, s.text])),
  );
  const [isCompareOpen, setCompareOpen] = useState(false);
  const [isDiffOpen, setDiffOpen] = useState(false);
  const canEdit = detail.abilities.canEdit;
  const manual = detail.indicators.filter((i) => i.source === 'manual');
  const isDirty =
    manual.some((i) => values[i.code] !== i.value) || detail.sections.some((s) => sections[s.key] !== s.text);

  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) {
        void message.success(done);
      }
    } catch (error) {
      const details = (error as { details?: { message: string }[] }).details ?? [];
      void message.error([(error as Error).message, ...details.map((d) => d.message)].join(' '));
    }
  };
  const saveNow = () =>
    save.mutateAsync({
      id: detail.id,
      version: detail.version,
      values: Object.fromEntries(manual.map((i) => [i.code, values[i.code] ?? null])),
      sections,
    });
  const submit = () =>
    run(async () => {
      const saved = isDirty ? await saveNow() : detail;
      await step.mutateAsync({ id: detail.id, step: 'submit', version: saved.version });
    }, t('sub.submitted'));
  const fillDraft = () =>
    run(async () => {
      const result = await draft.mutateAsync(detail.id);
      setSections((current) => ({ ...current, ...result.sections }));
      void message.info(t('sub.drafted', { key: Object.keys(result.sections).join(', ') }));
    });

  const commentsOn = (target: string, key: string | null) =>
    detail.comments.filter((c) => c.target === target && c.targetKey === key && c.revision === detail.revision);

  return (
    <>
      <ReportsTabs />
      <Card
        title={
          <Space wrap>
            <span>{detail.template.name}</span>
            <StatusTag status={detail.status} />
          </Space>
        }
        extra={
          <Space wrap>
            <Button href={downloadUrl(`/reports/submissions/${detail.id}/docx`)}>{t('sub.docx')}</Button>
            <Button href={downloadUrl(`/reports/submissions/${detail.id}/xlsx`)}>{t('sub.xlsx')}</Button>
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'unit', label: t('col.unit'), children: detail.unit.name },
            { key: 'period', label: t('col.period'), children: detail.period.label },
            { key: 'due', label: t('col.due'), children: formatDate(detail.dueOn) },
            { key: 'reviewer', label: 'Cấp nhận', children: detail.reviewer.name },
            { key: 'number', label: t('col.number'), children: detail.docSymbol ?? '—' },
            {
              key: 'revision',
              label: t('sub.revision', { n: detail.revision }),
              children: formatDateTime(detail.submittedAt),
            },
          ]}
        />
        {detail.status === 'approved' && (
          <Alert type="success" showIcon title={t('sub.locked')} style={{ marginTop: 12 }} />
        )}
        {detail.status === 'submitted' && (
          <Alert type="info" showIcon title={t('sub.waiting')} style={{ marginTop: 12 }} />
        )}
        {detail.status === 'returned' && (
          <Alert type="warning" showIcon title={t('sub.returnedHint')} style={{ marginTop: 12 }} />
        )}
        {commentsOn('whole', null).map((c) => (
          <Alert key={c.id} type="warning" title={`${c.author ?? ''}: ${c.body}`} style={{ marginTop: 8 }} />
        ))}
        <Space wrap style={{ marginTop: 16 }}>
          {canEdit && (
            <>
              <Button onClick={() => run(saveNow, t('sub.saved'))} loading={save.isPending} disabled={!isDirty}>
                {t('sub.save')}
              </Button>
              <Button onClick={fillDraft} loading={draft.isPending}>
                {t('sub.draft')}
              </Button>
              <Button
                onClick={() => run(() => step.mutateAsync({ id: detail.id, step: 'refresh', version: detail.version }))}
              >
                {t('sub.refresh')}
              </Button>
            </>
          )}
          {detail.abilities.canSubmit && (
            <Button type="primary" onClick={submit} loading={step.isPending}>
              {detail.status === 'returned' ? t('sub.resubmit') : t('sub.submit')}
            </Button>
          )}
          <ReviewActions detail={detail} />
          <Button onClick={() => setCompareOpen(true)}>{t('sub.compare')}</Button>
          {detail.revisions.length > 0 && <Button onClick={() => setDiffOpen(true)}>{t('sub.versions')}</Button>}
        </Space>
      </Card>

      <Card
        title={t('sub.indicators')}
        style={{ marginBottom: 16 }}
        extra={detail.computedAt && t('sub.computedAt', { at: formatDateTime(detail.computedAt) })}
      >
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={detail.indicators}
          columns={[
            {
              title: t('col.indicator'),
              render: (_, i) => (
                <>
                  {i.label}
                  {commentsOn('indicator', i.code).map((c) => (
                    <Alert key={c.id} type="warning" title={c.body} style={{ marginTop: 4 }} />
                  ))}
                </>
              ),
            },
            { title: t('col.unitLabel'), dataIndex: 'unitLabel', width: 110 },
            {
              title: t('col.source'),
              width: 120,
              render: (_, i) => <Tag>{i.source === 'computed' ? t('source.computed') : t('source.manual')}</Tag>,
            },
            {
              title: t('col.value'),
              width: 200,
              align: 'right',
              render: (_, i) =>
                canEdit && i.source === 'manual' ? (
                  i.valueType === 'text' ? (
                    <Input
                      aria-label={i.label}
                      value={(values[i.code] as string | null) ?? ''}
                      onChange={(e) => setValues({ ...values, [i.code]: e.target.value || null })}
                    />
                  ) : (
                    <InputNumber
                      aria-label={i.label}
                      min={0}
                      max={i.valueType === 'percent' ? 100 : undefined}
                      decimalSeparator=","
                      precision={i.valueType === 'percent' ? 1 : 0}
                      value={(values[i.code] as number | null) ?? null}
                      onChange={(v) => setValues({ ...values, [i.code]: v ?? null })}
                      style={{ width: '100%' }}
                    />
                  )
                ) : (
                  valueText(i, i.value)
                ),
            },
          ]}
        />
      </Card>

      <Card title={t('sub.sections')} style={{ marginBottom: 16 }}>
        {detail.sections.map((section) => (
          <div key={section.key} style={{ marginBottom: 16 }}>
            <label htmlFor={`section-${section.key}`} style={{ fontWeight: 600, display: 'block', marginBottom: 4 }}>
              {section.key}. {section.title}
            </label>
            {commentsOn('section', section.key).map((c) => (
              <Alert key={c.id} type="warning" title={c.body} style={{ marginBottom: 4 }} />
            ))}
            <Input.TextArea
              id={`section-${section.key}`}
              autoSize={{ minRows: 3, maxRows: 16 }}
              placeholder={section.hint ?? ''}
              readOnly={!canEdit}
              value={sections[section.key] ?? ''}
              onChange={(e) => setSections({ ...sections, [section.key]: e.target.value })}
            />
          </div>
        ))}
      </Card>

      <Card title={t('sub.history')}>
        <Timeline
          items={detail.events.map((e) => ({
            key: `${e.at}-${e.action}`,
            content: (
              <>
                <b>{e.action}</b> → <StatusTag status={e.toStatus as SubmissionDetail['status']} />{' '}
                {formatDateTime(e.at)}
                {e.user ? ` · ${e.user}` : ''}
                {e.note ? <div>{e.note}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
      {isCompareOpen && <CompareModal id={detail.id} onClose={() => setCompareOpen(false)} />}
      {isDiffOpen && <DiffModal detail={detail} onClose={() => setDiffOpen(false)} />}
    </>
  );
}
