import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';

/** Builds the visibility condition for the ltree of a given alias (the caller's reach, or above it). */
export type Visibility = (pathColumn: RawBuilder<unknown>) => RawBuilder<SqlBool>;

export interface CampaignRow {
  id: string;
  code: string;
  kind: string;
  title: string;
  issuing_body: string;
  issued_on: string;
  summary: string | null;
  scope_unit_id: string;
  scope_code: string;
  scope_name: string;
  scope_path: string;
  version: number;
  themes_count: number;
}

export interface CampaignValues {
  code: string;
  kind: string;
  title: string;
  issuing_body: string;
  issued_on: string;
  summary: string | null;
  scope_unit_id: string;
  search_key: string;
}

export interface LinkRow {
  owner_id: string;
  direction: 'outgoing' | 'incoming';
  relation: string;
  id: string;
  code: string;
  kind: string;
  title: string;
  issued_on: string;
}

export interface CampaignFilter {
  visible: Visibility;
  /** Exact id, or any of several. */
  id?: string;
  kind?: string;
  /** LIKE patterns over the folded search key, all of which must match. */
  patterns?: string[];
  /** The scope lies in this subtree. */
  underPath?: string;
  /** The scope is this path or above it. */
  abovePath?: string;
}

/** With a search, records whose code matches more of its words come first ("05" puts 05-CT/TW above KL 01). */
function codeRank(patterns: string[] | undefined): RawBuilder<unknown> {
  return patterns?.length
    ? sql`(select count(*) from unnest(${sql.val(patterns)}::text[]) as p(pattern)
        where fold_vietnamese(c.code) like p.pattern) desc,`
    : sql``;
}

function whereCampaigns(filter: CampaignFilter): RawBuilder<SqlBool> {
  const conditions: RawBuilder<SqlBool>[] = [filter.visible(sql`u.path`)];
  if (filter.id) {
    conditions.push(sql<SqlBool>`c.id = ${filter.id}`);
  }
  if (filter.kind) {
    conditions.push(sql<SqlBool>`c.kind = ${filter.kind}`);
  }
  for (const pattern of filter.patterns ?? []) {
    conditions.push(sql<SqlBool>`c.search_key like ${pattern}`);
  }
  if (filter.underPath) {
    conditions.push(sql<SqlBool>`u.path <@ ${filter.underPath}::ltree`);
  }
  if (filter.abovePath) {
    conditions.push(sql<SqlBool>`u.path @> ${filter.abovePath}::ltree`);
  }
  return sql.join(conditions, sql` and `) as RawBuilder<SqlBool>;
}

/** Campaigns the filter admits, newest first, with the number of themes the same caller can see. */
export async function listCampaigns(
  db: DbOrTrx,
  filter: CampaignFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: CampaignRow[]; total: number }> {
  const result = await sql<CampaignRow & { total: number }>`
    select c.id, c.code, c.kind, c.title, c.issuing_body, c.issued_on, c.summary, c.scope_unit_id,
      u.code as scope_code, u.name as scope_name, u.path::text as scope_path, c.version,
      (select count(*) from study_theme t join org_unit tu on tu.id = t.scope_unit_id
        where t.campaign_id = c.id and ${filter.visible(sql`tu.path`)})::int as themes_count,
      count(*) over ()::int as total
    from campaign c
    join org_unit u on u.id = c.scope_unit_id
    where ${whereCampaigns(filter)}
    order by ${codeRank(filter.patterns)} c.issued_on desc, c.code
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return { rows: result.rows, total: result.rows[0]?.total ?? 0 };
}

export async function findCampaign(db: DbOrTrx, id: string, visible: Visibility): Promise<CampaignRow | undefined> {
  const { rows } = await listCampaigns(db, { id, visible }, { offset: 0, limit: 1 });
  return rows[0];
}

/** Links touching any of `ids`, from their side, to campaigns the caller can see; oldest related campaign first. */
export async function listLinks(db: DbOrTrx, ids: string[], visible: Visibility): Promise<LinkRow[]> {
  if (ids.length === 0) {
    return [];
  }
  const array = sql`${sql.val(ids)}::uuid[]`;
  const result = await sql<LinkRow>`
    select * from (
      select l.campaign_id as owner_id, 'outgoing' as direction, l.relation, o.id, o.code, o.kind, o.title, o.issued_on
      from campaign_link l join campaign o on o.id = l.related_campaign_id join org_unit ou on ou.id = o.scope_unit_id
      where l.campaign_id = any(${array}) and ${visible(sql`ou.path`)}
      union all
      select l.related_campaign_id, 'incoming', l.relation, o.id, o.code, o.kind, o.title, o.issued_on
      from campaign_link l join campaign o on o.id = l.campaign_id join org_unit ou on ou.id = o.scope_unit_id
      where l.related_campaign_id = any(${array}) and ${visible(sql`ou.path`)}
    ) links
    order by issued_on, code`.execute(db);
  return result.rows;
}

/** The link between two campaigns in either direction, if any. */
export async function findLinkBetween(db: DbOrTrx, a: string, b: string) {
  return db
    .selectFrom('campaign_link')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('campaign_id', '=', a), eb('related_campaign_id', '=', b)]),
        eb.and([eb('campaign_id', '=', b), eb('related_campaign_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
}

export async function insertLink(db: DbOrTrx, campaignId: string, relatedId: string, relation: string) {
  await db
    .insertInto('campaign_link')
    .values({ campaign_id: campaignId, related_campaign_id: relatedId, relation })
    .execute();
}

export async function deleteLinkBetween(db: DbOrTrx, a: string, b: string): Promise<number> {
  const result = await db
    .deleteFrom('campaign_link')
    .where((eb) =>
      eb.or([
        eb.and([eb('campaign_id', '=', a), eb('related_campaign_id', '=', b)]),
        eb.and([eb('campaign_id', '=', b), eb('related_campaign_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Campaigns by code, ignoring case (`05-ct/tw` finds `05-CT/TW`), with no access filter (imports, the demo). */
export async function findByCodes(db: DbOrTrx, codes: string[]) {
  if (codes.length === 0) {
    return [];
  }
  return db
    .selectFrom('campaign')
    .select(['id', 'code', 'kind', 'title', 'scope_unit_id'])
    .where(sql<SqlBool>`upper(code) = any(${sql.val(codes.map((code) => code.toUpperCase()))}::text[])`)
    .execute();
}

/** Scope unit and its path, with no access filter (document access, theme placement). */
export async function findScope(db: DbOrTrx, id: string) {
  return db
    .selectFrom('campaign as c')
    .innerJoin('org_unit as u', 'u.id', 'c.scope_unit_id')
    .select(['c.id', 'c.code', 'c.scope_unit_id', sql<string>`u.path::text`.as('scope_path')])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function insertCampaign(db: DbOrTrx, values: CampaignValues): Promise<string> {
  const row = await db.insertInto('campaign').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Applies `values` if the row still has `version`; false when someone changed it meanwhile. */
export async function updateCampaign(
  db: DbOrTrx,
  id: string,
  version: number,
  values: Partial<CampaignValues>,
): Promise<boolean> {
  const result = await db
    .updateTable('campaign')
    .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Themes of a campaign whose scope would fall outside `path` (when the campaign's scope moves). */
export async function countThemesOutside(db: DbOrTrx, campaignId: string, path: string): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from study_theme t join org_unit u on u.id = t.scope_unit_id
    where t.campaign_id = ${campaignId} and not (u.path <@ ${path}::ltree)`.execute(db);
  return row.rows[0].n;
}
