import { Badge, Breadcrumb, Card, Col, Flex, Input, Row, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { boardTotals, type BoardBridge } from '../../../common/conferences';
import { foldVietnamese } from '../../../common/text';
import { useMessages } from '../../i18n/useMessages';
import { formatNumber, formatTime } from './format';
import { messages } from './messages';
import { BridgeStatusTag } from './StatusTag';
import { useBoardStream } from './useBoardStream';

/** The organiser's live board: totals, problems on top, every point updating by itself; virtualised for 800 rows. */
export function BoardPage() {
  const t = useMessages(messages);
  const { id = '' } = useParams();
  const board = useBoardStream(id);
  const [filter, setFilter] = useState('');
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const totals = useMemo(() => boardTotals(board.bridges), [board.bridges]);
  const rows = useMemo(() => {
    const key = foldVietnamese(filter);
    return key
      ? board.bridges.filter((b) => foldVietnamese(`${b.unitName} ${b.unitCode}`).includes(key))
      : board.bridges;
  }, [board.bridges, filter]);

  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={[
          { title: <Link to="/conferences">{t('common.back')}</Link> },
          { title: <Link to={`/conferences/${id}`}>{board.title || '…'}</Link> },
          { title: t('board.title') },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('board.title')}
        </Typography.Title>
        <Badge
          status={board.isLive ? 'success' : 'warning'}
          text={board.isLive ? t('board.live') : t('board.reconnecting')}
          data-testid="board-live"
        />
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('board.connected')}
              value={totals.connected}
              suffix={`/ ${formatNumber(totals.bridges)}`}
              formatter={(v) => <span data-testid="total-connected">{formatNumber(Number(v))}</span>}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('board.problems')}
              value={totals.problems}
              styles={{ content: { color: totals.problems ? '#cf1322' : undefined } }}
              formatter={(v) => <span data-testid="total-problems">{formatNumber(Number(v))}</span>}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small">
            <Statistic
              title={t('board.people')}
              value={totals.present}
              suffix={`/ ${formatNumber(totals.expected)}`}
              formatter={(v) => <span data-testid="total-present">{formatNumber(Number(v))}</span>}
            />
          </Card>
        </Col>
      </Row>
      <Input.Search
        placeholder={t('board.filter')}
        allowClear
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        style={{ maxWidth: 360 }}
      />
      <Table<BoardBridge>
        rowKey="id"
        size="small"
        virtual
        scroll={{ x: 900, y: 560 }}
        pagination={false}
        dataSource={rows}
        rowClassName={(row) => (now - (board.changedAt.get(row.id) ?? 0) < 2500 ? 'board-row-changed' : '')}
        columns={[
          {
            title: t('bridge.unit'),
            dataIndex: 'unitName',
            width: 280,
            render: (name: string, row) => <Link to={`/conferences/${id}/bridges/${row.id}`}>{name}</Link>,
          },
          {
            title: t('bridge.status'),
            dataIndex: 'status',
            width: 150,
            render: (s: BoardBridge['status']) => <BridgeStatusTag status={s} />,
          },
          { title: t('bridge.present'), dataIndex: 'present', width: 90, align: 'right', render: formatNumber },
          { title: t('bridge.expected'), dataIndex: 'expected', width: 90, align: 'right', render: formatNumber },
          { title: t('bridge.checkedIn'), dataIndex: 'checkedIn', width: 110, align: 'right', render: formatNumber },
          { title: t('board.at'), dataIndex: 'statusAt', width: 70, render: (at: string) => formatTime(at) },
          {
            title: t('bridge.problemNote'),
            dataIndex: 'problemNote',
            width: 220,
            render: (note: string | null) => (note ? <Typography.Text type="danger">{note}</Typography.Text> : ''),
          },
        ]}
      />
    </Flex>
  );
}
