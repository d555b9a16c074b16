import { sql } from 'kysely';
import { COMMENDATION_LEVELS, type CommendationLevel, type RecipientType } from '../../../common/commendations';
import { formatDateVi } from '../../../common/dates';
import { compareVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { notFound, validationFailed } from '../../platform/errors';
import { resolveUnit } from '../org-units/org-units.service';
import { findCampaignRef } from './commendations-rules';
import * as unitsRepo from './commendations-units.repository';
import * as repo from './commendations.repository';
import type { CommendationCounts, CommendationStats } from './commendations.schemas';

/** The recipient's unit path in the count query (alias `u`), for the scope condition. */
const unitPathRef = sql`u.path`;

export interface CountCommendationsInput {
  unitId: string;
  from: string;
  to: string;
  campaignId?: string | null;
}

export function emptyCounts(): CommendationCounts {
  const byLevel = Object.fromEntries(
    COMMENDATION_LEVELS.map((level) => [level, { collective: 0, individual: 0 }]),
  ) as CommendationCounts['byLevel'];
  return { byLevel, collective: 0, individual: 0, total: 0 };
}

function add(counts: CommendationCounts, level: string, type: string, n: number): void {
  counts.byLevel[level as CommendationLevel][type as RecipientType] += n;
  counts[type as RecipientType] += n;
  counts.total += n;
}

function checkPeriod(from: string, to: string): void {
  if (to < from) {
    const message = `Ngày kết thúc (${formatDateVi(to)}) trước ngày bắt đầu (${formatDateVi(from)}).`;
    throw validationFailed(message, [{ path: 'query.to', message }]);
  }
}

/**
 * Recipients by level × collective/individual for records whose unit, as it was on the decision date, lay in the
 * subtree of `unitId`, in decisions dated within [from, to] (optionally of one campaign) — the sentence the
 * interim-review report prints ("cấp huyện khen 281 tập thể, 410 cá nhân…") — plus the same for each child of the
 * unit valid on `to` (a record below a child counts for that child). A unit out of reach answers 404.
 * The dashboard and reports call this directly.
 */
export async function countCommendations(
  db: DbOrTrx,
  actor: Actor,
  input: CountCommendationsInput,
): Promise<Omit<CommendationStats, 'campaign'>> {
  checkPeriod(input.from, input.to);
  const unit = (await unitsRepo.findUnits(db, [input.unitId], input.to)).get(input.unitId);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  const [rows, children] = await Promise.all([
    repo.countRecipients(db, {
      path: unit.path,
      from: input.from,
      to: input.to,
      campaignId: input.campaignId ?? null,
      scope: actor.scope.sqlContains(unitPathRef, 'viewer'),
    }),
    unitsRepo.listChildUnits(db, unit.id, input.to),
  ]);
  const counts = emptyCounts();
  const outsideChildren = emptyCounts();
  const byChild = new Map(children.map((child) => [child.path, emptyCounts()]));
  for (const row of rows) {
    add(counts, row.level, row.recipient_type, row.n);
    const child = row.child_path === null ? undefined : byChild.get(row.child_path);
    add(child ?? outsideChildren, row.level, row.recipient_type, row.n);
  }
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    from: input.from,
    to: input.to,
    counts,
    children: children
      .sort((a, b) => compareVietnamese(a.name, b.name))
      .map((child) => ({
        unit: { id: child.id, code: child.code, name: child.name },
        counts: byChild.get(child.path)!,
      })),
    outsideChildren,
  };
}

/** The endpoint's form: `unit` and `campaign` by code or id, the unit resolved as on `to`. */
export async function getCommendationStats(
  db: DbOrTrx,
  actor: Actor,
  query: { unit: string; from: string; to: string; campaign?: string },
): Promise<CommendationStats> {
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
  const stats = await countCommendations(db, actor, {
    unitId: unit.id,
    from: query.from,
    to: query.to,
    campaignId: campaign?.id,
  });
  return { ...stats, campaign };
}
