import { BarChartOutlined, EditOutlined, PaperClipOutlined, TableOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MEETING_TYPES, type MeetingType } from '../../../common/meetings';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, formatDate, fromDayjs, toDayjs } from '../../lib/format';
import { UnitPicker } from '../org-units/UnitPicker';
import { useMeetings } from './api';
import { formatNumber } from './figuresFormat';
import { ImportMeetingsModal } from './ImportMeetingsModal';
import { messages } from './messages';
import type { MeetingFilters, MeetingSummary } from './types';
import { useMeetingLabels } from './useMeetingLabels';

/** The meetings in the caller's reach, newest first, with the ways in: record, grid, figures, import. */
export function MeetingsPage() {
  const t = useMessages(messages);
  const labels = useMeetingLabels();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [isImportOpen, setImportOpen] = useState(false);
  const filters: MeetingFilters = {
    unit: params.get('unit') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    type: (params.get('type') as MeetingType | null) ?? undefined,
    themeIncluded: (params.get('themeIncluded') as 'true' | 'false' | null) ?? undefined,
  };
  const list = useMeetings(filters, page, 50);
  const set = (patch: Partial<Record<keyof MeetingFilters, string | undefined>>) => {
    const next = new URLSearchParams(params);
    Object.entries(patch).forEach(([key, value]) => (value ? next.set(key, value) : next.delete(key)));
    setParams(next, { replace: true });
    setPage(1);
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          <Link to="/meetings/record">
            <Button type="primary" icon={<EditOutlined />}>
              {t('list.record')}
            </Button>
          </Link>
          <Link to="/meetings/grid">
            <Button icon={<TableOutlined />}>{t('list.grid')}</Button>
          </Link>
          <Link to="/meetings/stats">
            <Button icon={<BarChartOutlined />}>{t('list.stats')}</Button>
          </Link>
          <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
            {t('list.import')}
          </Button>
        </Flex>
      </Flex>
      <Flex wrap gap={8}>
        <UnitPicker
          isHistoryIncluded
          allowClear
          placeholder={t('filter.unit')}
          value={filters.unit}
          onChange={(id) => set({ unit: id })}
          style={{ flex: '1 1 220px', maxWidth: 360 }}
        />
        <DatePicker.RangePicker
          aria-label={t('filter.dates')}
          format={DATE_FORMAT}
          value={[toDayjs(filters.from), toDayjs(filters.to)]}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            set({ from: fromDayjs(range?.[0]), to: fromDayjs(range?.[1]) })
          }
        />
        <Select
          allowClear
          aria-label={t('filter.type')}
          placeholder={t('filter.type')}
          value={filters.type}
          onChange={(value?: MeetingType) => set({ type: value })}
          options={MEETING_TYPES.map((type) => ({ value: type, label: labels.type(type) }))}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          aria-label={t('filter.theme')}
          placeholder={t('filter.theme')}
          value={filters.themeIncluded}
          onChange={(value?: string) => set({ themeIncluded: value })}
          options={[
            { value: 'true', label: t('filter.themeYes') },
            { value: 'false', label: t('filter.themeNo') },
          ]}
          style={{ width: 200 }}
        />
      </Flex>
      <Table<MeetingSummary>
        data-testid="meetings-table"
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ onClick: () => void navigate(`/meetings/${row.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: 50,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('list.total', { count: formatNumber(total) }),
          onChange: setPage,
        }}
        locale={{ emptyText: t('list.empty') }}
        columns={[
          { title: t('field.date'), dataIndex: 'meetingDate', render: (day: string) => formatDate(day) },
          { title: t('field.cell'), render: (_, row) => `${row.unit.name} (${row.unit.code})` },
          {
            title: t('field.type'),
            dataIndex: 'type',
            render: (type: MeetingType) => (
              <Tag color={type === 'thematic' ? 'purple' : 'blue'}>{labels.type(type)}</Tag>
            ),
          },
          {
            title: t('field.theme'),
            render: (_, row) =>
              row.theme ? (
                <Tag color="green">{row.theme.code}</Tag>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: t('field.attendance'),
            align: 'right',
            render: (_, row) => `${row.present}/${row.membersOnRoll}`,
          },
          {
            title: '',
            render: (_, row) => (row.hasMinutes ? <PaperClipOutlined aria-label={t('field.minutes')} /> : null),
          },
        ]}
      />
      <ImportMeetingsModal open={isImportOpen} onClose={() => setImportOpen(false)} />
    </Flex>
  );
}
