import { sql } from 'kysely';
import { todayIso } from '../../../common/dates';
import { MODEL_KINDS, type ModelKind } from '../../../common/models';
import type { UnitKind } from '../../../common/org-units';
import { compareVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { validationFailed } from '../../platform/errors';
import { listModelFields } from './model-fields.service';
import * as repo from './models.repository';
import { countByChild, countGrouped } from './models-stats.repository';
import { resolveCampaignRef, resolveVisibleUnit } from './models-refs';
import { statusCounts } from './models.service';
import type { KindCounts, ModelStats, ModelStatsQuery } from './models.schemas';

/**
 * Counts of models for a unit's subtree: by status, kind and field, and per child unit. `unit` (id or code) resolves
 * on `to` (default today); the children are those valid on `to`, and a model recorded anywhere below a child counts
 * for that child. Models count as recorded — on the unit they were registered under — with a start date within
 * [`from`, `to`] and, with `campaign`, linked to that campaign. Scoped to the caller: a unit out of reach is 404.
 * The dashboard calls this directly.
 */
export async function countModels(db: DbOrTrx, actor: Actor, query: ModelStatsQuery): Promise<ModelStats> {
  const to = query.to ?? todayIso();
  if (query.from && query.from > to) {
    const message = 'Ngày bắt đầu của khoảng thống kê phải trước ngày kết thúc.';
    throw validationFailed(message, [{ path: 'query.from', message }]);
  }
  const unit = await resolveVisibleUnit(db, actor, query.unit, to);
  const campaign = query.campaign ? await resolveCampaignRef(db, actor, query.campaign) : undefined;
  const filter: repo.ModelFilter = {
    scope: actor.scope.sqlContains(repo.unitPathRef, 'viewer'),
    underPath: unit.path,
    from: query.from,
    to,
    campaignId: campaign?.id,
  };
  const [grouped, children, fields] = await Promise.all([
    countGrouped(db, filter),
    countByChild(db, unit.id, to, actor.scope.sqlContains(sql`c.path`, 'viewer'), filter),
    listModelFields(db, true),
  ]);

  const byStatus = new Map<string, number>();
  const byKind = new Map<string, number>();
  const byField = new Map<string, number>();
  let total = 0;
  for (const row of grouped) {
    total += row.n;
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.n);
    byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + row.n);
    byField.set(row.field_id, (byField.get(row.field_id) ?? 0) + row.n);
  }

  const childMap = new Map<string, ModelStats['children'][number] & { counts: Map<string, number> }>();
  for (const row of children) {
    const child = childMap.get(row.id) ?? {
      unit: { id: row.id, code: row.code, name: row.name, kind: row.kind as UnitKind },
      total: 0,
      byStatus: statusCounts(new Map()),
      counts: new Map<string, number>(),
    };
    if (row.status) {
      child.counts.set(row.status, row.n);
      child.total += row.n;
    }
    childMap.set(row.id, child);
  }
  const childList = [...childMap.values()]
    .map(({ counts, ...child }) => ({ ...child, byStatus: statusCounts(counts) }))
    .sort((a, b) => compareVietnamese(a.unit.name, b.unit.name));

  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind as UnitKind },
    from: query.from ?? null,
    to,
    campaign: campaign ?? null,
    total,
    byStatus: statusCounts(byStatus),
    byKind: Object.fromEntries(MODEL_KINDS.map((kind: ModelKind) => [kind, byKind.get(kind) ?? 0])) as KindCounts,
    // Every field in use, and the retired ones only where they still hold models.
    byField: fields
      .filter((field) => field.isActive || byField.has(field.id))
      .map((field) => ({
        field: { id: field.id, code: field.code, nameVi: field.nameVi, nameEn: field.nameEn },
        count: byField.get(field.id) ?? 0,
      })),
    children: childList,
    notInChildren: total - childList.reduce((sum, child) => sum + child.total, 0),
  };
}
