import { Button, Flex, InputNumber, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateVi } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { usePlans } from './api';
import { InspectionsNav } from './InspectionsNav';
import { messages } from './messages';
import { PlanFormModal } from './PlanFormModal';
import type { PlanSummary } from './types';
import { useInspectionLabels } from './useInspectionLabels';

/** The yearly plans of the conducting units in reach, newest first. */
export function PlansPage() {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const [year, setYear] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [isCreating, setCreating] = useState(false);
  const plans = usePlans({ year: year ?? undefined, page, pageSize: 20 });

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('plans.title')}
        </Typography.Title>
        <InspectionsNav />
      </Flex>
      <Flex wrap gap={8} justify="space-between">
        <InputNumber
          aria-label={t('plans.year')}
          placeholder={t('plans.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(value) => {
            setYear(value);
            setPage(1);
          }}
        />
        {plans.data?.abilities.canCreate && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('plans.create')}
          </Button>
        )}
      </Flex>
      <Table<PlanSummary>
        rowKey="id"
        size="middle"
        loading={plans.isFetching}
        dataSource={plans.data?.items}
        locale={{ emptyText: t('plans.empty') }}
        scroll={{ x: 800 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: plans.data?.total,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { key: 'year', title: t('plans.year'), dataIndex: 'year', width: 80 },
          {
            key: 'title',
            title: t('plans.name'),
            render: (_, plan) => (
              <Flex vertical>
                <Link to={`/inspections/plans/${plan.id}`}>{plan.title}</Link>
                {plan.number && <Typography.Text type="secondary">{plan.number}</Typography.Text>}
              </Flex>
            ),
          },
          { key: 'unit', title: t('plans.unit'), render: (_, plan) => plan.unit.name },
          {
            key: 'status',
            title: t('plans.status'),
            width: 170,
            render: (_, plan) => (
              <Tag color={plan.status === 'approved' ? 'green' : 'gold'}>
                {labels.planStatus(plan.status)}
                {plan.approvedOn ? ` ${formatDateVi(plan.approvedOn)}` : ''}
              </Tag>
            ),
          },
          {
            key: 'progress',
            title: t('plans.progress'),
            width: 150,
            align: 'right',
            render: (_, plan) => `${plan.closedCount} / ${plan.inspectionCount}`,
          },
        ]}
      />
      <PlanFormModal open={isCreating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
