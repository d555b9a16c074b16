import { sql } from 'kysely';
import { z } from 'zod';
import { formatDateVi, todayIso } from '../../../common/dates';
import { lastDayOfMonth, monthOf, monthsBetween } from '../../../common/meetings';
import { compareVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { AppError, notFound, validationFailed } from '../../platform/errors';
import { findCampaignByCode, getCampaign } from '../campaigns/campaigns.service';
import { resolveUnit } from '../org-units/org-units.service';
import * as repo from './meetings-stats.repository';

// Figures of cell meetings for any subtree and period (issue 4, "Figures"); the dashboard and reports call
// `computeMeetingFigures` directly.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ten years of months: beyond that a figure is no longer one a person reads, and the query grows with it. */
const MAX_MONTHS = 120;
const NOT_MET_LIMIT = 200;

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export const meetingFiguresSchema = z.object({
  cellsExpected: z.number().int(),
  cellMonthsExpected: z.number().int(),
  cellMonthsHeld: z.number().int(),
  /** cellMonthsHeld / cellMonthsExpected; null when nothing was expected. */
  heldShare: z.number().nullable(),
  cellMonthsThemeIncluded: z.number().int(),
  themeShare: z.number().nullable(),
  thematicMeetings: z.number().int(),
  present: z.number().int(),
  membersOnRoll: z.number().int(),
  /** present / members on roll over every meeting counted. */
  attendanceRate: z.number().nullable(),
});
export type MeetingFigures = z.infer<typeof meetingFiguresSchema>;

const unitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const meetingStatsSchema = z.object({
  unit: unitRefSchema,
  /** The period counted: whole months, the last one cut at today. */
  from: z.string(),
  to: z.string(),
  campaign: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  totals: meetingFiguresSchema,
  children: z.array(z.object({ unit: unitRefSchema, figures: meetingFiguresSchema })),
  /** Cells directly under the unit (or the unit itself when it is a cell). */
  direct: meetingFiguresSchema.nullable(),
  months: z.array(z.object({ month: z.string(), figures: meetingFiguresSchema })),
  notMet: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        unit: unitRefSchema,
        parentName: z.string().nullable(),
        monthsExpected: z.number().int(),
        monthsHeld: z.number().int(),
        missingMonths: z.array(z.string()),
        lastMeetingDate: z.string().nullable(),
      }),
    ),
  }),
});
export type MeetingStats = z.infer<typeof meetingStatsSchema>;

export const meetingStatsQuerySchema = z.object({
  unit: z.string().trim().min(1).max(64),
  from: z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' }),
  to: z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' }),
  campaign: z.string().trim().min(1).max(64).optional(),
});

interface Acc {
  cells: number;
  expected: number;
  regular: number;
  theme: number;
  thematic: number;
  present: number;
  onRoll: number;
}
const emptyAcc = (): Acc => ({ cells: 0, expected: 0, regular: 0, theme: 0, thematic: 0, present: 0, onRoll: 0 });

function addRow(acc: Acc, row: repo.MonthlyRow): void {
  acc.expected += row.expected;
  acc.regular += row.regular;
  acc.theme += row.theme;
  acc.thematic += row.thematic;
  acc.present += Number(row.present);
  acc.onRoll += Number(row.on_roll);
}

function toFigures(acc: Acc): MeetingFigures {
  return {
    cellsExpected: acc.cells,
    cellMonthsExpected: acc.expected,
    cellMonthsHeld: acc.regular,
    heldShare: ratio(acc.regular, acc.expected),
    cellMonthsThemeIncluded: acc.theme,
    themeShare: ratio(acc.theme, acc.expected),
    thematicMeetings: acc.thematic,
    present: acc.present,
    membersOnRoll: acc.onRoll,
    attendanceRate: ratio(acc.present, acc.onRoll),
  };
}

/** Whole months: from the first day of `from`'s month to the last day of `to`'s month, never past today. */
export function normalisePeriod(from: string, to: string, today = todayIso()): { from: string; to: string } {
  if (to < from) {
    const message = `Ngày kết thúc (${formatDateVi(to)}) trước ngày bắt đầu (${formatDateVi(from)}).`;
    throw validationFailed(message, [{ path: 'query.to', message }]);
  }
  if (monthsBetween(from, to).length > MAX_MONTHS) {
    const message = `Khoảng thời gian dài quá ${MAX_MONTHS / 12} năm; hãy chọn khoảng ngắn hơn.`;
    throw validationFailed(message, [{ path: 'query.from', message }]);
  }
  const end = lastDayOfMonth(to);
  return { from: monthOf(from), to: end > today ? today : end };
}

export interface ComputeMeetingFiguresInput {
  unitId: string;
  from: string;
  to: string;
  campaignId?: string | null;
}

