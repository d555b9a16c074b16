import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';
import type { ReportSectionSpec } from '../../db/tables/reports';

export interface TemplateRow {
  id: string;
  code: string;
  name: string;
  campaign_id: string | null;
  campaign_code: string | null;
  owner_unit_id: string;
  owner_code: string;
  owner_name: string;
  owner_path: string;
  period_type: string;
  custom_from: string | null;
  custom_to: string | null;
  deadline_days: number;
  subject: string;
  sections: ReportSectionSpec[];
  is_active: boolean;
  version: number;
  /** Reports units have opened on the template (any status): they fix what may change in it. */
  submission_count: number;
}

function selectTemplates(where: RawBuilder<SqlBool>) {
  return sql<TemplateRow>`
    select t.id, t.code, t.name, t.campaign_id, c.code as campaign_code, t.owner_unit_id, u.code as owner_code,
      u.name as owner_name, u.path::text as owner_path, t.period_type, t.custom_from, t.custom_to, t.deadline_days,
      t.subject, t.sections, t.is_active, t.version,
      (select count(*) from report_submission s where s.template_id = t.id)::int as submission_count
    from report_template t
    join org_unit u on u.id = t.owner_unit_id
    left join campaign c on c.id = t.campaign_id
    where ${where}
    order by t.is_active desc, t.created_at desc`;
}

/** Templates whose owner lies in `scope` (the caller's reach or above it: a province's template binds its communes). */
export async function listTemplates(db: DbOrTrx, scope: RawBuilder<SqlBool>) {
  return (await selectTemplates(scope).execute(db)).rows;
}

export async function findTemplate(db: DbOrTrx, id: string) {
  return (await selectTemplates(sql<SqlBool>`t.id = ${id}`).execute(db)).rows[0];
}

export async function findTemplateByCode(db: DbOrTrx, code: string) {
  return (await selectTemplates(sql<SqlBool>`lower(t.code) = lower(${code})`).execute(db)).rows[0];
}

export async function listIndicators(db: DbOrTrx, templateIds: string[]) {
  if (templateIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('report_indicator')
    .selectAll()
    .where('template_id', 'in', templateIds)
    .orderBy('template_id')
    .orderBy('sort_order')
    .execute();
}

export async function listObligations(db: DbOrTrx, templateIds: string[]) {
  if (templateIds.length === 0) {
    return [];
  }
  const result = await sql<{
    id: string;
    template_id: string;
    reviewer_unit_id: string;
    reviewer_code: string;
    reviewer_name: string;
    reviewer_path: string;
    unit_kind: string | null;
    reporter_unit_id: string | null;
    reporter_code: string | null;
    reporter_name: string | null;
  }>`
    select o.id, o.template_id, o.reviewer_unit_id, r.code as reviewer_code, r.name as reviewer_name,
      r.path::text as reviewer_path, o.unit_kind, o.reporter_unit_id, p.code as reporter_code, p.name as reporter_name
    from report_obligation o
    join org_unit r on r.id = o.reviewer_unit_id
    left join org_unit p on p.id = o.reporter_unit_id
    where o.template_id = any(${sql.val(templateIds)}::uuid[])
    order by r.path, o.created_at`.execute(db);
  return result.rows;
}

export type ObligationRow = Awaited<ReturnType<typeof listObligations>>[number];

export async function insertTemplate(
  db: DbOrTrx,
  row: {
    code: string;
    name: string;
    campaign_id: string | null;
    owner_unit_id: string;
    period_type: string;
    custom_from: string | null;
    custom_to: string | null;
    deadline_days: number;
    subject: string;
    sections: string;
    created_by: string | null;
  },
): Promise<string> {
  const inserted = await db.insertInto('report_template').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateTemplate(
  db: DbOrTrx,
  id: string,
  version: number,
  changes: { name?: string; deadline_days?: number; subject?: string; sections?: string; is_active?: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('report_template')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceIndicators(
  db: DbOrTrx,
  templateId: string,
  rows: {
    code: string;
    label: string;
    unit_label: string | null;
    value_type: string;
    source: string;
    catalogue_code: string | null;
    roll_up: string;
    weight_code: string | null;
    section_key: string | null;
  }[],
): Promise<void> {
  await db.deleteFrom('report_indicator').where('template_id', '=', templateId).execute();
  if (rows.length) {
    await db
      .insertInto('report_indicator')
      .values(rows.map((row, i) => ({ ...row, template_id: templateId, sort_order: i })))
      .execute();
  }
}

export async function insertObligation(
  db: DbOrTrx,
  row: {
    template_id: string;
    reviewer_unit_id: string;
    unit_kind: string | null;
    reporter_unit_id: string | null;
    created_by: string | null;
  },
): Promise<string> {
  const inserted = await db.insertInto('report_obligation').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function deleteObligation(db: DbOrTrx, templateId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('report_obligation')
    .where('id', '=', id)
    .where('template_id', '=', templateId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * The units expected to report under one obligation on `at`: units of the kind below the reviewer, or the named
 * unit, valid on that day.
 */
export async function listExpectedUnits(
  db: DbOrTrx,
  obligations: { reviewer_path: string; unit_kind: string | null; reporter_unit_id: string | null }[],
  at: string,
) {
  if (obligations.length === 0) {
    return [];
  }
  const conditions = obligations.map((o) =>
    o.reporter_unit_id
      ? sql<SqlBool>`u.id = ${o.reporter_unit_id}`
      : sql<SqlBool>`(u.kind = ${o.unit_kind} and u.path <@ ${o.reviewer_path}::ltree and u.path <> ${o.reviewer_path}::ltree)`,
  );
  const result = await sql<{ id: string; code: string; name: string; path: string }>`
    select u.id, u.code, coalesce((select n.name from org_unit_name n where n.unit_id = u.id
        and n.valid_from <= ${at}::date and (n.valid_to is null or n.valid_to >= ${at}::date)
        order by n.valid_from desc limit 1), u.name) as name, u.path::text as path
    from org_unit u
    where (${sql.join(conditions, sql` or `)})
      and u.valid_from <= ${at}::date and (u.valid_to is null or u.valid_to >= ${at}::date)
    order by u.code`.execute(db);
  return result.rows;
}
