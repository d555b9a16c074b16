import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';
import type { UnitRef } from './inspections.schemas';
import { unitJson } from './inspections.repository';

/** Paths for scope conditions: owner unit `ou`, conducting unit `cu`. */
export const ownerPathRef = sql`ou.path`;

export interface RecommendationRow {
  id: string;
  inspection_id: string;
  inspection_title: string;
  inspection_kind: string;
  inspection_step: string;
  conclusion_number: string | null;
  conclusion_date: string | null;
  conducting_unit: UnitRef;
  conducting_path: string;
  text: string;
  category: string;
  owner_unit_id: string;
  owner_unit: UnitRef;
  owner_path: string;
  deadline: string;
  status: string;
  report_text: string | null;
  report_on: string | null;
  report_submitted_on: string | null;
  reported_by: string | null;
  reported_by_name: string | null;
  done_on: string | null;
  accepted_by: string | null;
  accepted_by_name: string | null;
  version: number;
}

const select = sql`
  select r.id, r.inspection_id, i.title as inspection_title, i.kind as inspection_kind, i.step as inspection_step,
    i.conclusion_number, i.conclusion_date, ${unitJson('cu')} as conducting_unit, cu.path::text as conducting_path,
    r.text, r.category, r.owner_unit_id, ${unitJson('ou')} as owner_unit, ou.path::text as owner_path, r.deadline,
    r.status, r.report_text, r.report_on, r.report_submitted_on, r.reported_by, ru.full_name as reported_by_name,
    r.done_on, r.accepted_by, acc.full_name as accepted_by_name, r.version
  from recommendation r
  join inspection i on i.id = r.inspection_id
  join org_unit cu on cu.id = i.conducting_unit_id
  join org_unit ou on ou.id = r.owner_unit_id
  left join app_user ru on ru.id = r.reported_by
  left join app_user acc on acc.id = r.accepted_by`;

export async function findRecommendation(db: DbOrTrx, id: string, lock = false) {
  if (lock) {
    await sql`select 1 from recommendation where id = ${id} for update`.execute(db);
  }
  const result = await sql<RecommendationRow>`${select} where r.id = ${id}`.execute(db);
  return result.rows[0];
}

export interface RecommendationFilter {
  scope: RawBuilder<SqlBool>;
  today: string;
  inspectionId?: string;
  /** Owner unit in this subtree. */
  ownerPath?: string;
  status?: string;
  category?: string;
  /** In the conclusion's order (the inspection page) rather than overdue first. */
  inEntryOrder?: boolean;
}

function where(filter: RecommendationFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`${filter.scope}`];
  if (filter.inspectionId) {
    parts.push(sql`r.inspection_id = ${filter.inspectionId}`);
  }
  if (filter.ownerPath) {
    parts.push(sql`ou.path <@ ${filter.ownerPath}::ltree`);
  }
  if (filter.status === 'overdue') {
    parts.push(sql`r.status <> 'done' and r.deadline < ${filter.today}::date`);
  } else if (filter.status) {
    parts.push(sql`r.status = ${filter.status}`);
  }
  if (filter.category) {
    parts.push(sql`r.category = ${filter.category}`);
  }
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** Overdue first (oldest deadline first), then the rest by deadline; done ones last. */
export async function listRecommendations(
  db: DbOrTrx,
  filter: RecommendationFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: RecommendationRow[]; total: number; overdue: number; awaitingReview: number }> {
  const condition = where(filter);
  const [rows, counts] = await Promise.all([
    sql<RecommendationRow>`${select} where ${condition}
      order by ${
        filter.inEntryOrder
          ? sql`r.sort_order, r.id`
          : sql`(r.status <> 'done' and r.deadline < ${filter.today}::date) desc, (r.status = 'done'), r.deadline,
        r.sort_order, r.id`
      }
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: number; overdue: number; awaiting: number }>`
      select count(*)::int as n,
        count(*) filter (where r.status <> 'done' and r.deadline < ${filter.today}::date)::int as overdue,
        count(*) filter (where r.report_submitted_on is not null and r.status <> 'done')::int as awaiting
      from recommendation r join inspection i on i.id = r.inspection_id
      join org_unit cu on cu.id = i.conducting_unit_id join org_unit ou on ou.id = r.owner_unit_id
      where ${condition}`.execute(db),
  ]);
  const row = counts.rows[0];
  return { rows: rows.rows, total: row?.n ?? 0, overdue: row?.overdue ?? 0, awaitingReview: row?.awaiting ?? 0 };
}

export interface RecommendationValues {
  text: string;
  category: string;
  owner_unit_id: string;
  deadline: string;
}

export async function insertRecommendations(
  db: DbOrTrx,
  inspectionId: string,
  items: RecommendationValues[],
  createdBy: string | null,
  startOrder = 0,
): Promise<string[]> {
  if (items.length === 0) {
    return [];
  }
  const rows = await db
    .insertInto('recommendation')
    .values(
      items.map((item, index) => ({
        ...item,
        inspection_id: inspectionId,
        sort_order: startOrder + index,
        created_by: createdBy,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function countForInspection(db: DbOrTrx, inspectionId: string): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from recommendation
    where inspection_id = ${inspectionId}`.execute(db);
  return row.rows[0]?.n ?? 0;
}

export type RecommendationUpdate = Partial<
  RecommendationValues & {
    status: string;
    report_text: string | null;
    report_on: string | null;
    report_submitted_on: string | null;
    reported_by: string | null;
    done_on: string | null;
    accepted_by: string | null;
    accepted_at: string | null;
  }
>;

export async function updateRecommendation(db: DbOrTrx, id: string, values: RecommendationUpdate): Promise<void> {
  await db
    .updateTable('recommendation')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteRecommendation(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('recommendation').where('id', '=', id).execute();
}

export async function insertReview(
  db: DbOrTrx,
  values: {
    recommendation_id: string;
    decision: string;
    reason: string | null;
    reviewed_on: string;
    user_id: string | null;
  },
): Promise<void> {
  await db.insertInto('recommendation_review').values(values).execute();
}

export async function listReviews(db: DbOrTrx, recommendationId: string) {
  const result = await sql<{
    id: string;
    decision: string;
    reason: string | null;
    reviewed_on: string;
    user_id: string | null;
    full_name: string | null;
    at: Date;
  }>`select v.id, v.decision, v.reason, v.reviewed_on, v.user_id, u.full_name, v.at
    from recommendation_review v left join app_user u on u.id = v.user_id
    where v.recommendation_id = ${recommendationId} order by v.at, v.id`.execute(db);
  return result.rows;
}

/** The owner unit (a remediation report's documents hang under it). */
export async function findOwnerUnitId(db: DbOrTrx, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('recommendation').select('owner_unit_id').where('id', '=', id).executeTakeFirst();
  return row?.owner_unit_id;
}
