import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';
import type { Visibility } from './campaigns.repository';

export interface ThemeRow {
  id: string;
  code: string;
  title: string;
  description: string | null;
  period_start: string;
  period_end: string;
  scope_unit_id: string;
  scope_code: string;
  scope_name: string;
  scope_path: string;
  campaign_id: string;
  campaign_code: string;
  campaign_kind: string;
  campaign_title: string;
  version: number;
}

export interface ThemeValues {
  campaign_id: string;
  code: string;
  title: string;
  description: string | null;
  period_start: string;
  period_end: string;
  scope_unit_id: string;
  search_key: string;
}

export interface ThemeFilter {
  visible: Visibility;
  id?: string;
  campaignId?: string;
  underPath?: string;
  /** The scope is this path or above it. */
  abovePath?: string;
  /** The period overlaps [from, to]. */
  from?: string;
  to?: string;
  /** LIKE patterns over the folded search key, all of which must match. */
  patterns?: string[];
  /** Narrowest scope first (a unit's current themes), instead of latest period first. */
  isNarrowestFirst?: boolean;
}

/** With a search, records whose code matches more of its words come first ("05" puts 05-CT/TW above KL 01). */
function codeRank(patterns: string[] | undefined): RawBuilder<unknown> {
  return patterns?.length
    ? sql`(select count(*) from unnest(${sql.val(patterns)}::text[]) as p(pattern)
        where fold_vietnamese(t.code) like p.pattern) desc,`
    : sql``;
}

function whereThemes(filter: ThemeFilter): RawBuilder<SqlBool> {
  const conditions: RawBuilder<SqlBool>[] = [filter.visible(sql`u.path`)];
  if (filter.id) {
    conditions.push(sql<SqlBool>`t.id = ${filter.id}`);
  }
  if (filter.campaignId) {
    conditions.push(sql<SqlBool>`t.campaign_id = ${filter.campaignId}`);
  }
  if (filter.underPath) {
    conditions.push(sql<SqlBool>`u.path <@ ${filter.underPath}::ltree`);
  }
  if (filter.abovePath) {
    conditions.push(sql<SqlBool>`u.path @> ${filter.abovePath}::ltree`);
  }
  if (filter.from) {
    conditions.push(sql<SqlBool>`t.period_end >= ${filter.from}::date`);
  }
  if (filter.to) {
    conditions.push(sql<SqlBool>`t.period_start <= ${filter.to}::date`);
  }
  for (const pattern of filter.patterns ?? []) {
    conditions.push(sql<SqlBool>`t.search_key like ${pattern}`);
  }
  return sql.join(conditions, sql` and `) as RawBuilder<SqlBool>;
}

/**
 * Themes the filter admits, latest period first; or, for a unit's current themes, the narrowest scope first, so its
 * own sub-theme comes before the national one it details.
 */
export async function listThemes(
  db: DbOrTrx,
  filter: ThemeFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: ThemeRow[]; total: number }> {
  const result = await sql<ThemeRow & { total: number }>`
    select t.id, t.code, t.title, t.description, t.period_start, t.period_end, t.scope_unit_id,
      u.code as scope_code, u.name as scope_name, u.path::text as scope_path,
      c.id as campaign_id, c.code as campaign_code, c.kind as campaign_kind, c.title as campaign_title, t.version,
      count(*) over ()::int as total
    from study_theme t
    join org_unit u on u.id = t.scope_unit_id
    join campaign c on c.id = t.campaign_id
    where ${whereThemes(filter)}
    order by ${codeRank(filter.patterns)} ${
      filter.isNarrowestFirst
        ? sql`nlevel(u.path) desc, t.period_start desc`
        : sql`t.period_end desc, t.period_start desc, nlevel(u.path)`
    }, t.code
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return { rows: result.rows, total: result.rows[0]?.total ?? 0 };
}

export async function findTheme(db: DbOrTrx, id: string, visible: Visibility): Promise<ThemeRow | undefined> {
  const { rows } = await listThemes(db, { id, visible }, { offset: 0, limit: 1 });
  return rows[0];
}

/** Themes bearing `code`, ignoring case, with no access filter. */
export async function findThemeIdByCode(db: DbOrTrx, code: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('study_theme')
    .select('id')
    .where(sql<SqlBool>`upper(code) = ${code.toUpperCase()}`)
    .executeTakeFirst();
  return row?.id;
}

/** Scope unit of a theme, with no access filter (the document registry asks, then checks). */
export async function findThemeUnit(db: DbOrTrx, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('study_theme').select('scope_unit_id').where('id', '=', id).executeTakeFirst();
  return row?.scope_unit_id;
}

export async function insertTheme(db: DbOrTrx, values: ThemeValues): Promise<string> {
  const row = await db.insertInto('study_theme').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Applies `values` if the row still has `version`; false when someone changed it meanwhile. */
export async function updateTheme(
  db: DbOrTrx,
  id: string,
  version: number,
  values: Partial<ThemeValues>,
): Promise<boolean> {
  const result = await db
    .updateTable('study_theme')
    .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
