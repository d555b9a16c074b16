import { useSearchParams } from 'react-router';
import { INTERIM_PERIOD, STRUCTURES, type Structure } from '../../../common/dashboard';
import { addDays, todayIso } from '../../../common/dates';
import { useCurrentUser } from '../auth/useCurrentUser';
import type { OverviewQuery } from './types';

export const PRESETS = ['year', 'threeYears', 'interim', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** The period of a preset, ending today (or the directive's interim review period). */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today = todayIso()): { from: string; to: string } {
  switch (preset) {
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'threeYears':
      return { from: addDays(`${Number(today.slice(0, 4)) - 3}${today.slice(4)}`, 1), to: today };
    case 'interim':
      return { ...INTERIM_PERIOD };
  }
}

/**
 * The dashboard's unit, period, campaign and structure, kept in the URL so that a view can be shared, printed and
 * walked back with the browser: `?unit=&period=year|threeYears|interim|custom&from=&to=&campaign=&structure=`.
 * The unit defaults to the user's own; the period to this year; the structure to today's.
 */
export function useDashboardQuery() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const preset = (PRESETS as readonly string[]).includes(params.get('period') ?? '')
    ? (params.get('period') as Preset)
    : params.get('from')
      ? 'custom'
      : 'year';
  const period =
    preset === 'custom'
      ? { from: params.get('from') ?? presetPeriod('year').from, to: params.get('to') ?? todayIso() }
      : presetPeriod(preset);
  const structureParam = params.get('structure');
  const structure: Structure = (STRUCTURES as readonly string[]).includes(structureParam ?? '')
    ? (structureParam as Structure)
    : 'current';
  const query: OverviewQuery = {
    unit: params.get('unit') ?? me.unit.id,
    ...period,
    campaign: params.get('campaign') ?? undefined,
    structure,
  };

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    Object.entries(patch).forEach(([key, value]) => (value ? next.set(key, value) : next.delete(key)));
    setParams(next);
  };
  /** The address of the same dashboard for another unit (a real link: it opens in a new tab too). */
  const unitHref = (unit: string, structureOverride?: Structure) => {
    const next = new URLSearchParams(params);
    next.set('unit', unit);
    if (structureOverride) {
      next.set('structure', structureOverride);
    }
    return `?${next.toString()}`;
  };
  return {
    query,
    preset,
    unitHref,
    setUnit: (unit: string, structureOverride?: Structure) =>
      update({ unit, ...(structureOverride ? { structure: structureOverride } : {}) }),
    setPreset: (next: Preset) =>
      update(
        next === 'custom'
          ? { period: 'custom', from: query.from, to: query.to }
          : { period: next, from: undefined, to: undefined },
      ),
    setRange: (from: string, to: string) => update({ period: 'custom', from, to }),
    setCampaign: (campaign: string | undefined) => update({ campaign }),
    setStructure: (next: Structure) => update({ structure: next }),
  };
}
