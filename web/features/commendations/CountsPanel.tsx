import { Alert, Card, DatePicker, Flex, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { COMMENDATION_LEVELS } from '../../../common/commendations';
import { todayIso } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, formatDate, formatNumber, fromDayjs, toDayjs } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { useCurrentUser } from '../auth/useCurrentUser';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { UnitPicker } from '../org-units/UnitPicker';
import { useCommendationStats } from './api';
import { LevelCountsTable } from './LevelCountsTable';
import { messages } from './messages';
import type { CommendationStats, Counts } from './types';
import { useCommendationLabels } from './useCommendationLabels';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Recipients by level × collective/individual for a unit and a period, and per subordinate unit — the sentence an
 * interim-review report prints. The unit travels by code so that it resolves on the period's last day (code 96 on
 * 20/08/2019 is the Tỉnh ủy Cà Mau of then). Unit, period and campaign live in the URL, so a figure can be shared.
 */
export function CountsPanel() {
  const t = useMessages(messages);
  const labels = useCommendationLabels();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? me.unit.code;
  const from = params.get('from') ?? `${todayIso().slice(0, 4)}-01-01`;
  const to = params.get('to') ?? todayIso();
  // The campaign travels by code too (`campaign=05-CT/TW`), the way the API and report writers name it.
  const campaign = params.get('campaign') ?? undefined;
  const stats = useCommendationStats({ unit, from, to, campaign });
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    Object.entries({ unit, from, to, ...patch }).forEach(([key, value]) =>
      value ? next.set(key, value) : next.delete(key),
    );
    setParams(next, { replace: true });
  };

  const sentence = (s: CommendationStats) => {
    // Lowest level first, the way reports write it: cấp huyện…, cấp tỉnh…, cấp Trung ương….
    const parts = [...COMMENDATION_LEVELS]
      .reverse()
      .filter((level) => s.counts.byLevel[level].collective + s.counts.byLevel[level].individual > 0)
      .map((level) =>
        t('stats.part', {
          level: labels.level.label(level),
          collective: pad(s.counts.byLevel[level].collective),
          individual: pad(s.counts.byLevel[level].individual),
        }),
      );
    return t(s.campaign ? 'stats.sentenceCampaign' : 'stats.sentence', {
      unit: s.unit.name,
      campaign: s.campaign?.code ?? '',
      from: formatDate(s.from),
      to: formatDate(s.to),
      parts: parts.length ? parts.join('; ') : t('stats.none'),
    });
  };

  const childRows = (s: CommendationStats) => [
    ...s.children.map((child) => ({
      key: child.unit.id,
      name: `${child.unit.name} (${child.unit.code})`,
      counts: child.counts,
    })),
    ...(s.outsideChildren.total > 0 ? [{ key: 'outside', name: t('stats.outside'), counts: s.outsideChildren }] : []),
  ];
  const levelColumns = COMMENDATION_LEVELS.filter(
    (level) =>
      (stats.data?.counts.byLevel[level].collective ?? 0) + (stats.data?.counts.byLevel[level].individual ?? 0) > 0,
  );

  return (
    <Card size="small" title={t('stats.title')}>
      <Flex vertical gap={12}>
        <Flex wrap gap={8}>
          <UnitPicker
            isHistoryIncluded
            placeholder={stats.data ? `${stats.data.unit.name} (${stats.data.unit.code})` : t('stats.unit')}
            value={undefined}
            onChange={(_, picked) => picked && set({ unit: picked.code })}
            style={{ flex: '1 1 220px', minWidth: 180 }}
          />
          <DatePicker.RangePicker
            aria-label={t('stats.period')}
            format={DATE_FORMAT}
            value={[toDayjs(from), toDayjs(to)]}
            allowClear={false}
            onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
              set({ from: fromDayjs(range?.[0]) ?? from, to: fromDayjs(range?.[1]) ?? to })
            }
            style={{ flex: '1 1 260px' }}
          />
          <CampaignSelect
            placeholder={t('stats.campaign')}
            value={stats.data?.campaign && stats.data.campaign.code === campaign ? stats.data.campaign.id : undefined}
            onChange={(_, picked) => set({ campaign: picked?.code })}
            style={{ flex: '1 1 260px', width: 'auto' }}
          />
        </Flex>
        {stats.isError && <Alert type="error" showIcon title={errorMessage(stats.error)} />}
        {stats.data && (
          <>
            <Typography.Paragraph strong data-testid="stats-sentence" style={{ margin: 0 }}>
              {sentence(stats.data)}
            </Typography.Paragraph>
            <LevelCountsTable counts={stats.data.counts.byLevel} testId="stats-levels" />
            <Typography.Text type="secondary">
              {t('stats.children', { date: formatDate(stats.data.to) })}
            </Typography.Text>
            <Table
              data-testid="stats-children"
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={childRows(stats.data)}
              columns={[
                { title: t('stats.unit'), dataIndex: 'name' },
                ...levelColumns.flatMap((level) =>
                  (['collective', 'individual'] as const).map((type) => ({
                    title: `${labels.level.label(level)} — ${t(`stats.${type}`)}`,
                    key: `${level}-${type}`,
                    align: 'right' as const,
                    render: (_: unknown, row: { counts: Counts }) => formatNumber(row.counts.byLevel[level][type]),
                  })),
                ),
              ]}
            />
          </>
        )}
      </Flex>
    </Card>
  );
}
