import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';
import { decisionSelect, type DecisionRow } from './commendations.repository';

/** The list filters with references resolved (unit → path, campaign → id, search → folded). */
export interface ResolvedFilters {
  search?: string;
  level?: string;
  form?: string;
  type?: string;
  campaignId?: string;
  from?: string;
  to?: string;
  unitPath?: string;
  recipientType?: string;
}

const likePattern = (folded: string) => `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Conditions on the recipient alias `r` (joined to its unit `ru`): subtree and recipient type. */
function recipientConditions(filters: ResolvedFilters): RawBuilder<SqlBool>[] {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (filters.unitPath) {
    conditions.push(sql<SqlBool>`ru.path <@ ${filters.unitPath}::ltree`);
  }
  if (filters.recipientType) {
    conditions.push(sql<SqlBool>`r.recipient_type = ${filters.recipientType}`);
  }
  return conditions;
}

/** The decision-level WHERE: scope on the owner unit `ou`, the decision's fields, then recipient conditions. */
function decisionWhere(filters: ResolvedFilters, scope: RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  const conditions: RawBuilder<SqlBool>[] = [scope];
  const equal = (column: string, value: string | undefined) => {
    if (value !== undefined) {
      conditions.push(sql<SqlBool>`${sql.ref(`d.${column}`)} = ${value}`);
    }
  };
  equal('level', filters.level);
  equal('form', filters.form);
  equal('type', filters.type);
  equal('campaign_id', filters.campaignId);
  if (filters.from) {
    conditions.push(sql<SqlBool>`d.decision_date >= ${filters.from}::date`);
  }
  if (filters.to) {
    conditions.push(sql<SqlBool>`d.decision_date <= ${filters.to}::date`);
  }
  const onRecipients = recipientConditions(filters);
  if (onRecipients.length > 0) {
    conditions.push(sql<SqlBool>`exists (select 1 from commendation_recipient r join org_unit ru on ru.id = r.unit_id
      where r.decision_id = d.id and ${sql.join(onRecipients, sql` and `)})`);
  }
  if (filters.search) {
    const pattern = likePattern(filters.search);
    conditions.push(sql<SqlBool>`(d.search_key like ${pattern} or exists (
      select 1 from commendation_recipient r where r.decision_id = d.id and r.search_key like ${pattern}))`);
  }
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

/** One page of decisions, newest first, and how many match in all. */
export async function listDecisions(
  db: DbOrTrx,
  filters: ResolvedFilters,
  scope: RawBuilder<SqlBool>,
  page: { offset: number; limit: number },
): Promise<{ rows: DecisionRow[]; total: number }> {
  const where = decisionWhere(filters, scope);
  // Ids of the page first, then the full rows (names on a date, recipient counts) for those ids only.
  const ids = await sql<{ id: string; total: number }>`
    select d.id, count(*) over ()::int as total
    from commendation_decision d join org_unit ou on ou.id = d.unit_id
    where ${where}
    order by d.decision_date desc, d.number, d.id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  if (ids.rows.length === 0) {
    const total = page.offset > 0 ? await countDecisions(db, where) : 0;
    return { rows: [], total };
  }
  const rows = await decisionSelect(
    sql<SqlBool>`d.id = any(${sql.val(ids.rows.map((r) => r.id))}::uuid[])`,
    sql`order by d.decision_date desc, d.number, d.id`,
  ).execute(db);
  return { rows: rows.rows, total: ids.rows[0].total };
}

async function countDecisions(db: DbOrTrx, where: RawBuilder<SqlBool>): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from commendation_decision d join org_unit ou on ou.id = d.unit_id
    where ${where}`.execute(db);
  return result.rows[0].n;
}

export interface ExportRow {
  number: string;
  decision_date: string;
  system: string;
  level: string;
  form: string;
  type: string;
  issuer_name: string;
  issuer_code: string | null;
  owner_code: string;
  campaign_code: string | null;
  signer: string | null;
  recipient_type: string;
  recipient_name: string;
  unit_code: string;
  unit_name: string;
  position: string | null;
  reason: string | null;
}

/** One row per recipient of the decisions the filters show (recipient filters also narrow the recipients). */
export async function listExportRows(
  db: DbOrTrx,
  filters: ResolvedFilters,
  scope: RawBuilder<SqlBool>,
  limit: number,
): Promise<ExportRow[]> {
  const onRecipients = recipientConditions(filters);
  const result = await sql<ExportRow>`
    select d.number, d.decision_date, d.system, d.level, d.form, d.type, d.issuer_name, iu.code as issuer_code,
      ou.code as owner_code, c.code as campaign_code, d.signer, r.recipient_type, r.name as recipient_name,
      ru.code as unit_code, coalesce((select n.name from org_unit_name n where n.unit_id = ru.id
        and n.valid_from <= d.decision_date and (n.valid_to is null or n.valid_to >= d.decision_date)
        order by n.valid_from desc limit 1), ru.name) as unit_name,
      r.position, r.reason
    from commendation_decision d
    join org_unit ou on ou.id = d.unit_id
    left join org_unit iu on iu.id = d.issuer_unit_id
    left join campaign c on c.id = d.campaign_id
    join commendation_recipient r on r.decision_id = d.id
    join org_unit ru on ru.id = r.unit_id
    where ${decisionWhere(filters, scope)} ${onRecipients.length ? sql`and ${sql.join(onRecipients, sql` and `)}` : sql``}
    order by d.decision_date desc, d.number, d.id, r.sort_order, r.id
    limit ${limit}`.execute(db);
  return result.rows;
}
