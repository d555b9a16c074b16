import { Table } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { formatNumber, formatShare } from './figuresFormat';
import { messages } from './messages';
import type { MeetingFigures } from './types';

interface Row {
  key: string;
  name: string;
  figures: MeetingFigures;
}

/** Figures side by side, one row per child unit or per month. */
export function FiguresTable({ rows, nameTitle, testId }: { rows: Row[]; nameTitle: string; testId: string }) {
  const t = useMessages(messages);
  const num = (pick: (f: MeetingFigures) => number) => (_: unknown, row: Row) => formatNumber(pick(row.figures));
  return (
    <Table<Row>
      data-testid={testId}
      size="small"
      rowKey="key"
      pagination={rows.length > 24 ? { pageSize: 24, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={[
        { title: nameTitle, dataIndex: 'name', fixed: 'left' },
        { title: t('stats.cells'), align: 'right', render: num((f) => f.cellsExpected) },
        { title: t('stats.expected'), align: 'right', render: num((f) => f.cellMonthsExpected) },
        { title: t('stats.held'), align: 'right', render: num((f) => f.cellMonthsHeld) },
        { title: t('stats.heldShare'), align: 'right', render: (_, row) => formatShare(row.figures.heldShare) },
        { title: t('stats.theme'), align: 'right', render: num((f) => f.cellMonthsThemeIncluded) },
        { title: t('stats.themeShare'), align: 'right', render: (_, row) => formatShare(row.figures.themeShare) },
        { title: t('stats.thematic'), align: 'right', render: num((f) => f.thematicMeetings) },
        { title: t('stats.attendance'), align: 'right', render: (_, row) => formatShare(row.figures.attendanceRate) },
      ]}
    />
  );
}
