import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Select, Tooltip } from 'antd';
import { lazy, Suspense } from 'react';
import type { Structure } from '../../../common/dashboard';
import { useMessages } from '../../i18n/useMessages';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { UnitPicker } from '../org-units/UnitPicker';
import { messages } from './messages';
import { PRESETS, type Preset, type useDashboardQuery } from './useDashboardQuery';

const PeriodRangePicker = lazy(() => import('./PeriodRangePicker').then((m) => ({ default: m.PeriodRangePicker })));

interface Props {
  state: ReturnType<typeof useDashboardQuery>;
  unitLabel?: string;
}

/** Unit, period (presets or custom), campaign and structure; everything lands in the URL. */
export function DashboardFilters({ state, unitLabel }: Props) {
  const t = useMessages(messages);
  const { query, preset } = state;
  const presetLabel: Record<Preset, string> = {
    year: t('preset.year'),
    threeYears: t('preset.threeYears'),
    interim: t('preset.interim'),
    custom: t('preset.custom'),
  };
  return (
    <Flex wrap gap={8} align="center" className="no-print" data-testid="dashboard-filters">
      <UnitPicker
        isHistoryIncluded
        value={undefined}
        placeholder={unitLabel ?? t('filter.unit')}
        onChange={(id) => id && state.setUnit(id)}
        style={{ flex: '1 1 240px', minWidth: 200 }}
        id="dashboard-unit"
      />
      <Select<Preset>
        aria-label={t('filter.period')}
        data-testid="dashboard-preset"
        value={preset}
        onChange={state.setPreset}
        options={PRESETS.map((p) => ({ value: p, label: presetLabel[p] }))}
        style={{ flex: '0 1 300px', minWidth: 160 }}
      />
      {preset === 'custom' && (
        <Suspense fallback={null}>
          <PeriodRangePicker from={query.from} to={query.to} label={t('filter.period')} onChange={state.setRange} />
        </Suspense>
      )}
      <CampaignSelect
        value={query.campaign}
        allowClear
        placeholder={t('filter.allCampaigns')}
        onChange={(id) => state.setCampaign(id)}
        style={{ flex: '1 1 220px', minWidth: 180 }}
      />
      <Segmented<Structure>
        data-testid="dashboard-structure"
        value={query.structure}
        onChange={state.setStructure}
        options={[
          {
            value: 'current',
            label: <Tooltip title={t('structure.currentHint')}>{t('structure.current')}</Tooltip>,
          },
          {
            value: 'recorded',
            label: <Tooltip title={t('structure.recordedHint')}>{t('structure.recorded')}</Tooltip>,
          },
        ]}
      />
      <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
        {t('print')}
      </Button>
    </Flex>
  );
}
