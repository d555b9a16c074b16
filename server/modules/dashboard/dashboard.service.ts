import { sql } from 'kysely';
import { COMMENDATION_LEVELS, type CommendationLevel, type RecipientType } from '../../../common/commendations';
import { FIGURES, type FigureId, type Structure } from '../../../common/dashboard';
import { formatDateVi, todayIso } from '../../../common/dates';
import {
  INSPECTION_FORMS,
  INSPECTION_KINDS,
  RECOMMENDATION_STATUSES,
  type InspectionForm,
  type InspectionKind,
  type RecommendationStatus,
} from '../../../common/inspections';
import { MODEL_STATUSES, type ModelStatus } from '../../../common/models';
import type { UnitKind } from '../../../common/org-units';
import { compareVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { notFound, validationFailed } from '../../platform/errors';
import { findCampaignRef } from '../commendations/commendations-rules';
import { findModelField, listModelFields } from '../models/model-fields.service';
import { countCellMonthRows, countFigureRows, monthsOf } from './dashboard-counts';
import { figureSource } from './dashboard-figures';
import * as repo from './dashboard.repository';
import type {
  FigureCounts,
  MeetingShares,
  Overview,
  OverviewQuery,
  RecordsPage,
  RecordsQuery,
} from './dashboard.schemas';

function invalid(path: string, message: string) {
  return validationFailed(message, [{ path, message }]);
}

const zeroCounts = (): FigureCounts => Object.fromEntries(FIGURES.map((f) => [f, 0])) as FigureCounts;
const zeroShares = (): MeetingShares => ({ cellMonthsExpected: 0, regular: 0, themeIncluded: 0 });
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

interface Resolved {
  unit: repo.UnitRow;
  filter: repo.FigureFilter;
  campaign: { id: string; code: string } | null;
}

/**
 * The unit (id or code, see `findUnit`) in the caller's reach (404 otherwise), the period and the campaign, turned
 * into the one filter every figure and record list uses.
 */
async function resolveQuery(db: DbOrTrx, actor: Actor, query: OverviewQuery): Promise<Resolved> {
  if (query.to < query.from) {
    throw invalid(
      'query.to',
      `Ngày kết thúc (${formatDateVi(query.to)}) trước ngày bắt đầu (${formatDateVi(query.from)}).`,
    );
  }
  const unit = await repo.findUnit(db, query.unit, query.from, query.to);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  if (query.structure === 'current' && unit.valid_to !== null) {
    const target = await repo.findCurrentOf(db, unit.id);
    const where = target ? `; theo cơ cấu hiện nay, số liệu của đơn vị này thuộc ${target.name} (${target.code})` : '';
    throw invalid(
      'query.structure',
      `${unit.name} đã kết thúc hoạt động ngày ${formatDateVi(unit.valid_to)}${where}. Xem đơn vị này theo cơ cấu khi ghi nhận.`,
    );
  }
  let campaign: { id: string; code: string } | null = null;
  if (query.campaign) {
    campaign = (await findCampaignRef(db, actor, query.campaign)) ?? null;
    if (!campaign) {
      throw invalid('query.campaign', `Không có chương trình, văn bản chỉ đạo "${query.campaign}".`);
    }
  }
  return {
    unit,
    campaign,
    filter: {
      from: query.from,
      to: query.to,
      campaignId: campaign?.id ?? null,
      unitPath: unit.path,
      structure: query.structure,
      scope: actor.scope.sqlContains(sql`m.path`, 'viewer'),
      today: todayIso(),
    },
  };
}

const toUnit = (row: repo.UnitRow) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind as UnitKind,
  validFrom: row.valid_from,
  validTo: row.valid_to,
});

/**
 * Every figure of the dashboard for a unit, period, campaign and structure: commendations by level × collective/
 * individual, models by status and field, the same per child unit (children of the structure: as recorded, those
 * that existed in the period; on today's structure, those that exist today) and month by month. Each figure is one
 * scan of its records (dashboard.repository.ts), scoped to the caller in SQL; the unit's figure is the sum over its
 * children plus its own records, in either structure.
 */
