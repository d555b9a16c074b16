import { Alert, Card, DatePicker, Flex, Skeleton, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { todayIso } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, formatNumber, fromDayjs, toDayjs } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { useFiguresFilters } from '../../lib/useFiguresFilters';
import { useCurrentUser } from '../auth/useCurrentUser';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { UnitPicker } from '../org-units/UnitPicker';
import { useInspectionStats } from './api';
import { InspectionsNav } from './InspectionsNav';
import { messages } from './messages';
import { StatsTable } from './StatsTable';
import { useInspectionLabels } from './useInspectionLabels';

/** This year up to today: what a committee reports on most often. */
function defaultPeriod() {
  const today = todayIso();
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * Figures of a subtree and a period, in total, for what the unit conducted itself and per subordinate unit, optionally
 * under one directive. Unit, period and directive live in the URL (the meetings figures do the same), so a figure can
 * be shared; the page opens on the user's own unit.
 */
export function StatsPage() {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const me = useCurrentUser();
  const { unit, from, to, campaign, set } = useFiguresFilters({ unit: me.unit.code, ...defaultPeriod() });
  const stats = useInspectionStats({ unit, from, to, campaign });
  const data = stats.data;

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('stats.title')}
        </Typography.Title>
        <InspectionsNav />
      </Flex>
      <Flex wrap gap={8}>
        <Flex gap={8} align="center" style={{ flex: '1 1 300px', minWidth: 260 }}>
          <label htmlFor="stats-unit" style={{ whiteSpace: 'nowrap' }}>
            {t('stats.unit')}
          </label>
          <UnitPicker
            id="stats-unit"
            isHistoryIncluded
            placeholder={data ? `${data.unit.name} (${data.unit.code})` : t('stats.unit')}
            value={undefined}
            onChange={(_, picked) => picked && set({ unit: picked.code })}
            style={{ flex: 1, minWidth: 0 }}
          />
        </Flex>
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          value={[toDayjs(from), toDayjs(to)]}
          allowClear={false}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            set({ from: fromDayjs(range?.[0]) ?? from, to: fromDayjs(range?.[1]) ?? to })
          }
          aria-label={t('stats.period')}
          style={{ flex: '1 1 260px' }}
        />
        <Flex gap={8} align="center" style={{ flex: '1 1 300px', minWidth: 260 }}>
          <label htmlFor="stats-campaign" style={{ whiteSpace: 'nowrap' }}>
            {t('stats.campaign')}
          </label>
          <CampaignSelect
            id="stats-campaign"
            value={campaign}
            onChange={(id) => set({ campaign: id })}
            allowClear
            style={{ flex: 1, minWidth: 0 }}
          />
        </Flex>
      </Flex>
      {stats.isError && <Alert type="error" showIcon title={errorMessage(stats.error)} />}
      {stats.isLoading && <Skeleton active />}
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
              {Object.keys(data.counts.byLevel).length === 0 && (
                <Typography.Text type="secondary">{t('stats.noFigures')}</Typography.Text>
              )}
            </Flex>
          </Card>
          <StatsTable data={data} isLoading={stats.isFetching} />
        </>
      )}
    </Flex>
  );
}
