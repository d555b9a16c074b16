import { COMMENDATION_LEVELS, COMMENDATION_LEVEL_LABELS } from '../../../common/commendations';
import type { EChartsCoreOption } from './echarts';
import { formatMonth, formatNumber } from './format';
import type { Overview } from './types';

type Lang = 'vi' | 'en';
type T = (key: 'series.commendations' | 'series.models' | 'card.collective' | 'card.individual') => string;

const valueFormatter = (value: unknown) => (typeof value === 'number' ? formatNumber(value) : String(value ?? ''));
const tooltip = (trigger: 'axis' | 'item' = 'axis') => ({ trigger, valueFormatter, confine: true });
const numberAxis = { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } };

/** Month by month: commended recipients (bars) and models registered (line). */
export function trendOption(o: Overview, t: T): EChartsCoreOption {
  return {
    tooltip: tooltip(),
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: o.series.length > 24 ? 56 : 28 },
    xAxis: { type: 'category', data: o.series.map((m) => formatMonth(m.month)) },
    yAxis: [numberAxis, { ...numberAxis, splitLine: { show: false } }],
    dataZoom: o.series.length > 24 ? [{ type: 'slider', height: 18, bottom: 8 }] : [],
    series: [
      { name: t('series.commendations'), type: 'bar', data: o.series.map((m) => m.counts.commendations) },
      {
        name: t('series.models'),
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        data: o.series.map((m) => m.counts.models),
      },
    ],
  };
}

/** The children side by side, ranked by commendations (largest on top), models beside. */
export function childrenOption(o: Overview, t: T): EChartsCoreOption {
  const ranked = [...o.children].sort((a, b) => a.counts.commendations - b.counts.commendations);
  return {
    tooltip: tooltip(),
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: numberAxis,
    yAxis: {
      type: 'category',
      data: ranked.map((c) => c.unit.name),
      axisLabel: { width: 180, overflow: 'truncate' },
      triggerEvent: true,
    },
    series: [
      { name: t('series.commendations'), type: 'bar', data: ranked.map((c) => c.counts.commendations) },
      { name: t('series.models'), type: 'bar', data: ranked.map((c) => c.counts.models) },
    ],
  };
}

/** Commendations per level, collectives and individuals stacked. */
export function levelsOption(o: Overview, t: T, lang: Lang): EChartsCoreOption {
  const levels = COMMENDATION_LEVELS.filter(
    (level) => o.commendations.byLevel[level].collective + o.commendations.byLevel[level].individual > 0,
  );
  return {
    tooltip: tooltip(),
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: levels.map((level) => COMMENDATION_LEVEL_LABELS[level][lang]) },
    yAxis: numberAxis,
    series: (['collective', 'individual'] as const).map((type) => ({
      name: t(type === 'collective' ? 'card.collective' : 'card.individual'),
      type: 'bar',
      stack: 'level',
      label: { show: true, formatter: (p: { value: number }) => (p.value ? formatNumber(p.value) : '') },
      data: levels.map((level) => o.commendations.byLevel[level][type]),
    })),
  };
}

/** Models per field, largest first. */
export function fieldsOption(o: Overview, t: T, lang: Lang): EChartsCoreOption {
  const fields = [...o.models.byField].sort((a, b) => a.count - b.count);
  return {
    tooltip: tooltip(),
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: numberAxis,
    yAxis: { type: 'category', data: fields.map((f) => (lang === 'vi' ? f.nameVi : f.nameEn)) },
    series: [
      {
        name: t('series.models'),
        type: 'bar',
        label: { show: true, position: 'right', formatter: (p: { value: number }) => formatNumber(p.value) },
        data: fields.map((f) => f.count),
      },
    ],
  };
}