export async function getOverview(db: DbOrTrx, actor: Actor, query: OverviewQuery): Promise<Overview> {
  const { unit, filter, campaign } = await resolveQuery(db, actor, query);
  // A caller who reaches the tree's root reaches every record; anyone else is checked.
  const reachesRoot = actor.scope.can(unit.path.split('.')[0], 'viewer');
  const useRollup =
    filter.unitPath.split('.').length <= 2 && (reachesRoot || (await repo.reachesAllPlaced(db, filter)));
  // The figures are independent reads: on PostgreSQL they run side by side on the pool (PGlite has one connection
  // and runs them in turn).
  const [
    commendationRows,
    modelRows,
    meetingRows,
    inspectionRows,
    recommendationRows,
    cellMonths,
    children,
    ancestors,
    fields,
    currentOf,
  ] = await Promise.all([
    countFigureRows(db, 'commendations', filter, { useRollup }),
    countFigureRows(db, 'models', filter, { useRollup }),
    countFigureRows(db, 'meetings', filter, { useRollup }),
    countFigureRows(db, 'inspections', filter, { useRollup }),
    countFigureRows(db, 'recommendations', filter, { useRollup }),
    countCellMonthRows(db, filter, { useRollup }),
    repo.listChildren(db, unit.id, filter),
    repo.listAncestors(db, unit.path, query.to),
    listModelFields(db, true),
    unit.valid_to === null ? null : repo.findCurrentOf(db, unit.id).then((row) => row ?? null),
  ]);

  const months = monthsOf(query.from, query.to);
  const series = new Map(months.map((month) => [month, zeroCounts()]));
  const byChild = new Map<string, FigureCounts>(children.map((child) => [child.path, zeroCounts()]));
  const own = zeroCounts();
  const tally = (figure: FigureId, row: repo.FigureCountRow) => {
    if (row.by_month === 1) {
      const month = series.get(row.month!);
      if (month) {
        month[figure] += row.n;
      }
    } else if (row.child === null) {
      own[figure] += row.n;
    } else {
      const counts = byChild.get(row.child) ?? zeroCounts();
      counts[figure] += row.n;
      byChild.set(row.child, counts);
    }
  };

  const byLevel = Object.fromEntries(
    COMMENDATION_LEVELS.map((level) => [level, { collective: 0, individual: 0 }]),
  ) as Overview['commendations']['byLevel'];
  const commendations = { total: 0, collective: 0, individual: 0, byLevel };
  for (const row of commendationRows) {
    tally('commendations', row);
    if (row.by_month === 0) {
      byLevel[row.a as CommendationLevel][row.b as RecipientType] += row.n;
      commendations[row.b as RecipientType] += row.n;
      commendations.total += row.n;
    }
  }
  const byStatus = Object.fromEntries(MODEL_STATUSES.map((s) => [s, 0])) as Record<ModelStatus, number>;
  const byField = new Map<string, number>();
  let modelTotal = 0;
  for (const row of modelRows) {
    tally('models', row);
    if (row.by_month === 0) {
      byStatus[row.a as ModelStatus] += row.n;
      byField.set(row.b!, (byField.get(row.b!) ?? 0) + row.n);
      modelTotal += row.n;
    }
  }
  const byKind = Object.fromEntries(
    INSPECTION_KINDS.map((kind) => [kind, Object.fromEntries(INSPECTION_FORMS.map((form) => [form, 0]))]),
  ) as Record<InspectionKind, Record<InspectionForm, number>>;
  let inspectionTotal = 0;
  for (const row of inspectionRows) {
    tally('inspections', row);
    if (row.by_month === 0) {
      byKind[row.a as InspectionKind][row.b as InspectionForm] += row.n;
      inspectionTotal += row.n;
    }
  }
  const byRecommendationStatus = Object.fromEntries(RECOMMENDATION_STATUSES.map((s) => [s, 0])) as Record<
    RecommendationStatus,
    number
  >;
  const recommendations = { total: 0, overdue: 0 };
  for (const row of recommendationRows) {
    tally('recommendations', row);
    if (row.by_month === 0) {
      byRecommendationStatus[row.a as RecommendationStatus] += row.n;
      recommendations.total += row.n;
      recommendations.overdue += row.b === 'overdue' ? row.n : 0;
    }
  }
  // Meetings: the cell-months expected, held (a regular meeting) and with the theme, overall, per child and month.
  const meetings = { ...zeroShares(), thematic: 0 };
  const childShares = new Map<string, MeetingShares>();
  const monthShares = new Map(months.map((month) => [month, zeroShares()]));
  const sharesOf = (map: Map<string, MeetingShares>, key: string) => {
    const found = map.get(key) ?? zeroShares();
    map.set(key, found);
    return found;
  };
  for (const row of meetingRows) {
    tally('meetings', row);
    const isRegular = row.a === 'regular';
    const isTheme = isRegular && row.b === 'theme';
    if (row.by_month === 1) {
      const month = monthShares.get(row.month!);
      if (month && isRegular) {
        month.regular += row.n;
        month.themeIncluded += isTheme ? row.n : 0;
      }
      continue;
    }
    if (!isRegular) {
      meetings.thematic += row.n;
      continue;
    }
    meetings.regular += row.n;
    meetings.themeIncluded += isTheme ? row.n : 0;
    if (row.child !== null) {
      const child = sharesOf(childShares, row.child);
      child.regular += row.n;
      child.themeIncluded += isTheme ? row.n : 0;
    }
  }
  for (const row of cellMonths) {
    const span = monthsOf(`${row.first}-01`, `${row.last}-01`);
    meetings.cellMonthsExpected += span.length * row.n;
    if (row.child !== null) {
      sharesOf(childShares, row.child).cellMonthsExpected += span.length * row.n;
      if (!byChild.has(row.child)) {
        byChild.set(row.child, zeroCounts());
      }
    }
    for (const month of span) {
      const entry = monthShares.get(month);
      if (entry) {
        entry.cellMonthsExpected += row.n;
      }
    }
  }

  // A record dated outside its unit's validity still counts for the child above it: that child is listed too.
  const listed = new Set(children.map((child) => child.path));
  const missing = [...byChild.keys()].filter((path) => !listed.has(path));
  if (missing.length > 0) {
    children.push(...(await repo.findUnitsByPaths(db, missing, query.to)));
  }

  return {
    unit: toUnit(unit),
    ancestors: ancestors
      .filter((a) => actor.scope.can(a.path, 'viewer'))
      .map((a) => ({ id: a.id, code: a.code, name: a.name })),
    currentOf,
    from: query.from,
    to: query.to,
    structure: query.structure,
    campaign,
    commendations,
    models: {
      total: modelTotal,
      byStatus,
      byField: fields
        .filter((field) => field.isActive || byField.has(field.id))
        .map((field) => ({
          id: field.id,
          code: field.code,
          nameVi: field.nameVi,
          nameEn: field.nameEn,
          count: byField.get(field.id) ?? 0,
        })),
    },
    meetings: {
      ...meetings,
      regularShare: share(meetings.regular, meetings.cellMonthsExpected),
      themeShare: share(meetings.themeIncluded, meetings.cellMonthsExpected),
    },
    inspections: { total: inspectionTotal, byKind },
    recommendations: { ...recommendations, byStatus: byRecommendationStatus, asOf: filter.today ?? todayIso() },
    children: children
      .map((child) => ({
        unit: toUnit(child),
        counts: byChild.get(child.path) ?? zeroCounts(),
        meetings: childShares.get(child.path) ?? zeroShares(),
      }))
      .sort((x, y) => compareVietnamese(x.unit.name, y.unit.name)),
    own,
    series: months.map((month) => ({ month, counts: series.get(month)!, meetings: monthShares.get(month)! })),
  };
}

