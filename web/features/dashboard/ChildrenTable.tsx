import { Card, Typography } from 'antd';
import { useState } from 'react';
import { compareVietnamese } from '../../../common/text';
import { useMessages } from '../../i18n/useMessages';
import { formatNumber, formatShare } from './format';
import { messages } from './messages';
import type { DashboardUnit, FigureCounts, MeetingShares, Overview } from './types';

interface Props {
  overview: Overview;
  onDrill: (unit: DashboardUnit) => void;
  hrefOf: (unit: DashboardUnit) => string;
}

type SortKey = 'name' | 'commendations' | 'models' | 'inspections' | 'recommendations' | 'regularShare';

/**
 * The children with their figures, ranked (click a heading to rank by it); a click on a unit opens the same dashboard
 * for it. A plain table: the dashboard's first load carries no grid component.
 */
export function ChildrenTable({ overview: o, onDrill, hrefOf }: Props) {
  const t = useMessages(messages);
  const [sort, setSort] = useState<SortKey>('commendations');
  const shareOf = (m: MeetingShares) => (m.cellMonthsExpected === 0 ? -1 : m.regular / m.cellMonthsExpected);
  const value = (child: Overview['children'][number], key: Exclude<SortKey, 'name'>) =>
    key === 'regularShare' ? shareOf(child.meetings) : child.counts[key];
  const rows = [...o.children].sort((a, b) =>
    sort === 'name'
      ? compareVietnamese(a.unit.name, b.unit.name)
      : value(b, sort) - value(a, sort) || compareVietnamese(a.unit.name, b.unit.name),
  );
  const heading = (key: SortKey, label: string, isNumber = true) => (
    <th
      className={isNumber ? 'number' : undefined}
      aria-sort={sort === key ? (key === 'name' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" className="dashboard-sort" onClick={() => setSort(key)}>
        {label}
        {sort === key ? (key === 'name' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const cells = (counts: FigureCounts, meetings?: MeetingShares) => (
    <>
      <td className="number">
        {meetings
          ? formatShare(meetings.cellMonthsExpected === 0 ? null : meetings.regular / meetings.cellMonthsExpected)
          : ''}
      </td>
      <td className="number">{formatNumber(counts.commendations)}</td>
      <td className="number">{formatNumber(counts.models)}</td>
      <td className="number">{formatNumber(counts.inspections)}</td>
      <td className="number">{formatNumber(counts.recommendations)}</td>
    </>
  );
  return (
    <Card
      size="small"
      title={t('children.title')}
      extra={
        <Typography.Text type="secondary" className="no-print">
          {t('children.drill')}
        </Typography.Text>
      }
    >
      <div style={{ overflowX: 'auto' }}>
        <table className="dashboard-table" data-testid="children-table">
          <thead>
            <tr>
              {heading('name', t('children.unit'), false)}
              {heading('regularShare', t('series.regularShare'))}
              {heading('commendations', t('series.commendations'))}
              {heading('models', t('series.models'))}
              {heading('inspections', t('series.inspections'))}
              {heading('recommendations', t('series.recommendations'))}
            </tr>
          </thead>
          <tbody>
            {rows.map((child) => (
              <tr key={child.unit.id}>
                <td>
                  <Typography.Link
                    href={hrefOf(child.unit)}
                    onClick={(event) => {
                      event.preventDefault();
                      onDrill(child.unit);
                    }}
                    data-testid={`child-${child.unit.code}`}
                  >
                    {child.unit.name}
                  </Typography.Link>{' '}
                  <Typography.Text type="secondary">{child.unit.code}</Typography.Text>
                  {child.unit.validTo && <span className="dashboard-tag">{t('children.closed')}</span>}
                </td>
                {cells(child.counts, child.meetings)}
              </tr>
            ))}
            {o.own.commendations + o.own.models + o.own.inspections + o.own.recommendations > 0 && (
              <tr>
                <td>
                  <Typography.Text italic>{t('children.own', { unit: o.unit.name })}</Typography.Text>
                </td>
                {cells(o.own)}
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
