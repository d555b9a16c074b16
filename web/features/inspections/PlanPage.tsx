import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Popconfirm,
  Spin,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDateVi, todayIso } from '../../../common/dates';
import { isApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { useApprovePlan, usePlan } from './api';
import { InspectionFormModal } from './InspectionFormModal';
import { PlanEditModal } from './PlanEditModal';
import { InspectionsTable } from './InspectionsTable';
import { messages } from './messages';
import { useInspectionLabels } from './useInspectionLabels';

/** One yearly plan: its state, approval, and the inspections and supervisions in it. */
export function PlanPage() {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const approve = useApprovePlan();
  const [approvedOn, setApprovedOn] = useState<Dayjs | null>(toDayjs(todayIso()));
  const [isAdding, setAdding] = useState(false);
  const [isEditing, setEditing] = useState(false);

  if (plan.isPending) {
    return <Spin />;
  }
  if (plan.isError) {
    return isApiError(plan.error, 'NOT_FOUND') ? (
      <NotFoundPage />
    ) : (
      <Alert type="error" title={errorMessage(plan.error)} />
    );
  }
  const p = plan.data;
  const onApprove = async () => {
    try {
      await approve.mutateAsync({ id: p.id, approvedOn: fromDayjs(approvedOn) ?? todayIso(), version: p.version });
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorMessage(error), 8);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/inspections">{t('nav.plans')}</Link> },
          { key: p.id, title: p.title },
        ]}
      />
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {p.title}
        </Typography.Title>
        <Flex gap={8} wrap>
          {p.abilities.canEdit && <Button onClick={() => setEditing(true)}>{t('plans.edit')}</Button>}
          {p.abilities.canApprove && (
            <Popconfirm
              title={t('plans.approve')}
              description={
                <DatePicker
                  format={DATE_FORMAT}
                  value={approvedOn}
                  onChange={setApprovedOn}
                  aria-label={t('plans.approvedOn')}
                />
              }
              onConfirm={() => void onApprove()}
              okText={t('plans.approve')}
              cancelText={t('common.cancel')}
            >
              <Button loading={approve.isPending}>{t('plans.approve')}</Button>
            </Popconfirm>
          )}
          {p.abilities.canAddInspection && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('plans.addInspection')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'unit', label: t('plans.unit'), children: p.unit.name },
            { key: 'year', label: t('plans.year'), children: p.year },
            { key: 'number', label: t('plans.number'), children: p.number ?? '—' },
            ...(p.note ? [{ key: 'note', label: t('plans.note'), children: p.note }] : []),
            {
              key: 'status',
              label: t('plans.status'),
              children: (
                <span>
                  <Tag color={p.status === 'approved' ? 'green' : 'gold'}>{labels.planStatus(p.status)}</Tag>
                  {p.approvedOn &&
                    t('plans.approvedBy', { date: formatDateVi(p.approvedOn), name: p.approvedBy?.fullName ?? '' })}
                </span>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('plans.inspections')}>
        <InspectionsTable items={p.inspections} />
      </Card>
      {isAdding && <InspectionFormModal plan={p} onClose={() => setAdding(false)} />}
      {isEditing && <PlanEditModal plan={p} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
