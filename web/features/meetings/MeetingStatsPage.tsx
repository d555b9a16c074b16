import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, DatePicker, Flex, Skeleton, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { addDays, todayIso } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { fromDayjs, toDayjs } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { useFiguresFilters } from '../../lib/useFiguresFilters';
import { useCurrentUser } from '../auth/useCurrentUser';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { UnitPicker } from '../org-units/UnitPicker';
import { useMeetingStats } from './api';
import { MeetingStatsBody } from './MeetingStatsBody';
import { messages } from './messages';

/** This year to the end of last month: the months a cell has had the chance to meet. */
function defaultPeriod() {
  const today = todayIso();
  const endOfLastMonth = addDays(`${today.slice(0, 7)}-01`, -1);
  return { from: `${endOfLastMonth.slice(0, 4)}-01-01`, to: endOfLastMonth };
}

/**
 * Meeting figures for a unit and a period (whole months): the totals, per child unit, per month, and the cells that
 * missed a month, for follow-up. Unit, period and campaign (whose themes count) live in the URL, so a figure can be
 * shared.
 */
export function MeetingStatsPage() {
  const t = useMessages(messages);
  const me = useCurrentUser();
  const { unit, from, to, campaign, set } = useFiguresFilters({ unit: me.unit.code, ...defaultPeriod() });
  const stats = useMeetingStats({ unit, from, to, campaign });
  const s = stats.data;

  return (
    <Flex vertical gap={16}>
      <Link to="/meetings">
        <ArrowLeftOutlined /> {t('page.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('stats.title')}
      </Typography.Title>
      <Flex wrap gap={8}>
        <UnitPicker
          isHistoryIncluded
          placeholder={s ? `${s.unit.name} (${s.unit.code})` : t('filter.unit')}
          value={undefined}
          onChange={(_, picked) => picked && set({ unit: picked.code })}
          style={{ flex: '1 1 240px', minWidth: 200 }}
        />
        <DatePicker.RangePicker
          aria-label={t('stats.period')}
          picker="month"
          format="MM/YYYY"
          value={[toDayjs(from), toDayjs(to)]}
          allowClear={false}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            set({
              from: fromDayjs(range?.[0]?.startOf('month')) ?? from,
              to: fromDayjs(range?.[1]?.endOf('month')) ?? to,
            })
          }
          style={{ flex: '1 1 240px' }}
        />
        <CampaignSelect
          value={campaign}
          placeholder={t('stats.allCampaigns')}
          onChange={(id) => set({ campaign: id })}
          style={{ flex: '1 1 240px', minWidth: 200 }}
        />
      </Flex>
      {s?.campaign && <Alert type="info" showIcon title={t('stats.campaignNote', { campaign: s.campaign.code })} />}
      {stats.isError && <Alert type="error" showIcon title={errorMessage(stats.error)} />}
      {stats.isLoading && <Skeleton active />}
      {s && <MeetingStatsBody s={s} />}
    </Flex>
  );
}
