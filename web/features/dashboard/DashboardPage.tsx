import { Alert, Button, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { STRUCTURE_LABELS } from '../../../common/dashboard';
import { isApiError } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { useOverview } from './api';
import { ChartCard } from './ChartCard';
import { childrenOption, fieldsOption, levelsOption, trendOption } from './chartOptions';
import { ChildrenTable } from './ChildrenTable';
import { DashboardFilters } from './DashboardFilters';
import { HeadlineCards } from './HeadlineCards';
import { messages } from './messages';
import type { FigurePart } from './types';
import { useDashboardQuery } from './useDashboardQuery';
import './dashboard.css';

// The record list (and antd's table) load on the first click on a figure.
const RecordsDrawer = lazy(() => import('./RecordsDrawer').then((m) => ({ default: m.RecordsDrawer })));

/**
 * The dashboard: every figure of a unit for a period, campaign and structure, its children side by side, month by
 * month; a click on a child opens its dashboard, a click on a figure the records behind it. Printable on A4
 * landscape; each chart downloads as PNG or SVG.
 */
export function DashboardPage() {
  const t = useMessages(messages);
  const { lang } = useLanguage();
  const state = useDashboardQuery();
  const { query } = state;
  const overview = useOverview(query);
  const [part, setPart] = useState<FigurePart | null>(null);
  const o = overview.data;

  const charts = useMemo(() => {
    if (!o) {
      return null;
    }
    return {
      trend: trendOption(o, t),
      children: childrenOption(o, t),
      levels: levelsOption(o, t, lang),
      fields: fieldsOption(o, t, lang),
    };
  }, [o, t, lang]);
  const ranked = useMemo(
    () => (o ? [...o.children].sort((a, b) => a.counts.commendations - b.counts.commendations) : []),
    [o],
  );
  const structureError =
    isApiError(overview.error, 'VALIDATION_FAILED') && overview.error.details.some((d) => d.path === 'query.structure');
  const fileBase = o ? `${o.unit.code}-${o.from}-${o.to}` : 'bieu-do';

  return (
    <Flex vertical gap={16} className="dashboard-page" data-testid="dashboard">
      <Flex vertical gap={4}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        {o && (
          <>
            {o.ancestors.length > 0 && (
              <nav className="no-print dashboard-breadcrumb" aria-label={t('breadcrumb.top')}>
                {o.ancestors.map((a) => (
                  <span key={a.id}>
                    <Typography.Link
                      href={state.unitHref(a.id)}
                      onClick={(event) => {
                        event.preventDefault();
                        state.setUnit(a.id);
                      }}
                    >
                      {a.name}
                    </Typography.Link>
                    {' / '}
                  </span>
                ))}
                <Typography.Text>{o.unit.name}</Typography.Text>
              </nav>
            )}
            <Typography.Text type="secondary" data-testid="dashboard-subtitle">
              {t('subtitle', {
                unit: `${o.unit.name} (${o.unit.code})`,
                from: formatDate(o.from),
                to: formatDate(o.to),
                structure: STRUCTURE_LABELS[o.structure][lang].toLowerCase(),
              })}
            </Typography.Text>
          </>
        )}
      </Flex>
      <DashboardFilters state={state} unitLabel={o ? `${o.unit.name} (${o.unit.code})` : undefined} />
      {o?.unit.validTo && (
        <Alert
          type="info"
          showIcon
          data-testid="dashboard-closed"
          title={t('unit.closed', { from: formatDate(o.unit.validFrom), to: formatDate(o.unit.validTo) })}
          description={o.currentOf ? t('unit.closedCurrent', { unit: o.currentOf.name }) : undefined}
          action={
            o.currentOf && (
              <Button size="small" onClick={() => state.setUnit(o.currentOf!.id, 'current')}>
                {t('unit.openSuccessor', { unit: o.currentOf.name })}
              </Button>
            )
          }
        />
      )}
      {overview.isError && (
        <Alert
          type={structureError ? 'warning' : 'error'}
          showIcon
          data-testid="dashboard-error"
          title={errorMessage(overview.error)}
          action={
            structureError && (
              <Button size="small" onClick={() => state.setStructure('recorded')}>
                {t('structure.switchToRecorded')}
              </Button>
            )
          }
        />
      )}
      {!o && overview.isPending && <Skeleton active />}
      {o && charts && !overview.isError && (
        <div style={{ opacity: overview.isPlaceholderData ? 0.6 : 1 }}>
          <Flex vertical gap={16}>
            <HeadlineCards overview={o} onOpen={setPart} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <ChartCard
                  title={t('chart.trend')}
                  fileName={`dien-bien-${fileBase}`}
                  option={charts.trend}
                  isEmpty={o.commendations.total + o.models.total === 0}
                  testId="chart-trend"
                />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard
                  title={t('chart.children')}
                  fileName={`don-vi-truc-thuoc-${fileBase}`}
                  option={charts.children}
                  height={Math.max(320, Math.min(ranked.length, 40) * 22 + 60)}
                  isEmpty={ranked.length === 0}
                  onItemClick={({ dataIndex }) => {
                    const child = ranked[dataIndex];
                    if (child) {
                      state.setUnit(child.unit.id, child.unit.validTo ? 'recorded' : undefined);
                    }
                  }}
                  testId="chart-children"
                />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard
                  title={t('chart.levels')}
                  fileName={`khen-thuong-theo-cap-${fileBase}`}
                  option={charts.levels}
                  isEmpty={o.commendations.total === 0}
                  testId="chart-levels"
                />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard
                  title={t('chart.fields')}
                  fileName={`mo-hinh-theo-linh-vuc-${fileBase}`}
                  option={charts.fields}
                  isEmpty={o.models.total === 0}
                  testId="chart-fields"
                />
              </Col>
            </Row>
            <ChildrenTable
              overview={o}
              onDrill={(unit) => state.setUnit(unit.id, unit.validTo ? 'recorded' : undefined)}
              hrefOf={(unit) => state.unitHref(unit.id, unit.validTo ? 'recorded' : undefined)}
            />
          </Flex>
        </div>
      )}
      {part && (
        <Suspense fallback={null}>
          <RecordsDrawer key={part.label} query={query} part={part} onClose={() => setPart(null)} />
        </Suspense>
      )}
    </Flex>
  );
}