/** The records behind one figure (optionally one part of its breakdown), paged. */
export async function listRecords(db: DbOrTrx, actor: Actor, query: RecordsQuery): Promise<RecordsPage> {
  const limit = query.pageSize;
  const page = await readRecords(db, actor, query, { limit, offset: (query.page - 1) * limit });
  return { ...page, page: query.page, pageSize: limit };
}

/** Shared by the list and the export: the resolved query and a page of rows with the figure's columns. */
export async function readRecords(
  db: DbOrTrx,
  actor: Actor,
  query: Omit<RecordsQuery, 'page' | 'pageSize'>,
  page: { limit: number; offset: number },
) {
  const { unit, filter } = await resolveQuery(db, actor, query);
  const source = figureSource(query.figure, filter.today);
  const part = await partOf(db, query);
  const { total, rows } = await repo.listFigureRecords(db, source, filter, part, page);
  return {
    figure: query.figure,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    from: query.from,
    to: query.to,
    structure: query.structure as Structure,
    total,
    dateLabel: source.dayLabel ?? { vi: 'Ngày', en: 'Date' },
    columns: source.columns.map(({ key, vi, en, kind }) => ({ key, vi, en, kind })),
    rows: rows.map((row) => ({
      id: row.id,
      link: source.link(row.link_id),
      date: row.day,
      unitName: row.unit_name,
      currentUnitName: row.current_name,
      values: Object.fromEntries(
        source.columns.map((c) => [c.key, row[c.key] === null || row[c.key] === undefined ? null : String(row[c.key])]),
      ),
    })),
  };
}

/** Every query parameter that narrows a record list to a part of one figure. */
const PART_PARAMS = [
  'level',
  'recipientType',
  'status',
  'field',
  'meetingType',
  'theme',
  'inspectionKind',
  'form',
  'recommendationStatus',
  'overdue',
] as const;
type PartParam = (typeof PART_PARAMS)[number];

/** The part of the breakdown a record list is narrowed to; a filter of another figure is refused. */
async function partOf(db: DbOrTrx, query: Omit<RecordsQuery, 'page' | 'pageSize'>): Promise<repo.FigurePart> {
  const own: Record<FigureId, PartParam[]> = {
    commendations: ['level', 'recipientType'],
    models: ['status', 'field'],
    meetings: ['meetingType', 'theme'],
    inspections: ['inspectionKind', 'form'],
    recommendations: ['recommendationStatus', 'overdue'],
  };
  for (const key of PART_PARAMS.filter((p) => !own[query.figure].includes(p))) {
    if (query[key] !== undefined) {
      throw invalid(`query.${key}`, `Bộ lọc "${key}" không áp dụng cho chỉ tiêu ${query.figure}.`);
    }
  }
  if (query.figure === 'commendations') {
    return { a: query.level, b: query.recipientType };
  }
  if (query.figure === 'meetings') {
    return { a: query.meetingType, b: query.theme };
  }
  if (query.figure === 'inspections') {
    return { a: query.inspectionKind, b: query.form };
  }
  if (query.figure === 'recommendations') {
    return { a: query.recommendationStatus, b: query.overdue };
  }
  let field: string | undefined;
  if (query.field) {
    const row = await findModelField(db, query.field);
    if (!row) {
      throw invalid('query.field', `Không có lĩnh vực "${query.field}".`);
    }
    field = row.id;
  }
  return { a: query.status, b: field };
}
