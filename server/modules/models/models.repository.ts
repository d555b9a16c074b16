import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ModelIndicator, ModelPerson } from '../../../common/models';
import type { DbOrTrx } from '../../db/connection';

/** The path of a model's unit (alias `u` in every model query), for scope conditions built by the service. */
export const unitPathRef = sql`u.path`;

export interface ModelRow {
  id: string;
  title: string;
  kind: string;
  status: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  field_id: string;
  field_code: string;
  field_name_vi: string;
  field_name_en: string;
  theme_id: string | null;
  started_on: string;
  description: string | null;
  results: string | null;
  people: ModelPerson[];
  indicators: ModelIndicator[];
  recognised_level: string | null;
  recognised_on: string | null;
  recognised_unit_id: string | null;
  recognised_unit_code: string | null;
  recognised_unit_name: string | null;
  recognised_unit_path: string | null;
  recognised_decision_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  replication_count: number;
  cover_document_id: string | null;
}

export interface ModelValues {
  title: string;
  kind: string;
  unit_id: string;
  people: ModelPerson[];
  field_id: string;
  theme_id: string | null;
  started_on: string;
  description: string | null;
  results: string | null;
  indicators: ModelIndicator[];
  search_key: string;
}

export interface ModelFilter {
  scope: RawBuilder<SqlBool>;
  id?: string;
  status?: string;
  kind?: string;
  fieldId?: string;
  campaignId?: string;
  themeId?: string;
  /** Models whose unit lies in this subtree. */
  underPath?: string;
  /** Start date within [from, to]. */
  from?: string;
  to?: string;
  /** Folded words (common/text.ts foldVietnamese), each of which must appear. */
  words?: string[];
}

/**
 * A model is in reach when its unit is; when one of the units that replicated it is (a unit that took a model up
 * follows it); or, while it stands recognised, when the caller works inside the recognising committee's subtree
 * (a good example is there to be followed). The conditions are the caller's scope over `u.path`, `ru.path` and
 * `pu.path`.
 */
export function reachCondition(
  unitScope: RawBuilder<SqlBool>,
  replicationScope: RawBuilder<SqlBool>,
  publishedScope: RawBuilder<SqlBool>,
) {
  return sql<SqlBool>`(${unitScope}
    or exists (select 1 from model_replication rr join org_unit ru on ru.id = rr.unit_id
      where rr.model_id = m.id and ${replicationScope})
    or (m.status in ('recognised', 'replicated') and exists (select 1 from org_unit pu
      where pu.id = m.recognised_unit_id and ${publishedScope})))`;
}