/**
 * Meeting figures for the cells, as they were, in the subtree of `unitId` over [from, to] (normalised to whole months,
 * never past today): cells and cell-months expected, cell-months with a regular meeting, with the theme included in
 * it (of the campaign's themes when given), thematic meetings, attendance; per child unit (children that existed in
 * the period, named as on their last day in it) and per month; and the cells that missed a month, for follow-up.
 * Scoped in SQL to the caller's reach; a unit out of reach answers 404.
 */
export async function computeMeetingFigures(
  db: DbOrTrx,
  actor: Actor,
  input: ComputeMeetingFiguresInput,
): Promise<Omit<MeetingStats, 'campaign'>> {
  const period = normalisePeriod(input.from, input.to);
  const unit = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', sql<string>`path::text`.as('path')])
    .where('id', '=', input.unitId)
    .executeTakeFirst();
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  const months = period.from <= period.to ? monthsBetween(period.from, period.to) : [];
  const params: repo.FiguresParams = {
    rootPath: unit.path,
    from: period.from,
    to: period.to,
    themeIds: input.campaignId ? await repo.findThemeIdsOfCampaign(db, input.campaignId) : null,
    scope: actor.scope.sqlContains(sql`u.path`, 'viewer'),
  };
  const [monthly, cellCounts, notMet] =
    months.length === 0
      ? [[], [], []]
      : await Promise.all([
          repo.monthlyFigures(db, params),
          repo.countCells(db, params),
          repo.listCellsNotMet(db, params, NOT_MET_LIMIT),
        ]);
  const totals = emptyAcc();
  const byChild = new Map<string | null, Acc>();
  const byMonth = new Map(months.map((month) => [month, emptyAcc()]));
  for (const row of cellCounts) {
    totals.cells += row.n;
    byChild.set(row.child_path, { ...emptyAcc(), cells: row.n });
  }
  for (const row of monthly) {
    addRow(totals, row);
    addRow(byChild.get(row.child_path)!, row);
    const month = byMonth.get(row.month);
    if (month) {
      month.cells += 1;
      addRow(month, row);
    }
  }
  // A month's "cells expected" is its cell-months: each cell counts once in a month.
  for (const month of byMonth.values()) {
    month.cells = month.expected;
  }
  const childPaths = [...byChild.keys()].filter((path): path is string => path !== null);
  const childUnits = await repo.findUnitsByPaths(db, childPaths, period.to);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    from: period.from,
    to: period.to,
    totals: toFigures(totals),
    children: childUnits
      .sort((a, b) => compareVietnamese(a.name, b.name))
      .map((child) => ({
        unit: { id: child.id, code: child.code, name: child.name },
        figures: toFigures(byChild.get(child.path)!),
      })),
    direct: byChild.has(null) ? toFigures(byChild.get(null)!) : null,
    months: [...byMonth.entries()].map(([month, acc]) => ({ month, figures: toFigures(acc) })),
    notMet: {
      total: notMet[0]?.total ?? 0,
      items: notMet.map((row) => ({
        unit: { id: row.id, code: row.code, name: row.name },
        parentName: row.parent_name,
        monthsExpected: row.expected,
        monthsHeld: row.held,
        missingMonths: row.missing ?? [],
        lastMeetingDate: row.last_meeting,
      })),
    },
  };
}

async function findCampaignRef(db: DbOrTrx, actor: Actor, idOrCode: string) {
  if (UUID.test(idOrCode)) {
    try {
      const campaign = await getCampaign(db, actor, idOrCode);
      return { id: campaign.id, code: campaign.code };
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        return undefined;
      }
      throw error;
    }
  }
  const campaign = await findCampaignByCode(db, idOrCode);
  return campaign && { id: campaign.id, code: campaign.code };
}

/** The endpoint's form: `unit` by code (resolved as on `to`) or id, `campaign` by code or id. */
export async function getMeetingStats(
  db: DbOrTrx,
  actor: Actor,
  query: z.infer<typeof meetingStatsQuerySchema>,
): Promise<MeetingStats> {
  const unit = await resolveUnit(db, query.unit, query.to);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  let campaign: { id: string; code: string } | null = null;
  if (query.campaign) {
    campaign = (await findCampaignRef(db, actor, query.campaign)) ?? null;
    if (!campaign) {
      const message = `Không có chương trình, chỉ thị "${query.campaign}".`;
      throw validationFailed(message, [{ path: 'query.campaign', message }]);
    }
  }
  const figures = await computeMeetingFigures(db, actor, {
    unitId: unit.id,
    from: query.from,
    to: query.to,
    campaignId: campaign?.id,
  });
  return { ...figures, campaign };
}
