import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';

// Kysely only; plain rows in and out. Units are read here (paths, names on a date) because every query of this
// module joins them; org-units' own rules (placement, lineage) stay in its service.

export interface DecisionRow {
  id: string;
  number: string;
  decision_date: string;
  system: string;
  issuer_name: string;
  issuer_unit_id: string | null;
  issuer_unit_code: string | null;
  issuer_unit_name: string | null;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  level: string;
  form: string;
  type: string;
  campaign_id: string | null;
  campaign_code: string | null;
  achievement_from: string | null;
  achievement_to: string | null;
  signer: string | null;
  version: number;
  collective_count: number;
  individual_count: number;
}

export interface RecipientRow {
  id: string;
  decision_id: string;
  recipient_type: string;
  name: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  position: string | null;
  reason: string | null;
  sort_order: number;
}

/** The unit's name as it was on `day` (a rename keeps the old name with its dates). */
export const nameOn = (alias: string, day: RawBuilder<unknown> | string) => sql<string>`coalesce((
  select n.name from org_unit_name n where n.unit_id = ${sql.ref(`${alias}.id`)} and n.valid_from <= ${day}::date
    and (n.valid_to is null or n.valid_to >= ${day}::date) order by n.valid_from desc limit 1), ${sql.ref(`${alias}.name`)})`;

/** The decision columns every read returns, with the owner, issuer and campaign joined. */
export function decisionSelect(where: RawBuilder<SqlBool>, tail: RawBuilder<unknown> = sql``) {
  return sql<DecisionRow>`
    select d.id, d.number, d.decision_date, d.system, d.issuer_name, d.issuer_unit_id,
      iu.code as issuer_unit_code, case when iu.id is null then null else ${nameOn('iu', sql`d.decision_date`)} end
        as issuer_unit_name,
      d.unit_id, ou.code as unit_code, ${nameOn('ou', sql`d.decision_date`)} as unit_name, ou.path::text as unit_path,
      d.level, d.form, d.type, d.campaign_id, c.code as campaign_code, d.achievement_from, d.achievement_to, d.signer,
      d.version,
      (select count(*) from commendation_recipient r where r.decision_id = d.id and r.recipient_type = 'collective')::int
        as collective_count,
      (select count(*) from commendation_recipient r where r.decision_id = d.id and r.recipient_type = 'individual')::int
        as individual_count
    from commendation_decision d
    join org_unit ou on ou.id = d.unit_id
    left join org_unit iu on iu.id = d.issuer_unit_id
    left join campaign c on c.id = d.campaign_id
    where ${where}
    ${tail}`;
}

export async function findDecision(db: DbOrTrx, id: string): Promise<DecisionRow | undefined> {
  return (await decisionSelect(sql<SqlBool>`d.id = ${id}`).execute(db)).rows[0];
}

/** Locks the decision row for an edit, so two edits of one decision's recipients queue rather than interleave. */
export async function lockDecision(db: DbOrTrx, id: string): Promise<void> {
  await sql`select 1 from commendation_decision where id = ${id} for update`.execute(db);
}

export async function listRecipients(db: DbOrTrx, decisionId: string): Promise<RecipientRow[]> {
  const result = await sql<RecipientRow>`
    select r.id, r.decision_id, r.recipient_type, r.name, r.unit_id, u.code as unit_code,
      ${nameOn('u', sql`r.decision_date`)} as unit_name, u.path::text as unit_path, r.position, r.reason, r.sort_order
    from commendation_recipient r join org_unit u on u.id = r.unit_id
    where r.decision_id = ${decisionId}
    order by r.sort_order, r.id`.execute(db);
  return result.rows;
}

export interface DecisionWrite {
  number: string;
  decision_date: string;
  system: string;
  issuer_name: string;
  issuer_unit_id: string | null;
  unit_id: string;
  level: string;
  form: string;
  type: string;
  campaign_id: string | null;
  achievement_from: string | null;
  achievement_to: string | null;
  signer: string | null;
  search_key: string;
}

export interface RecipientWrite {
  decision_id: string;
  recipient_type: string;
  name: string;
  unit_id: string;
  position: string | null;
  reason: string | null;
  search_key: string;
  decision_date: string;
  level: string;
  campaign_id: string | null;
  sort_order: number;
}

export async function insertDecisions(
  db: DbOrTrx,
  rows: (DecisionWrite & { id: string; created_by: string | null })[],
): Promise<void> {
  const CHUNK = 1000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('commendation_decision')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/**
 * Recipients in one statement per call: one array parameter per column through unnest, so 5,000 rows cost one
 * round trip and no per-row parameter list (PostgreSQL caps a statement at 65,535 parameters).
 */
export async function insertRecipients(db: DbOrTrx, rows: RecipientWrite[]): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const column = <K extends keyof RecipientWrite>(key: K) => sql.val(rows.map((row) => row[key]));
  await sql`
    insert into commendation_recipient (decision_id, recipient_type, name, unit_id, position, reason, search_key,
      decision_date, level, campaign_id, sort_order)
    select * from unnest(${column('decision_id')}::uuid[], ${column('recipient_type')}::text[], ${column('name')}::text[],
      ${column('unit_id')}::uuid[], ${column('position')}::text[], ${column('reason')}::text[],
      ${column('search_key')}::text[], ${column('decision_date')}::date[], ${column('level')}::text[],
      ${column('campaign_id')}::uuid[], ${column('sort_order')}::int[])`.execute(db);
}

