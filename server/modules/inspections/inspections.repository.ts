import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema';
import type { DbOrTrx } from '../../db/connection';
import type { UnitRef } from './inspections.schemas';

/** A unit as JSON for the response (alias given), with its closing date so a dissolved unit shows as such. */
export const unitJson = (alias: string) =>
  sql<UnitRef>`json_build_object('id', ${sql.ref(`${alias}.id`)}, 'code', ${sql.ref(`${alias}.code`)},
    'name', ${sql.ref(`${alias}.name`)}, 'kind', ${sql.ref(`${alias}.kind`)}, 'validTo', ${sql.ref(`${alias}.valid_to`)})`;

/** Paths in the scope conditions the service builds: conducting unit `cu`, subject units `su`. */
export const conductingPathRef = sql`cu.path`;
export const subjectPathRef = sql`su.path`;

export interface PlanRow {
  id: string;
  unit_id: string;
  unit: UnitRef;
  unit_path: string;
  year: number;
  title: string;
  number: string | null;
  status: string;
  approved_on: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  note: string | null;
  version: number;
  inspection_count: number;
  closed_count: number;
}

const planSelect = sql`
  select p.id, p.unit_id, ${unitJson('cu')} as unit, cu.path::text as unit_path, p.year, p.title, p.number, p.status,
    p.approved_on, p.approved_by, au.full_name as approved_by_name, p.note, p.version,
    (select count(*)::int from inspection i where i.plan_id = p.id) as inspection_count,
    (select count(*)::int from inspection i where i.plan_id = p.id and i.step = 'closed') as closed_count
  from inspection_plan p
  join org_unit cu on cu.id = p.unit_id
  left join app_user au on au.id = p.approved_by`;

export async function findPlan(db: DbOrTrx, id: string, lock = false): Promise<PlanRow | undefined> {
  const result = await sql<PlanRow>`${planSelect} where p.id = ${id} ${lock ? sql`for update of p` : sql``}`.execute(
    db,
  );
  return result.rows[0];
}

export interface PlanFilter {
  scope: RawBuilder<SqlBool>;
  underPath?: string;
  year?: number;
  status?: string;
}

