import { useSearchParams } from 'react-router';

export interface FiguresFilters {
  unit: string;
  from: string;
  to: string;
  /** A campaign's id or code, when the figures are of one directive. */
  campaign?: string;
}

/**
 * A figures page's unit, period and campaign, read from the address with the page's defaults (so a figure can be
 * shared or reloaded as it is), and `set` to change some of them — the others are written out too, so the address
 * always says what the page shows.
 */
export function useFiguresFilters(defaults: Omit<FiguresFilters, 'campaign'>) {
  const [params, setParams] = useSearchParams();
  const filters: FiguresFilters = {
    unit: params.get('unit') ?? defaults.unit,
    from: params.get('from') ?? defaults.from,
    to: params.get('to') ?? defaults.to,
    campaign: params.get('campaign') ?? undefined,
  };
  const set = (patch: Partial<Record<keyof FiguresFilters, string | undefined>>) => {
    const next = new URLSearchParams(params);
    Object.entries({ ...filters, ...patch }).forEach(([key, value]) =>
      value ? next.set(key, value) : next.delete(key),
    );
    setParams(next, { replace: true });
  };
  return { ...filters, set };
}