/** Changes a decision if it still has `version`; false when someone changed it meanwhile. */
export async function updateDecision(
  db: DbOrTrx,
  id: string,
  version: number,
  values: Partial<DecisionWrite>,
): Promise<boolean> {
  const result = await db
    .updateTable('commendation_decision')
    .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Keeps the recipients' copies of the decision's date, level and campaign in step (same transaction). */
export async function syncRecipientCopies(
  db: DbOrTrx,
  decisionId: string,
  values: { decision_date: string; level: string; campaign_id: string | null },
): Promise<void> {
  await db.updateTable('commendation_recipient').set(values).where('decision_id', '=', decisionId).execute();
}

export async function deleteDecision(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('commendation_decision').where('id', '=', id).execute();
}

export async function nextSortOrder(db: DbOrTrx, decisionId: string): Promise<number> {
  const row = await db
    .selectFrom('commendation_recipient')
    .select(sql<number>`coalesce(max(sort_order), -1)::int + 1`.as('next'))
    .where('decision_id', '=', decisionId)
    .executeTakeFirstOrThrow();
  return row.next;
}

export async function updateRecipient(
  db: DbOrTrx,
  id: string,
  values: Partial<Pick<RecipientWrite, 'recipient_type' | 'name' | 'unit_id' | 'position' | 'reason' | 'search_key'>>,
): Promise<void> {
  await db.updateTable('commendation_recipient').set(values).where('id', '=', id).execute();
}

export async function deleteRecipient(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('commendation_recipient').where('id', '=', id).execute();
}

/** Which of the (number, date, issuer) keys already exist. */
export async function findExistingDecisions(
  db: DbOrTrx,
  keys: { number: string; date: string; issuer: string }[],
): Promise<{ number: string; decision_date: string; issuer_name: string }[]> {
  if (keys.length === 0) {
    return [];
  }
  const result = await sql<{ number: string; decision_date: string; issuer_name: string }>`
    select d.number, d.decision_date, d.issuer_name from commendation_decision d
    join unnest(${sql.val(keys.map((k) => k.number))}::text[], ${sql.val(keys.map((k) => k.date))}::date[],
      ${sql.val(keys.map((k) => k.issuer))}::text[]) as k(number, decision_date, issuer_name)
      on d.number = k.number and d.decision_date = k.decision_date and d.issuer_name = k.issuer_name`.execute(db);
  return result.rows;
}

export interface CountRow {
  level: string;
  recipient_type: string;
  child_path: string | null;
  n: number;
}

/**
 * Recipients by level × type × child of the unit at `path`, for recipients whose unit (as it was on the decision
 * date) lies in that subtree; `child_path` is the path of the child the record falls under (null: the unit itself).
 * Date, level and campaign are copied onto the recipient, so no join to the decision is needed. For a national or
 * provincial scope most recipients qualify: they are grouped by unit first (cheap keys) and the few thousand unit
 * groups are then joined to the tree; a smaller scope starts from its units and reads their recipients through the
 * (unit_id, decision_date) covering index. Measured in bench/commendations-import.ts.
 */
export interface CountRecipientsFilter {
  path: string;
  from: string;
  to: string;
  campaignId: string | null;
  scope: RawBuilder<SqlBool>;
}

export async function countRecipients(db: DbOrTrx, filter: CountRecipientsFilter): Promise<CountRow[]> {
  return (await countRecipientsQuery(filter).execute(db)).rows;
}

/** The statement `countRecipients` runs (bench/commendations-import.ts times it beside the endpoint). */
export function countRecipientsQuery(filter: CountRecipientsFilter) {
  const depth = filter.path.split('.').length;
  const campaign = filter.campaignId ? sql`and r.campaign_id = ${filter.campaignId}` : sql``;
  const childPath = sql`case when nlevel(u.path) > ${depth} then subpath(u.path, 0, ${depth + 1})::text end`;
  const period = sql`r.decision_date between ${filter.from}::date and ${filter.to}::date ${campaign}`;
  const inSubtree = sql`u.path <@ ${filter.path}::ltree and ${filter.scope}`;
  const query =
    depth <= 2
      ? sql<CountRow>`
          select s.level, s.recipient_type, ${childPath} as child_path, sum(s.n)::int as n
          from (select r.unit_id, r.level, r.recipient_type, count(*) as n from commendation_recipient r
            where ${period} group by 1, 2, 3) s
          join org_unit u on u.id = s.unit_id
          where ${inSubtree}
          group by 1, 2, 3`
      : sql<CountRow>`
          select r.level, r.recipient_type, ${childPath} as child_path, count(*)::int as n
          from org_unit u join commendation_recipient r on r.unit_id = u.id
          where ${inSubtree} and ${period}
          group by 1, 2, 3`;
  return query;
}

/** Sets several decisions' owner units in one statement (an import fixes owners once all rows are read). */
export async function updateDecisionOwners(db: DbOrTrx, owners: { id: string; unitId: string }[]): Promise<void> {
  if (owners.length === 0) {
    return;
  }
  await sql`
    update commendation_decision d set unit_id = o.unit_id
    from unnest(${sql.val(owners.map((o) => o.id))}::uuid[], ${sql.val(owners.map((o) => o.unitId))}::uuid[])
      as o(id, unit_id)
    where d.id = o.id`.execute(db);
}

/** The owner unit of a decision (attached documents follow it), or undefined. */
export async function findDecisionUnit(db: DbOrTrx, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('commendation_decision').select('unit_id').where('id', '=', id).executeTakeFirst();
  return row?.unit_id;
}
