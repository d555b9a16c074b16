import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Popconfirm,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateVi, todayIso } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { isApiError, type ApiError } from '../../api/client';
import { errorMessage } from '../../lib/serverErrors';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useDeleteRecommendation, useRecommendation, useRecommendationAction } from './api';
import { ConflictAlert } from '../../lib/ConflictAlert';
import { FormModal } from './FormModal';
import { messages } from './messages';
import { RecommendationEditModal } from './RecommendationEditModal';
import { RecommendationTag } from './RecommendationTag';
import { useInspectionLabels } from './useInspectionLabels';
import { UnitName } from './UnitName';

type Dialog = 'edit' | 'report' | 'accept' | 'return';

/** One recommendation: the owner's remediation report and documents, the conducting unit's acceptance or return. */
export function RecommendationDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const detail = useRecommendation(id);
  const act = useRecommendationAction();
  const remove = useDeleteRecommendation();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const r = detail.data;
  const onDelete = async (item: NonNullable<typeof r>) => {
    setConflict(null);
    try {
      await remove.mutateAsync({ id: item.id, version: item.version });
      void message.success(t('insp.deleted'));
      onClose();
    } catch (error) {
      if (isApiError(error, 'CONFLICT')) {
        setConflict(error);
      } else {
        void message.error(errorMessage(error), 8);
      }
    }
  };

  return (
    <Drawer
      open={!!id}
      onClose={() => {
        setConflict(null);
        onClose();
      }}
      size="large"
      title={t('insp.recommendations')}
      destroyOnHidden
    >
      {detail.isPending && <Spin />}
      {detail.isError && <Alert type="error" title={errorMessage(detail.error)} />}
      {r && (
        <Flex vertical gap={16}>
          <Typography.Paragraph strong style={{ margin: 0 }}>
            {r.text}
          </Typography.Paragraph>
          <RecommendationTag item={r} />
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'category', label: t('rec.category'), children: labels.category(r.category) },
              { key: 'owner', label: t('rec.owner'), children: <UnitName unit={r.ownerUnit} /> },
              { key: 'deadline', label: t('rec.deadline'), children: formatDateVi(r.deadline) },
              {
                key: 'inspection',
                label: t('rec.inspection'),
                children: (
                  <Link
                    to={`/inspections/${r.inspection.id}`}
                  >{`${r.inspection.conclusionNumber ?? ''} ${r.inspection.title}`}</Link>
                ),
              },
            ]}
          />
          {conflict && (
            <ConflictAlert
              title={t('conflict.title')}
              error={conflict}
              onReload={() => {
                setConflict(null);
                void detail.refetch();
              }}
            />
          )}
          <Flex wrap gap={8}>
            {r.abilities.canEdit && <Button onClick={() => setDialog('edit')}>{t('rec.edit')}</Button>}
            {r.abilities.canDelete && (
              <Popconfirm
                title={t('rec.deleteConfirm')}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => onDelete(r)}
              >
                <Button danger loading={remove.isPending}>
                  {t('rec.delete')}
                </Button>
              </Popconfirm>
            )}
            {r.abilities.canStart && (
              <Button
                loading={act.isPending}
                onClick={() => void act.mutateAsync({ id: r.id, action: 'start', version: r.version })}
              >
                {t('rec.startWork')}
              </Button>
            )}
            {r.abilities.canReport && (
              <Button type="primary" onClick={() => setDialog('report')}>
                {t('rec.report')}
              </Button>
            )}
            {r.abilities.canReview && (
              <>
                <Button type="primary" onClick={() => setDialog('accept')}>
                  {t('rec.accept')}
                </Button>
                <Button danger onClick={() => setDialog('return')}>
                  {t('rec.return')}
                </Button>
              </>
            )}
          </Flex>
          {r.reportText && (
            <Alert
              type={r.status === 'done' ? 'success' : 'info'}
              title={t('rec.reportedBy', { date: formatDateVi(r.reportOn), name: r.reportedBy?.fullName ?? '' })}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.reportText}</span>}
            />
          )}
          {r.reviews.length > 0 && (
            <Timeline
              items={r.reviews.map((review) => ({
                key: review.id,
                color: review.decision === 'accepted' ? 'green' : 'red',
                content: `${formatDateVi(review.reviewedOn)} · ${review.decision === 'accepted' ? t('rec.accepted') : t('rec.returned')}${review.reason ? `: ${review.reason}` : ''}${review.user ? ` (${review.user.fullName})` : ''}`,
              }))}
            />
          )}
          <Typography.Title level={5}>{t('rec.documents')}</Typography.Title>
          <DocumentsPanel entityType="recommendation" entityId={r.id} canEdit={r.abilities.canReport} />
          {dialog === 'edit' && <RecommendationEditModal item={r} onClose={() => setDialog(null)} />}
          {dialog === 'report' && (
            <FormModal<{ reportText: string; reportOn: Dayjs }>
              name="report"
              open
              title={t('rec.report')}
              okText={t('rec.submitReport')}
              onClose={() => setDialog(null)}
              initialValues={{ reportOn: toDayjs(todayIso()) ?? undefined, reportText: r.reportText ?? undefined }}
              onSubmit={(v) =>
                act.mutateAsync({
                  id: r.id,
                  action: 'report',
                  version: r.version,
                  reportText: v.reportText,
                  reportOn: fromDayjs(v.reportOn),
                })
              }
            >
              <Form.Item
                name="reportText"
                label={t('rec.reportText')}
                rules={[{ required: true, whitespace: true, message: t('rec.reportText') }]}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
              </Form.Item>
              <Form.Item
                name="reportOn"
                label={t('rec.reportOn')}
                rules={[{ required: true, message: t('rec.reportOn') }]}
              >
                <DatePicker format={DATE_FORMAT} maxDate={toDayjs(todayIso()) ?? undefined} />
              </Form.Item>
            </FormModal>
          )}
          {dialog === 'accept' && (
            <FormModal<{ reviewedOn: Dayjs }>
              name="accept"
              open
              title={t('rec.accept')}
              okText={t('rec.accept')}
              onClose={() => setDialog(null)}
              initialValues={{ reviewedOn: toDayjs(todayIso()) ?? undefined }}
              onSubmit={(v) =>
                act.mutateAsync({ id: r.id, action: 'accept', version: r.version, reviewedOn: fromDayjs(v.reviewedOn) })
              }
            >
              <Form.Item
                name="reviewedOn"
                label={t('rec.reviewedOn')}
                rules={[{ required: true, message: t('rec.reviewedOn') }]}
              >
                <DatePicker format={DATE_FORMAT} maxDate={toDayjs(todayIso()) ?? undefined} />
              </Form.Item>
            </FormModal>
          )}
          {dialog === 'return' && (
            <FormModal<{ reason: string }>
              name="return"
              open
              isDanger
              title={t('rec.return')}
              okText={t('rec.return')}
              onClose={() => setDialog(null)}
              onSubmit={(v) => act.mutateAsync({ id: r.id, action: 'return', version: r.version, reason: v.reason })}
            >
              <Form.Item
                name="reason"
                label={t('rec.reason')}
                rules={[{ required: true, whitespace: true, message: t('rec.reason') }]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </FormModal>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
