import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';
import type { StoredValue } from '../../db/tables/reports';

export interface SubmissionRow {
  id: string;
  template_id: string;
  template_code: string;
  template_name: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  reviewer_unit_id: string;
  reviewer_code: string;
  reviewer_name: string;
  reviewer_path: string;
  period_key: string;
  period_from: string;
  period_to: string;
  due_on: string;
  status: string;
  values: Record<string, StoredValue>;
  computed_at: Date | null;
  sections: Record<string, string>;
  revision: number;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  approved_at: Date | null;
  doc_number: number | null;
  doc_symbol: string | null;
  doc_date: string | null;
  created_by: string | null;
  version: number;
}

const nameOn = (
  alias: string,
) => sql`coalesce((select n.name from org_unit_name n where n.unit_id = ${sql.ref(`${alias}.id`)}
  and n.valid_from <= s.period_to and (n.valid_to is null or n.valid_to >= s.period_to)
  order by n.valid_from desc limit 1), ${sql.ref(`${alias}.name`)})`;

function selectSubmissions(where: RawBuilder<SqlBool>, forUpdate = false) {
  return sql<SubmissionRow>`
    select s.id, s.template_id, t.code as template_code, t.name as template_name,
      s.unit_id, u.code as unit_code, ${nameOn('u')} as unit_name, u.path::text as unit_path,
      s.reviewer_unit_id, r.code as reviewer_code, ${nameOn('r')} as reviewer_name, r.path::text as reviewer_path,
      s.period_key, s.period_from, s.period_to, s.due_on, s.status, s."values", s.computed_at, s.sections, s.revision,
      s.first_submitted_at, s.submitted_at, s.approved_at, s.doc_number, s.doc_symbol, s.doc_date, s.created_by,
      s.version
    from report_submission s
    join report_template t on t.id = s.template_id
    join org_unit u on u.id = s.unit_id
    join org_unit r on r.id = s.reviewer_unit_id
    where ${where}
    order by s.period_to desc, u.code
    ${forUpdate ? sql`for update of s` : sql``}`;
}

export const unitPathRef = sql`u.path`;
export const reviewerPathRef = sql`r.path`;

export async function findSubmission(db: DbOrTrx, id: string, forUpdate = false) {
  return (await selectSubmissions(sql<SqlBool>`s.id = ${id}`, forUpdate).execute(db)).rows[0];
}

export async function findByKey(db: DbOrTrx, templateId: string, unitId: string, periodKey: string) {
  return (
    await selectSubmissions(
      sql<SqlBool>`s.template_id = ${templateId} and s.unit_id = ${unitId} and s.period_key = ${periodKey}`,
    ).execute(db)
  ).rows[0];
}

export async function listSubmissions(
  db: DbOrTrx,
  filter: { scope: RawBuilder<SqlBool>; templateId?: string; periodKey?: string; status?: string; reviewerId?: string },
) {
  const conditions = [filter.scope];
  if (filter.templateId) {
    conditions.push(sql<SqlBool>`s.template_id = ${filter.templateId}`);
  }
  if (filter.periodKey) {
    conditions.push(sql<SqlBool>`s.period_key = ${filter.periodKey}`);
  }
  if (filter.status) {
    conditions.push(sql<SqlBool>`s.status = ${filter.status}`);
  }
  if (filter.reviewerId) {
    conditions.push(sql<SqlBool>`s.reviewer_unit_id = ${filter.reviewerId}`);
  }
  return (await selectSubmissions(sql<SqlBool>`${sql.join(conditions, sql` and `)}`).execute(db)).rows;
}

export async function insertSubmission(
  db: DbOrTrx,
  row: {
    template_id: string;
    unit_id: string;
    reviewer_unit_id: string;
    period_key: string;
    period_from: string;
    period_to: string;
    due_on: string;
    values: string;
    computed_at: Date;
    sections: string;
    created_by: string | null;
  },
): Promise<string> {
  const inserted = await db.insertInto('report_submission').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateSubmission(
  db: DbOrTrx,
  id: string,
  version: number,
  changes: {
    status?: string;
    values?: string;
    computed_at?: Date;
    sections?: string;
    revision?: number;
    first_submitted_at?: RawBuilder<unknown>;
    submitted_at?: RawBuilder<unknown>;
    approved_at?: RawBuilder<unknown> | null;
    approved_by?: string | null;
    doc_number?: number;
    doc_symbol?: string;
    doc_date?: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('report_submission')
    .set({ ...(changes as Record<string, never>), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertVersion(
  db: DbOrTrx,
  row: {
    submission_id: string;
    revision: number;
    values: string;
    sections: string;
    computed_at: Date | null;
    submitted_by: string | null;
  },
): Promise<void> {
  await db.insertInto('report_submission_version').values(row).execute();
}

export async function listVersions(db: DbOrTrx, submissionId: string) {
  const result = await sql<{
    revision: number;
    values: Record<string, StoredValue>;
    sections: Record<string, string>;
    computed_at: Date | null;
    submitted_at: Date;
    by: string | null;
  }>`
    select v.revision, v."values", v.sections, v.computed_at, v.submitted_at, a.full_name as by
    from report_submission_version v left join app_user a on a.id = v.submitted_by
    where v.submission_id = ${submissionId}
    order by v.revision`.execute(db);
  return result.rows;
}

export async function insertEvent(
  db: DbOrTrx,
  row: {
    submission_id: string;
    action: string;
    from_status: string | null;
    to_status: string;
    revision: number;
    note: string | null;
    user_id: string | null;
  },
): Promise<void> {
  await db.insertInto('report_submission_event').values(row).execute();
}

export async function listEvents(db: DbOrTrx, submissionId: string) {
  const result = await sql<{
    action: string;
    from_status: string | null;
    to_status: string;
    revision: number;
    note: string | null;
    user: string | null;
    at: Date;
  }>`
    select e.action, e.from_status, e.to_status, e.revision, e.note, a.full_name as user, e.at
    from report_submission_event e left join app_user a on a.id = e.user_id
    where e.submission_id = ${submissionId}
    order by e.seq`.execute(db);
  return result.rows;
}

export async function insertComments(
  db: DbOrTrx,
  rows: {
    submission_id: string;
    revision: number;
    target: string;
    target_key: string | null;
    body: string;
    user_id: string | null;
  }[],
): Promise<void> {
  if (rows.length) {
    await db.insertInto('report_comment').values(rows).execute();
  }
}

export async function listComments(db: DbOrTrx, submissionId: string) {
  const result = await sql<{
    id: string;
    revision: number;
    target: string;
    target_key: string | null;
    body: string;
    author: string | null;
    created_at: Date;
  }>`
    select c.id, c.revision, c.target, c.target_key, c.body, a.full_name as author, c.created_at
    from report_comment c left join app_user a on a.id = c.user_id
    where c.submission_id = ${submissionId}
    order by c.seq`.execute(db);
  return result.rows;
}
