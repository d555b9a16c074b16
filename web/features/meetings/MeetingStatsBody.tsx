import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { FiguresTable } from './FiguresTable';
import { formatMonth, formatNumber, formatShare } from './figuresFormat';
import { messages } from './messages';
import type { MeetingStats } from './types';

/** The figures of one answer: a sentence, five totals, per child, per month, and the cells that missed a month. */
export function MeetingStatsBody({ s }: { s: MeetingStats }) {
  const t = useMessages(messages);
  const f = s.totals;
  return (
    <>
      <Typography.Paragraph strong data-testid="stats-sentence" style={{ margin: 0 }}>
        {t('stats.sentence', {
          unit: s.unit.name,
          from: formatDate(s.from),
          to: formatDate(s.to),
          cells: formatNumber(f.cellsExpected),
          held: formatNumber(f.cellMonthsHeld),
          expected: formatNumber(f.cellMonthsExpected),
          heldShare: formatShare(f.heldShare),
          themeShare: formatShare(f.themeShare),
        })}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {[
          { title: t('stats.cells'), value: formatNumber(f.cellsExpected) },
          {
            title: t('stats.heldShare'),
            value: formatShare(f.heldShare),
            note: `${formatNumber(f.cellMonthsHeld)} / ${formatNumber(f.cellMonthsExpected)}`,
          },
          {
            title: t('stats.themeShare'),
            value: formatShare(f.themeShare),
            note: `${formatNumber(f.cellMonthsThemeIncluded)} / ${formatNumber(f.cellMonthsExpected)}`,
          },
          { title: t('stats.thematic'), value: formatNumber(f.thematicMeetings) },
          {
            title: t('stats.attendance'),
            value: formatShare(f.attendanceRate),
            note: `${formatNumber(f.present)} / ${formatNumber(f.membersOnRoll)}`,
          },
        ].map((card) => (
          <Col key={card.title} xs={12} md={8} lg={{ flex: '20%' }}>
            <Card size="small">
              <Statistic title={card.title} value={card.value} />
              {card.note && <Typography.Text type="secondary">{card.note}</Typography.Text>}
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('stats.byChild')}>
        <FiguresTable
          testId="stats-children"
          nameTitle={t('stats.unit')}
          rows={[
            ...s.children.map((c) => ({ key: c.unit.id, name: `${c.unit.name} (${c.unit.code})`, figures: c.figures })),
            ...(s.direct ? [{ key: 'direct', name: t('stats.direct'), figures: s.direct }] : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('stats.byMonth')}>
        <FiguresTable
          testId="stats-months"
          nameTitle={t('stats.month')}
          rows={s.months.map((m) => ({ key: m.month, name: formatMonth(m.month), figures: m.figures }))}
        />
      </Card>
      <Card size="small" title={t('stats.notMet', { count: formatNumber(s.notMet.total) })}>
        {s.notMet.total > s.notMet.items.length && (
          <Typography.Paragraph type="secondary">
            {t('stats.notMetShown', { count: s.notMet.items.length })}
          </Typography.Paragraph>
        )}
        <Table
          data-testid="stats-not-met"
          size="small"
          rowKey={(row) => row.unit.id}
          pagination={s.notMet.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          dataSource={s.notMet.items}
          columns={[
            {
              title: t('stats.cell'),
              render: (_, row) => (
                <Link to={`/meetings?unit=${encodeURIComponent(row.unit.id)}&from=${s.from}&to=${s.to}`}>
                  {row.unit.name} ({row.unit.code})
                </Link>
              ),
            },
            { title: t('stats.parent'), dataIndex: 'parentName' },
            {
              title: t('stats.missed'),
              align: 'right',
              render: (_, row) => `${row.monthsExpected - row.monthsHeld} / ${row.monthsExpected}`,
            },
            {
              title: t('stats.missingMonths'),
              render: (_, row) =>
                row.missingMonths.length > 8
                  ? `${row.missingMonths.slice(0, 8).map(formatMonth).join(', ')} …`
                  : row.missingMonths.map(formatMonth).join(', '),
            },
            {
              title: t('stats.lastMeeting'),
              render: (_, row) => (row.lastMeetingDate ? formatDate(row.lastMeetingDate) : t('stats.never')),
            },
          ]}
        />
      </Card>
    </>
  );
}
