import { Flex, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { RECOMMENDATION_CATEGORIES } from '../../../common/inspections';
import { useMessages } from '../../i18n/useMessages';
import { useRecommendations } from './api';
import { InspectionsNav } from './InspectionsNav';
import { messages } from './messages';
import { RecommendationDrawer } from './RecommendationDrawer';
import { RecommendationsTable } from './RecommendationsTable';
import { useInspectionLabels } from './useInspectionLabels';

type View = 'owner' | 'conducting' | 'all';

/** Recommendations, overdue first: what my unit must do, what my unit follows up, or everything in reach. */
export function RecommendationsPage() {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View | null) ?? 'owner';
  const status = params.get('status') ?? undefined;
  const category = params.get('category') ?? undefined;
  const [page, setPage] = useState(1);
  const list = useRecommendations({ view, status, category, page, pageSize: 20 });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    setParams(next, { replace: true });
    setPage(1);
  };

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.recommendations')}
        </Typography.Title>
        <InspectionsNav />
      </Flex>
      <Flex wrap gap={8} align="center">
        <Segmented<View>
          value={view}
          onChange={(value) => set('view', value)}
          options={[
            { value: 'owner', label: t('rec.mine') },
            { value: 'conducting', label: t('rec.following') },
            { value: 'all', label: t('rec.all') },
          ]}
        />
        <Select
          allowClear
          aria-label={t('rec.status')}
          placeholder={t('rec.status')}
          style={{ width: 180 }}
          value={status}
          onChange={(value?: string) => set('status', value)}
          options={(['overdue', 'open', 'in_progress', 'done'] as const).map((s) => ({
            value: s,
            label: labels.status(s),
          }))}
        />
        <Select
          allowClear
          aria-label={t('rec.category')}
          placeholder={t('rec.category')}
          style={{ width: 260 }}
          value={category}
          onChange={(value?: string) => set('category', value)}
          options={RECOMMENDATION_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
        />
        {list.data && (
          <Typography.Text type="secondary" data-testid="recommendations-summary">
            {t('rec.summary', {
              total: list.data.total,
              overdue: list.data.overdue,
              awaiting: list.data.awaitingReview,
            })}
          </Typography.Text>
        )}
      </Flex>
      <RecommendationsTable
        items={list.data?.items}
        loading={list.isFetching}
        onOpen={(id) => set('open', id)}
        pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage }}
      />
      <RecommendationDrawer id={params.get('open') ?? undefined} onClose={() => set('open', undefined)} />
    </Flex>
  );
}