export async function listPlans(
  db: DbOrTrx,
  filter: PlanFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: PlanRow[]; total: number }> {
  const where = sql<SqlBool>`${filter.scope}
    ${filter.underPath ? sql`and cu.path <@ ${filter.underPath}::ltree` : sql``}
    ${filter.year ? sql`and p.year = ${filter.year}` : sql``}
    ${filter.status ? sql`and p.status = ${filter.status}` : sql``}`;
  const [rows, total] = await Promise.all([
    sql<PlanRow>`${planSelect} where ${where} order by p.year desc, cu.path, p.created_at
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from inspection_plan p join org_unit cu on cu.id = p.unit_id
      where ${where}`.execute(db),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

export async function insertPlan(
  db: DbOrTrx,
  values: {
    unit_id: string;
    year: number;
    title: string;
    number: string | null;
    note: string | null;
    created_by: string | null;
  },
): Promise<string> {
  const row = await db.insertInto('inspection_plan').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePlan(
  db: DbOrTrx,
  id: string,
  values: Partial<{
    title: string;
    number: string | null;
    note: string | null;
    status: string;
    approved_on: string;
    approved_by: string | null;
  }>,
): Promise<void> {
  await db
    .updateTable('inspection_plan')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

// ---- inspections ----------------------------------------------------------------------------------------------

export interface InspectionRow {
  id: string;
  plan_id: string;
  plan_title: string;
  plan_year: number;
  plan_status: string;
  kind: string;
  form: string;
  campaign_id: string | null;
  campaign_code: string | null;
  title: string;
  content: string | null;
  conducting_unit_id: string;
  conducting_unit: UnitRef;
  conducting_path: string;
  planned_start: string;
  planned_end: string;
  actual_start: string | null;
  actual_end: string | null;
  step: string;
  decision_number: string | null;
  decision_date: string | null;
  outline_sent_on: string | null;
  conclusion_number: string | null;
  conclusion_date: string | null;
  strengths: string | null;
  shortcomings: string | null;
  causes: string | null;
  requirements: string | null;
  version: number;
  subjects: (UnitRef & { path: string })[];
  recommendation_count: number;
  overdue_count: number;
}

const inspectionSelect = (today: string) => sql`
  select i.id, i.plan_id, p.title as plan_title, p.year as plan_year, p.status as plan_status, i.kind, i.form,
    i.campaign_id, c.code as campaign_code, i.title, i.content, i.conducting_unit_id,
    ${unitJson('cu')} as conducting_unit, cu.path::text as conducting_path, i.planned_start, i.planned_end,
    i.actual_start, i.actual_end, i.step, i.decision_number, i.decision_date, i.outline_sent_on, i.conclusion_number,
    i.conclusion_date, i.strengths, i.shortcomings, i.causes, i.requirements, i.version,
    coalesce((select json_agg(json_build_object('id', su.id, 'code', su.code, 'name', su.name, 'kind', su.kind,
        'validTo', su.valid_to, 'path', su.path::text) order by s.sort_order, su.code)
      from inspection_subject s join org_unit su on su.id = s.unit_id where s.inspection_id = i.id), '[]') as subjects,
    (select count(*)::int from recommendation r where r.inspection_id = i.id) as recommendation_count,
    (select count(*)::int from recommendation r where r.inspection_id = i.id and r.status <> 'done'
      and r.deadline < ${today}::date) as overdue_count
  from inspection i
  join inspection_plan p on p.id = i.plan_id
  join org_unit cu on cu.id = i.conducting_unit_id
  left join campaign c on c.id = i.campaign_id`;

export async function findInspection(
  db: DbOrTrx,
  id: string,
  today: string,
  lock = false,
): Promise<InspectionRow | undefined> {
  if (lock) {
    await sql`select 1 from inspection where id = ${id} for update`.execute(db);
  }
  const result = await sql<InspectionRow>`${inspectionSelect(today)} where i.id = ${id}`.execute(db);
  return result.rows[0];
}

export interface InspectionFilter {
  /** Visible: the conducting unit or one of the subjects lies in the caller's reach (built by the service). */
  scope: RawBuilder<SqlBool>;
  planId?: string;
  underPath?: string;
  subjectPath?: string;
  kind?: string;
  step?: string;
  campaignId?: string;
  from?: string;
  to?: string;
  words?: string[];
}

function inspectionWhere(filter: InspectionFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`${filter.scope}`];
  if (filter.planId) {
    parts.push(sql`i.plan_id = ${filter.planId}`);
  }
  if (filter.underPath) {
    parts.push(sql`cu.path <@ ${filter.underPath}::ltree`);
  }
  if (filter.subjectPath) {
    parts.push(sql`exists (select 1 from inspection_subject s2 join org_unit u2 on u2.id = s2.unit_id
      where s2.inspection_id = i.id and u2.path <@ ${filter.subjectPath}::ltree)`);
  }
  if (filter.kind) {
    parts.push(sql`i.kind = ${filter.kind}`);
  }
  if (filter.step) {
    parts.push(sql`i.step = ${filter.step}`);
  }
  if (filter.campaignId) {
    parts.push(sql`i.campaign_id = ${filter.campaignId}`);
  }
  if (filter.from) {
    parts.push(sql`coalesce(i.actual_start, i.planned_start) >= ${filter.from}::date`);
  }
  if (filter.to) {
    parts.push(sql`coalesce(i.actual_start, i.planned_start) <= ${filter.to}::date`);
  }
  for (const word of filter.words ?? []) {
    parts.push(sql`i.search_key like ${`%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
  }
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

export async function listInspections(
  db: DbOrTrx,
  filter: InspectionFilter,
  today: string,
  page: { offset: number; limit: number },
): Promise<{ rows: InspectionRow[]; total: number }> {
  const where = inspectionWhere(filter);
  const [rows, total] = await Promise.all([
    sql<InspectionRow>`${inspectionSelect(today)} where ${where}
      order by coalesce(i.actual_start, i.planned_start) desc, i.created_at desc
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from inspection i join org_unit cu on cu.id = i.conducting_unit_id
      where ${where}`.execute(db),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

export interface InspectionValues {
  kind: string;
  form: string;
  campaign_id: string | null;
  title: string;
  content: string | null;
  planned_start: string;
  planned_end: string;
  search_key: string;
}

export async function insertInspection(
  db: DbOrTrx,
  values: InspectionValues & { plan_id: string; conducting_unit_id: string; created_by: string | null },
): Promise<string> {
  const row = await db.insertInto('inspection').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export type InspectionUpdate = Partial<
  InspectionValues & {
    step: string;
    actual_start: string | null;
    actual_end: string | null;
    decision_number: string | null;
    decision_date: string | null;
    outline_sent_on: string | null;
    conclusion_number: string | null;
    conclusion_date: string | null;
    strengths: string | null;
    shortcomings: string | null;
    causes: string | null;
    requirements: string | null;
  }
>;

export async function updateInspection(db: DbOrTrx, id: string, values: InspectionUpdate): Promise<void> {
  await db
    .updateTable('inspection')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function replaceSubjects(db: DbOrTrx, inspectionId: string, unitIds: string[]): Promise<void> {
  await db
    .deleteFrom('inspection_subject')
    .where('inspection_id', '=', inspectionId)
    .where('unit_id', 'not in', unitIds)
    .execute();
  await db
    .insertInto('inspection_subject')
    .values(unitIds.map((unitId, index) => ({ inspection_id: inspectionId, unit_id: unitId, sort_order: index })))
    .onConflict((oc) => oc.columns(['inspection_id', 'unit_id']).doUpdateSet({ sort_order: sql`excluded.sort_order` }))
    .execute();
}

export interface MemberValues {
  fullName: string;
  position: string | null;
  role: string;
}

export async function replaceMembers(db: DbOrTrx, inspectionId: string, members: MemberValues[]): Promise<void> {
  await db.deleteFrom('inspection_member').where('inspection_id', '=', inspectionId).execute();
  if (members.length > 0) {
    await db
      .insertInto('inspection_member')
      .values(
        members.map((member, index) => ({
          inspection_id: inspectionId,
          full_name: member.fullName,
          position: member.position,
          role: member.role,
          sort_order: index,
        })),
      )
      .execute();
  }
}

export async function listMembers(db: DbOrTrx, inspectionId: string) {
  return db
    .selectFrom('inspection_member')
    .select(['id', 'full_name', 'position', 'role'])
    .where('inspection_id', '=', inspectionId)
    .orderBy('sort_order')
    .execute();
}

export interface SubjectRow {
  id: string;
  unit_id: string;
  unit: UnitRef;
  unit_path: string;
  self_report_received_on: string | null;
  self_report_summary: string | null;
}

export async function listSubjects(db: DbOrTrx, inspectionId: string): Promise<SubjectRow[]> {
  const result = await sql<SubjectRow>`
    select s.id, s.unit_id, ${unitJson('su')} as unit, su.path::text as unit_path, s.self_report_received_on,
      s.self_report_summary
    from inspection_subject s join org_unit su on su.id = s.unit_id
    where s.inspection_id = ${inspectionId} order by s.sort_order, su.code`.execute(db);
  return result.rows;
}

export async function setSelfReport(
  db: DbOrTrx,
  subjectId: string,
  values: { self_report_received_on: string; self_report_summary: string | null },
): Promise<void> {
  await db.updateTable('inspection_subject').set(values).where('id', '=', subjectId).execute();
}

export interface SessionRow {
  id: string;
  held_on: string;
  subject_unit: UnitRef | null;
  place: string | null;
  summary: string;
}

export async function listSessions(db: DbOrTrx, inspectionId: string): Promise<SessionRow[]> {
  const result = await sql<SessionRow>`
    select w.id, w.held_on, case when su.id is null then null else ${unitJson('su')} end as subject_unit, w.place,
      w.summary
    from inspection_session w left join org_unit su on su.id = w.subject_unit_id
    where w.inspection_id = ${inspectionId} order by w.held_on, w.created_at`.execute(db);
  return result.rows;
}

export async function insertSession(
  db: DbOrTrx,
  values: {
    inspection_id: string;
    held_on: string;
    subject_unit_id: string | null;
    place: string | null;
    summary: string;
    created_by: string | null;
  },
): Promise<string> {
  const row = await db.insertInto('inspection_session').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteSession(db: DbOrTrx, inspectionId: string, sessionId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('inspection_session')
    .where('id', '=', sessionId)
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The conducting unit of an inspection (documents of the prepare, conduct and close steps hang under it). */
export async function findConductingUnitId(db: DbOrTrx, inspectionId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('inspection')
    .select('conducting_unit_id')
    .where('id', '=', inspectionId)
    .executeTakeFirst();
  return row?.conducting_unit_id;
}

/** A subject row's unit and inspection (its self-inspection report's documents hang under the subject unit). */
export async function findSubject(db: DbOrTrx, subjectId: string) {
  return db
    .selectFrom('inspection_subject')
    .select(['id', 'inspection_id', 'unit_id'])
    .where('id', '=', subjectId)
    .executeTakeFirst();
}

/**
 * An inspection (alias `i`, conducting unit `cu`) is visible when the conducting unit is in reach, or one of its
 * subjects is: the subject unit reads the inspection about it. The two conditions are the caller's scope over
 * `cu.path` and `su.path`.
 */
export function inspectionVisible(conductingScope: RawBuilder<SqlBool>, subjectScope: RawBuilder<SqlBool>) {
  return sql<SqlBool>`(${conductingScope} or exists (select 1 from inspection_subject vs
    join org_unit su on su.id = vs.unit_id where vs.inspection_id = i.id and ${subjectScope}))`;
}

export interface DemoUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parent_id: string | null;
}

/** A unit (by code on `day`) and everything under it active on `day`: what the demo and the bench build on. */
export async function listUnitsBelow(db: DbOrTrx, rootCode: string, day: string): Promise<DemoUnit[]> {
  const result = await sql<DemoUnit>`
    select u.id, u.code, u.name, u.kind, u.parent_id
    from org_unit u, org_unit root
    where root.code = ${rootCode} and root.valid_from <= ${day}::date
      and (root.valid_to is null or root.valid_to >= ${day}::date)
      and u.path <@ root.path and u.valid_from <= ${day}::date and (u.valid_to is null or u.valid_to >= ${day}::date)
    order by u.code`.execute(db);
  return result.rows;
}

/** Rows for one bulk load (demo, bench): ids made by the caller so children can point at parents. */
export interface BulkRows {
  plans: Insertable<DB['inspection_plan']>[];
  inspections: Insertable<DB['inspection']>[];
  subjects: Insertable<DB['inspection_subject']>[];
  members: Insertable<DB['inspection_member']>[];
  sessions: Insertable<DB['inspection_session']>[];
  recommendations: Insertable<DB['recommendation']>[];
  reviews: Insertable<DB['recommendation_review']>[];
}

/** Multi-row inserts in chunks (PostgreSQL takes at most 65,535 parameters per statement). */
export async function insertBulk(db: DbOrTrx, rows: BulkRows, chunk = 1000): Promise<void> {
  const tables = [
    ['inspection_plan', rows.plans],
    ['inspection', rows.inspections],
    ['inspection_subject', rows.subjects],
    ['inspection_member', rows.members],
    ['inspection_session', rows.sessions],
    ['recommendation', rows.recommendations],
    ['recommendation_review', rows.reviews],
  ] as const;
  for (const [table, values] of tables) {
    for (let i = 0; i < values.length; i += chunk) {
      await db
        .insertInto(table)
        .values(values.slice(i, i + chunk) as never)
        .execute();
    }
  }
}
