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

export interface RecommendationSpec {
  ownerId: string;
  deadline: string;
  status?: 'open' | 'in_progress' | 'done';
}

/**
 * One inspection (or supervision) conducted by `conductingId`, planned to start on `plannedStart` (and actually
 * started on `actualStart` when given), in an approved plan of its own, with its recommendations; returns the ids.
 */
export async function addInspection(
  db: DbOrTrx,
  options: {
    conductingId: string;
    plannedStart: string;
    actualStart?: string;
    kind?: 'inspection' | 'supervision';
    form?: 'thematic' | 'regular';
    campaignId?: string | null;
  },
  recommendations: RecommendationSpec[] = [],
): Promise<{ id: string; recommendationIds: string[] }> {
  const year = Number(options.plannedStart.slice(0, 4));
  const plan = await db
    .insertInto('inspection_plan')
    .values({
      unit_id: options.conductingId,
      year,
      title: `Kế hoạch kiểm tra, giám sát năm ${year}`,
      status: 'approved',
      approved_on: `${year}-01-01`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const kind = options.kind ?? 'inspection';
  const title = `${kind === 'inspection' ? 'Kiểm tra' : 'Giám sát'} thử ${crypto.randomBytes(2).toString('hex')}`;
  const inspection = await db
    .insertInto('inspection')
    .values({
      plan_id: plan.id,
      kind,
      form: options.form ?? 'thematic',
      campaign_id: options.campaignId ?? null,
      title,
      conducting_unit_id: options.conductingId,
      planned_start: options.plannedStart,
      planned_end:
        options.actualStart && options.actualStart > options.plannedStart ? options.actualStart : options.plannedStart,
      actual_start: options.actualStart ?? null,
      step: options.actualStart ? 'conduct' : 'prepare',
      search_key: foldVietnamese(title),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (recommendations.length === 0) {
    return { id: inspection.id, recommendationIds: [] };
  }
  const rows = await db
    .insertInto('recommendation')
    .values(
      recommendations.map((r, i) => ({
        inspection_id: inspection.id,
        text: `Kiến nghị thử ${i + 1}`,
        category: 'remedy_shortcoming',
        owner_unit_id: r.ownerId,
        deadline: r.deadline,
        status: r.status ?? 'open',
        done_on: r.status === 'done' ? r.deadline : null,
        sort_order: i,
      })),
    )
    .returning('id')
    .execute();
  return { id: inspection.id, recommendationIds: rows.map((r) => r.id) };
}