/** The name a unit bore on a date (renames keep their dates in org_unit_name). */
export function unitNameOn(unitAlias: string, day: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`coalesce((select n.name from org_unit_name n where n.unit_id = ${sql.ref(`${unitAlias}.id`)}
    and n.valid_from <= ${day} and (n.valid_to is null or n.valid_to >= ${day})
    order by n.valid_from desc limit 1), ${sql.ref(`${unitAlias}.name`)})`;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function whereModels(filter: ModelFilter, options: { withStatus?: boolean } = {}): RawBuilder<SqlBool> {
  const conditions: RawBuilder<SqlBool>[] = [filter.scope];
  if (filter.id) {
    conditions.push(sql<SqlBool>`m.id = ${filter.id}`);
  }
  if (filter.status && options.withStatus !== false) {
    conditions.push(sql<SqlBool>`m.status = ${filter.status}`);
  }
  if (filter.kind) {
    conditions.push(sql<SqlBool>`m.kind = ${filter.kind}`);
  }
  if (filter.fieldId) {
    conditions.push(sql<SqlBool>`m.field_id = ${filter.fieldId}`);
  }
  if (filter.themeId) {
    conditions.push(sql<SqlBool>`m.theme_id = ${filter.themeId}`);
  }
  if (filter.campaignId) {
    conditions.push(
      sql<SqlBool>`exists (select 1 from model_campaign mc where mc.model_id = m.id and mc.campaign_id = ${filter.campaignId})`,
    );
  }
  if (filter.underPath) {
    conditions.push(sql<SqlBool>`u.path <@ ${filter.underPath}::ltree`);
  }
  if (filter.from) {
    conditions.push(sql<SqlBool>`m.started_on >= ${filter.from}::date`);
  }
  if (filter.to) {
    conditions.push(sql<SqlBool>`m.started_on <= ${filter.to}::date`);
  }
  for (const word of filter.words ?? []) {
    conditions.push(sql<SqlBool>`m.search_key like ${`%${escapeLike(word)}%`}`);
  }
  return sql.join(conditions, sql` and `) as RawBuilder<SqlBool>;
}

function selectModels(where: RawBuilder<SqlBool>, tail: RawBuilder<unknown> = sql``) {
  return sql<ModelRow & { total: number }>`
    select m.id, m.title, m.kind, m.status, m.unit_id, u.code as unit_code, ${unitNameOn('u', sql`m.started_on`)} as unit_name,
      u.path::text as unit_path, m.field_id, f.code as field_code, f.name_vi as field_name_vi,
      f.name_en as field_name_en, m.theme_id, m.started_on, m.description, m.results, m.people, m.indicators,
      m.recognised_level, m.recognised_on, m.recognised_unit_id, rcu.code as recognised_unit_code,
      ${unitNameOn('rcu', sql`m.recognised_on`)} as recognised_unit_name, rcu.path::text as recognised_unit_path,
      m.recognised_decision_id, m.version, m.created_at, m.updated_at,
      (select count(*) from model_replication r where r.model_id = m.id)::int as replication_count,
      -- The first photo, for the registry's cards; one subquery here beats a call per card to the documents module.
      (select d.id from document d join stored_file s on s.sha256 = d.sha256
        where d.entity_type = 'model' and d.entity_id = m.id and s.mime_type like 'image/%'
        order by d.created_at, d.id limit 1) as cover_document_id,
      count(*) over ()::int as total
    from model m
    join org_unit u on u.id = m.unit_id
    join model_field f on f.id = m.field_id
    left join org_unit rcu on rcu.id = m.recognised_unit_id
    where ${where}
    ${tail}`;
}

/** One page of models, newest start first. */
export async function listModels(
  db: DbOrTrx,
  filter: ModelFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: ModelRow[]; total: number }> {
  const tail = sql`order by m.started_on desc, m.title, m.id limit ${page.limit} offset ${page.offset}`;
  const { rows } = await selectModels(whereModels(filter), tail).execute(db);
  return { rows, total: rows[0]?.total ?? 0 };
}

/** Every model the filter admits, for the export (the caller bounds the count). */
export async function listAllModels(db: DbOrTrx, filter: ModelFilter, limit: number): Promise<ModelRow[]> {
  const tail = sql`order by m.started_on desc, m.title, m.id limit ${limit}`;
  return (await selectModels(whereModels(filter), tail).execute(db)).rows;
}

/** The models of the filter counted by status, ignoring the status filter itself (the registry's summary). */
export async function countByStatus(db: DbOrTrx, filter: ModelFilter): Promise<Map<string, number>> {
  const result = await sql<{ status: string; n: number }>`
    select m.status, count(*)::int as n
    from model m join org_unit u on u.id = m.unit_id
    where ${whereModels(filter, { withStatus: false })}
    group by m.status`.execute(db);
  return new Map(result.rows.map((row) => [row.status, row.n]));
}

export async function findModel(db: DbOrTrx, id: string): Promise<ModelRow | undefined> {
  return (await selectModels(sql<SqlBool>`m.id = ${id}`).execute(db)).rows[0];
}

/** Locks the model's row until the transaction ends, so two transitions of one model run one after the other. */
export async function lockModel(trx: DbOrTrx, id: string): Promise<ModelRow | undefined> {
  await sql`select 1 from model where id = ${id} for update`.execute(trx);
  return findModel(trx, id);
}

const asJson = (value: unknown) => JSON.stringify(value);

export async function insertModel(
  trx: DbOrTrx,
  values: ModelValues & {
    status: string;
    recognised_level?: string | null;
    recognised_on?: string | null;
    created_by: string | null;
  },
): Promise<string> {
  const row = await trx
    .insertInto('model')
    .values({ ...values, people: asJson(values.people), indicators: asJson(values.indicators) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Many models at once (import, demo), in chunks that stay under the bind-parameter limit. */
export async function insertModels(
  trx: DbOrTrx,
  rows: (ModelValues & {
    id: string;
    status: string;
    recognised_level: string | null;
    recognised_on: string | null;
    recognised_unit_id?: string | null;
    recognised_decision_id?: string | null;
    created_by: string | null;
  })[],
): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('model')
      .values(
        rows
          .slice(i, i + CHUNK)
          .map((row) => ({ ...row, people: asJson(row.people), indicators: asJson(row.indicators) })),
      )
      .execute();
  }
}

/** Updates the model when it is still at `version`; false when someone changed it meanwhile. */
export async function updateModel(
  trx: DbOrTrx,
  id: string,
  version: number,
  values: Partial<ModelValues> & {
    status?: string;
    recognised_level?: string | null;
    recognised_on?: string | null;
    recognised_unit_id?: string | null;
    recognised_decision_id?: string | null;
  },
): Promise<boolean> {
  const { people, indicators, ...rest } = values;
  const result = await trx
    .updateTable('model')
    .set({
      ...rest,
      ...(people !== undefined ? { people: asJson(people) } : {}),
      ...(indicators !== undefined ? { indicators: asJson(indicators) } : {}),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Models already stored with the same folded title, unit and start date (import duplicates). */
export async function findExistingKeys(
  db: DbOrTrx,
  keys: { title_key: string; unit_id: string; started_on: string }[],
): Promise<Set<string>> {
  if (keys.length === 0) {
    return new Set();
  }
  const result = await sql<{ key: string }>`
    select fold_vietnamese(m.title) || '|' || m.unit_id || '|' || m.started_on as key
    from model m
    where m.unit_id = any(${sql.val([...new Set(keys.map((k) => k.unit_id))])}::uuid[])
      and fold_vietnamese(m.title) = any(${sql.val([...new Set(keys.map((k) => k.title_key))])}::text[])`.execute(db);
  return new Set(result.rows.map((row) => row.key));
}

export async function findModelUnitId(db: DbOrTrx, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('model').select('unit_id').where('id', '=', id).executeTakeFirst();
  return row?.unit_id;
}

/** The nearest committee of `kind` at or above the unit at `path`: the one that recognises at that level. */
export async function findCommitteeAbove(db: DbOrTrx, path: string, kind: string) {
  const result = await sql<{ id: string; path: string }>`
    select id, path::text as path from org_unit
    where path @> ${path}::ltree and kind = ${kind}
    order by nlevel(path) desc limit 1`.execute(db);
  return result.rows[0];
}

/** Study themes by code (the demo tags its models with the themes of their year). */
