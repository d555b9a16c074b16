import { Alert, Card, DatePicker, Flex, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, formatNumber, fromDayjs, toDayjs } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { UnitSelect } from '../models/UnitSelect';
import { useInspectionStats } from './api';
import { InspectionsNav } from './InspectionsNav';
import { messages } from './messages';
import type { InspectionCounts } from './types';
import { useInspectionLabels } from './useInspectionLabels';

interface Row {
  key: string;
  name: string;
  counts: InspectionCounts;
  isTotal?: boolean;
}

const COLUMNS = [
  ['inspections', 'stats.inspections'],
  ['supervisions', 'stats.supervisions'],
  ['thematic', 'stats.thematic'],
  ['subjectsCovered', 'stats.subjects'],
  ['recommendations', 'stats.recommendations'],
  ['done', 'stats.done'],
  ['doneOnTime', 'stats.doneOnTime'],
  ['overdue', 'stats.overdue'],
  ['difficultiesResolved', 'stats.difficulties'],
] as const;

/** Figures of a subtree and a period, in total, for what the unit conducted itself and per subordinate unit. */
export function StatsPage() {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const [unit, setUnit] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null]>([toDayjs('2016-01-01'), toDayjs('2019-12-31')]);
  const from = fromDayjs(range[0]) ?? '2016-01-01';
  const to = fromDayjs(range[1]) ?? '2019-12-31';
  const stats = useInspectionStats({ unit, from, to });
  const data = stats.data;
  const rows: Row[] = data
    ? [
        { key: 'total', name: t('stats.total'), counts: data.counts, isTotal: true },
        { key: 'own', name: t('stats.own', { name: data.unit.name }), counts: data.ownCounts },
        ...data.children.map((child) => ({ key: child.unit.id, name: child.unit.name, counts: child.counts })),
      ]
    : [];

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('stats.title')}
        </Typography.Title>
        <InspectionsNav />
      </Flex>
      <Flex wrap gap={8}>
        <Flex gap={8} align="center" style={{ minWidth: 360 }}>
          <label htmlFor="stats-unit" style={{ whiteSpace: 'nowrap' }}>
            {t('stats.unit')}
          </label>
          <UnitSelect
            value={unit}
            onChange={(id) => setUnit(id)}
            at={to}
            placeholder={t('stats.unit')}
            id="stats-unit"
          />
        </Flex>
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          value={range}
          onChange={(value) => setRange([value?.[0] ?? null, value?.[1] ?? null])}
          aria-label={t('stats.period')}
        />
      </Flex>
      {!unit && <Alert type="info" title={t('stats.pickUnit')} />}
      {stats.isError && <Alert type="error" title={errorMessage(stats.error)} />}
      {data && (
        <>
          <Card size="small" title={t('stats.byLevel')}>
            <Flex wrap gap={24} data-testid="stats-by-level">
              {Object.entries(data.counts.byLevel).map(([level, n]) => (
                <Typography.Text key={level}>
                  {labels.level(level)}: {formatNumber(n.inspection)} {t('stats.inspections').toLowerCase()},{' '}
                  {formatNumber(n.supervision)} {t('stats.supervisions').toLowerCase()}
                </Typography.Text>
              ))}
            </Flex>
          </Card>
          <Table<Row>
            data-testid="stats-table"
            size="small"
            pagination={false}
            loading={stats.isFetching}
            dataSource={rows}
            scroll={{ x: 1000 }}
            rowClassName={(row) => (row.isTotal ? 'ant-table-row-selected' : '')}
            columns={[
              {
                key: 'name',
                title: t('stats.children'),
                fixed: 'left',
                width: 240,
                render: (_, row) => (row.isTotal ? <strong>{row.name}</strong> : row.name),
              },
              ...COLUMNS.map(([key, label]) => ({
                key,
                title: t(label),
                align: 'right' as const,
                render: (_: unknown, row: Row) => (
                  <Typography.Text type={key === 'overdue' && row.counts.overdue > 0 ? 'danger' : undefined}>
                    {formatNumber(row.counts[key])}
                  </Typography.Text>
                ),
              })),
            ]}
          />
        </>
      )}
    </Flex>
  );
}
