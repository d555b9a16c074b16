import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { recordValueLabel } from '../../../common/dashboard-values';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { recordsExportUrl, useFigureRecords } from './api';
import { formatNumber } from './format';
import { messages } from './messages';
import type { FigurePart, OverviewQuery, RecordsPage } from './types';

interface Props {
  query: OverviewQuery;
  part: FigurePart | null;
  onClose: () => void;
}

const PAGE_SIZE = 20;

/** The records behind a figure — the same query as the figure, so the count above the table is the figure. */
export function RecordsDrawer({ query, part, onClose }: Props) {
  const t = useMessages(messages);
  const { lang } = useLanguage();
  const [page, setPage] = useState(1);
  const records = useFigureRecords(query, part, page, PAGE_SIZE);
  const data = records.data;
  type Row = RecordsPage['rows'][number];

  return (
    <Drawer
      open={part !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      size="large"
      width={960}
      title={part ? t('records.title', { figure: part.label }) : ''}
      extra={
        part && (
          <Button icon={<FileExcelOutlined />} href={recordsExportUrl(query, part)} data-testid="records-export">
            {t('records.export')}
          </Button>
        )
      }
    >
      {records.isError && <Alert type="error" showIcon title={errorMessage(records.error)} />}
      <Flex vertical gap={8}>
        {data && (
          <Typography.Text strong data-testid="records-total">
            {t('records.total', { count: formatNumber(data.total) })}
          </Typography.Text>
        )}
        <Table<Row>
          data-testid="records-table"
          size="small"
          rowKey="id"
          loading={records.isFetching}
          dataSource={data?.rows ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            {
              title: data ? data.dateLabel[lang] : t('records.date'),
              dataIndex: 'date',
              render: (date: string) => formatDate(date),
              width: 110,
            },
            ...(data?.columns ?? []).map((column) => ({
              title: lang === 'vi' ? column.vi : column.en,
              key: column.key,
              render: (_: unknown, row: Row) => recordValueLabel(column.kind, row.values[column.key], lang),
            })),
            { title: t('records.unit'), dataIndex: 'unitName' },
            ...(query.structure === 'current'
              ? [{ title: t('records.currentUnit'), dataIndex: 'currentUnitName' }]
              : []),
            {
              title: '',
              key: 'open',
              render: (_: unknown, row: Row) => <Link to={row.link}>{t('records.open')}</Link>,
            },
          ]}
        />
      </Flex>
    </Drawer>
  );
}
