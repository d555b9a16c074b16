import { todayIso } from '../../../common/dates';
import type { FigureId } from '../../../common/dashboard';
import type { DbOrTrx } from '../../db/connection';
import { figureSource } from './dashboard-figures';
import * as repo from './dashboard.repository';

// How a figure is counted for a period: whole months from the rollups (national and provincial dashboards), the
// partial months at the edges and everything else from the records themselves. dashboard.service.ts puts the counts
// together into the overview.

/** The months of [from, to] as YYYY-MM. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= last) {
      return months;
    }
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * Splits a period into the whole months the rollup answers and the partial months at its edges that the records
 * answer: 2016-05-15 … 2019-08-20 is 15–31/5/2016, June 2016 … July 2019, and 1–20/8/2019.
 */
export function splitPeriod(from: string, to: string): { months: [string, string] | null; edges: [string, string][] } {
  const firstMonth = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from);
  const lastMonth = to === lastDayOf(to.slice(0, 7)) ? to.slice(0, 7) : previousMonth(to);
  if (firstMonth > lastMonth) {
    return { months: null, edges: [[from, to]] };
  }
  const edges: [string, string][] = [];
  if (!from.endsWith('-01')) {
    edges.push([from, lastDayOf(from.slice(0, 7))]);
  }
  if (to !== lastDayOf(to.slice(0, 7))) {
    edges.push([`${to.slice(0, 7)}-01`, to]);
  }
  return { months: [`${firstMonth}-01`, `${lastMonth}-01`], edges };
}

function nextMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function previousMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * A figure's counts (by child × a × b, and by month). The national and provincial dashboards without a campaign
 * read whole months from the rollup and the partial edge months from the records; everything else reads the
 * records. `useRollup: false` forces the records (the tests compare both). A figure whose `b` depends on today
 * (`pastB`) reads the rollup's months before today's month and after it separately, and today's month from the
 * records.
 */
export async function countFigureRows(
  db: DbOrTrx,
  figure: FigureId,
  filter: repo.FigureFilter,
  options: { useRollup: boolean },
): Promise<repo.FigureCountRow[]> {
  const source = figureSource(figure, filter.today);
  const plan = splitPeriod(filter.from, filter.to);
  if (!options.useRollup || !plan.months || filter.campaignId || filter.unitPath.split('.').length > 2) {
    return repo.countFigure(db, source, filter);
  }
  const [first, last] = plan.months;
  const rolled: repo.FigureCountRow[] = [];
  const edges = [...plan.edges];
  const pastB = source.pastB;
  if (pastB) {
    const thisMonth = `${(filter.today ?? todayIso()).slice(0, 7)}-01`;
    const before = `${previousMonth(thisMonth)}-01`;
    const after = `${nextMonth(thisMonth)}-01`;
    if (first <= before) {
      const rows = await repo.countFigureRollup(db, figure, filter, first, before < last ? before : last);
      rolled.push(...rows.map((row) => ({ ...row, b: pastB(row.a!) })));
    }
    if (after <= last) {
      rolled.push(...(await repo.countFigureRollup(db, figure, filter, after > first ? after : first, last)));
    }
    if (first <= thisMonth && thisMonth <= last) {
      edges.push([thisMonth, lastDayOf(thisMonth.slice(0, 7))]);
    }
  } else {
    rolled.push(...(await repo.countFigureRollup(db, figure, filter, first, last)));
  }
  const edgeRows = edges.length > 0 ? await repo.countFigure(db, source, { ...filter, ranges: edges }) : [];
  return [...rolled, ...edgeRows];
}

/**
 * The cells expected under the unit, by child and by first and last month in the period: from the cell summary for
 * the national and provincial dashboards (`useRollup`, as for `countFigureRows`), else from the cells themselves.
 */
export async function countCellMonthRows(
  db: DbOrTrx,
  filter: repo.FigureFilter,
  options: { useRollup: boolean },
): ReturnType<typeof repo.countCellMonths> {
  return options.useRollup && filter.unitPath.split('.').length <= 2
    ? repo.countCellMonthsRollup(db, filter)
    : repo.countCellMonths(db, filter);
}
