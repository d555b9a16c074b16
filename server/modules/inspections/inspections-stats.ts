import { sql } from 'kysely';
import { todayIso } from '../../../common/dates';
import { compareVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { checkPeriod, findVisibleCampaign, invalid, resolveVisibleUnit } from './inspections-access';
import * as repo from './inspections-stats.repository';
import type { InspectionCounts, InspectionStats, InspectionStatsQuery, UnitRef } from './inspections.schemas';

export function emptyInspectionCounts(): InspectionCounts {
  return {
    inspections: 0,
    supervisions: 0,
    byLevel: {},
    thematic: 0,
    subjectsCovered: 0,
    recommendations: 0,
    done: 0,
    doneOnTime: 0,
    overdue: 0,
    difficultiesResolved: 0,
  };
}

function addKind(counts: InspectionCounts, row: repo.KindRow): void {
  if (row.kind === 'inspection') {
    counts.inspections += row.n;
  } else {
    counts.supervisions += row.n;
  }
  const level = (counts.byLevel[row.level] ??= { inspection: 0, supervision: 0 });
  level[row.kind as 'inspection' | 'supervision'] += row.n;
  if (row.form === 'thematic') {
    counts.thematic += row.n;
  }
}

function addRecommendations(counts: InspectionCounts, row: repo.RecommendationCountRow): void {
  counts.recommendations += row.total;
  counts.done += row.done;
  counts.doneOnTime += row.done_on_time;
  counts.overdue += row.overdue;
  counts.difficultiesResolved += row.difficulties_resolved;
}

export interface CountInspectionsInput {
  /** Unit id or code, resolved as on `to`. */
  unit: string;
  from: string;
  to: string;
  campaignId?: string | null;
}

/**
 * Figures of inspection and supervision for a unit's subtree and a period — as recorded: inspections whose
 * conducting committee (as it was) lies in the subtree and that started (actually, else as planned) within
 * [from, to], optionally under one campaign. Counts: inspections and supervisions by the conducting committee's level,
 * thematic ones, distinct subject units covered, recommendations total / done / done on time (reported by the
 * deadline) / overdue (deadline passed, not done, as of today) / difficulties resolved (category resolve_difficulty,
 * done). The same per child unit valid on `to` (an inspection conducted anywhere below a child counts for that child),
 * and what the unit conducted itself. A unit out of reach answers 404. The dashboard and reports call this directly.
 */
export async function countInspections(
  db: DbOrTrx,
  actor: Actor,
  input: CountInspectionsInput,
): Promise<Omit<InspectionStats, 'campaign'>> {
  checkPeriod(input.from, input.to);
  const unit = await resolveVisibleUnit(db, actor, input.unit, input.to);
  const filter: repo.StatsFilter = {
    path: unit.path,
    from: input.from,
    to: input.to,
    campaignId: input.campaignId ?? null,
    scope: actor.scope.sqlContains(sql`cu.path`, 'viewer'),
    today: todayIso(),
  };
  const [kinds, subjects, recommendations, children] = await Promise.all([
    repo.countInspections(db, filter),
    repo.countSubjects(db, filter),
    repo.countRecommendations(db, filter),
    repo.listChildUnits(db, unit.id, input.to),
  ]);
  const counts = emptyInspectionCounts();
  const own = emptyInspectionCounts();
  const byChild = new Map(children.map((child) => [child.path, emptyInspectionCounts()]));
  const bucket = (childPath: string | null) => (childPath === null ? own : (byChild.get(childPath) ?? own));
  for (const row of kinds) {
    addKind(counts, row);
    addKind(bucket(row.child_path), row);
  }
  for (const row of subjects) {
    if (row.is_total) {
      counts.subjectsCovered = row.n;
    } else {
      bucket(row.child_path).subjectsCovered += row.n;
    }
  }
  for (const row of recommendations) {
    addRecommendations(counts, row);
    addRecommendations(bucket(row.child_path), row);
  }
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind as UnitRef['kind'], validTo: unit.valid_to },
    from: input.from,
    to: input.to,
    counts,
    ownCounts: own,
    children: children
      .sort((a, b) => compareVietnamese(a.name, b.name))
      .map((child) => ({
        unit: {
          id: child.id,
          code: child.code,
          name: child.name,
          kind: child.kind as UnitRef['kind'],
          validTo: child.valid_to,
        },
        counts: byChild.get(child.path)!,
      })),
  };
}

/** The endpoint's form: `unit` and `campaign` by id or code. */
export async function getInspectionStats(
  db: DbOrTrx,
  actor: Actor,
  query: InspectionStatsQuery,
): Promise<InspectionStats> {
  let campaign: { id: string; code: string } | null = null;
  if (query.campaign) {
    campaign = (await findVisibleCampaign(db, actor, query.campaign)) ?? null;
    if (!campaign) {
      throw invalid('query.campaign', `Không có chương trình, chỉ thị "${query.campaign}".`);
    }
  }
  const stats = await countInspections(db, actor, {
    unit: query.unit,
    from: query.from,
    to: query.to,
    campaignId: campaign?.id,
  });
  return { ...stats, campaign };
}
