import crypto from 'node:crypto';
import { foldVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';

// Records for the dashboard tests, inserted directly (as the bench does with COPY): the dashboard reads other
// modules' tables, so its tests need rows in them, not those modules' forms.

export interface RecipientSpec {
  unitId: string;
  type: 'collective' | 'individual';
}

/** One decision of `level` owned by `ownerId` on `date`, with its recipients; returns the recipient ids. */
export async function addDecision(
  db: DbOrTrx,
  options: { ownerId: string; date: string; level: string; campaignId?: string | null },
  recipients: RecipientSpec[],
): Promise<string[]> {
  const number = `${crypto.randomBytes(3).toString('hex')}-QĐ/TU`;
  const decision = await db
    .insertInto('commendation_decision')
    .values({
      number,
      decision_date: options.date,
      system: 'party',
      issuer_name: 'Cơ quan thử',
      issuer_unit_id: options.ownerId,
      unit_id: options.ownerId,
      level: options.level,
      form: 'GIAY_KHEN',
      type: 'periodic',
      campaign_id: options.campaignId ?? null,
      search_key: foldVietnamese(number),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (recipients.length === 0) {
    return [];
  }
  const rows = await db
    .insertInto('commendation_recipient')
    .values(
      recipients.map((r, i) => ({
        decision_id: decision.id,
        recipient_type: r.type,
        name: r.type === 'collective' ? `Tập thể ${i + 1}` : `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}`,
        unit_id: r.unitId,
        search_key: 'x',
        decision_date: options.date,
        level: options.level,
        campaign_id: options.campaignId ?? null,
        sort_order: i,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** One model of a field (by code) and status under `unitId`, started on `startedOn`; returns its id. */
export async function addModel(
  db: DbOrTrx,
  options: { unitId: string; startedOn: string; status?: string; field?: string; campaignId?: string | null },
): Promise<string> {
  const field = await db
    .selectFrom('model_field')
    .select('id')
    .where('code', '=', options.field ?? 'economy')
    .executeTakeFirstOrThrow();
  const status = options.status ?? 'proposed';
  const row = await db
    .insertInto('model')
    .values({
      title: `Mô hình thử ${crypto.randomBytes(2).toString('hex')}`,
      kind: 'collective_model',
      unit_id: options.unitId,
      field_id: field.id,
      started_on: options.startedOn,
      status,
      recognised_level: status === 'proposed' ? null : 'province',
      recognised_on: status === 'proposed' ? null : options.startedOn,
      search_key: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.campaignId) {
    await db.insertInto('model_campaign').values({ model_id: row.id, campaign_id: options.campaignId }).execute();
  }
  return row.id;
}
