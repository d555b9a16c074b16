import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/connection';
import { unitNameOn } from './models.repository';

// What hangs off a model: its campaigns and theme, the units that replicated it, and its timeline.

export async function listModelCampaigns(db: DbOrTrx, modelIds: string[]) {
  if (modelIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('model_campaign as mc')
    .innerJoin('campaign as c', 'c.id', 'mc.campaign_id')
    .select(['mc.model_id', 'c.id', 'c.code', 'c.title'])
    .where('mc.model_id', 'in', modelIds)
    .orderBy('c.issued_on')
    .orderBy('c.code')
    .execute();
}

export async function replaceModelCampaigns(trx: DbOrTrx, modelId: string, campaignIds: string[]): Promise<void> {
  await trx.deleteFrom('model_campaign').where('model_id', '=', modelId).execute();
  await insertModelCampaigns(
    trx,
    campaignIds.map((campaignId) => ({ model_id: modelId, campaign_id: campaignId })),
  );
}

export async function insertModelCampaigns(trx: DbOrTrx, rows: { model_id: string; campaign_id: string }[]) {
  const CHUNK = 2000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('model_campaign')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function findTheme(db: DbOrTrx, themeId: string) {
  return db.selectFrom('study_theme').select(['id', 'code', 'title']).where('id', '=', themeId).executeTakeFirst();
}

export interface ReplicationRow {
  id: string;
  model_id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  started_on: string;
  note: string | null;
}

export async function listReplications(db: DbOrTrx, modelId: string): Promise<ReplicationRow[]> {
  const result = await sql<ReplicationRow>`
    select r.id, r.model_id, r.unit_id, u.code as unit_code, ${unitNameOn('u', sql`r.started_on`)} as unit_name,
      u.path::text as unit_path, r.started_on, r.note
    from model_replication r join org_unit u on u.id = r.unit_id
    where r.model_id = ${modelId}
    order by r.started_on, u.code`.execute(db);
  return result.rows;
}

export async function insertReplications(
  trx: DbOrTrx,
  rows: { model_id: string; unit_id: string; started_on: string; note: string | null; created_by: string | null }[],
): Promise<string[]> {
  if (rows.length === 0) {
    return [];
  }
  const inserted = await trx.insertInto('model_replication').values(rows).returning('id').execute();
  return inserted.map((row) => row.id);
}

export async function deleteReplication(trx: DbOrTrx, id: string): Promise<void> {
  await trx.deleteFrom('model_replication').where('id', '=', id).execute();
}

export interface StatusChangeValues {
  model_id: string;
  from_status: string | null;
  to_status: string;
  effective_on: string;
  at?: Date | string;
  user_id: string | null;
  note: string | null;
  decision_id?: string | null;
}

export async function insertStatusChanges(trx: DbOrTrx, rows: StatusChangeValues[]): Promise<void> {
  const CHUNK = 1000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('model_status_change')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export async function listTimeline(db: DbOrTrx, modelId: string) {
  return (
    db
      .selectFrom('model_status_change as c')
      .leftJoin('app_user as a', 'a.id', 'c.user_id')
      .select([
        'c.id',
        'c.from_status',
        'c.to_status',
        'c.effective_on',
        'c.at',
        'c.user_id',
        'a.full_name',
        'c.note',
        'c.decision_id',
      ])
      .where('c.model_id', '=', modelId)
      // In the order the steps were taken; each shows the day it took effect (often earlier, for past records).
      .orderBy('c.at')
      .orderBy('c.effective_on')
      .execute()
  );
}

export async function findCampaignCodes(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('campaign').select(['id', 'code']).where('id', 'in', ids).execute();
}

export async function findThemeIdsByCodes(db: DbOrTrx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('study_theme').select(['id', 'code']).where('code', 'in', codes).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}
