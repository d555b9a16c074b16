import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { FigureId, RecordColumnKind } from '../../../common/dashboard';

/**
 * How one figure reads its records. Every source is a table aliased `s` with a `unit_id` (the unit as it was on the
 * record's date) and a date; the count and the record list of a figure are both built from this one definition
 * and one WHERE clause (dashboard.repository.ts), so the number shown and the rows listed cannot drift apart.
 * Meetings and inspections add entries here.
 */
export interface FigureSource {
  id: FigureId;
  /** FROM item, aliased `s`. */
  from: RawBuilder<unknown>;
  /** The record's date: the period filter and the month series use it. */
  day: RawBuilder<unknown>;
  /** The two dimensions of the breakdown, as text. */
  a: RawBuilder<unknown>;
  b: RawBuilder<unknown>;
  /** Names of the dimensions in the record-list query string (`level=province&recipientType=collective`). */
  aParam: string;
  bParam: string;
  /** Condition for one campaign. */
  campaign(campaignId: string): RawBuilder<SqlBool>;
  /** Columns of the record list (joins in `listJoins`), after the date and the unit columns every list has. */
  columns: { key: string; vi: string; en: string; kind: RecordColumnKind; expr: RawBuilder<unknown> }[];
  listJoins: RawBuilder<unknown>;
  /** The id the record's page in the app goes by, and that page. */
  linkId: RawBuilder<unknown>;
  link(id: string): string;
}

const commendations: FigureSource = {
  id: 'commendations',
  from: sql`commendation_recipient s`,
  day: sql`s.decision_date`,
  a: sql`s.level`,
  b: sql`s.recipient_type`,
  aParam: 'level',
  bParam: 'recipientType',
  campaign: (id) => sql<SqlBool>`s.campaign_id = ${id}`,
  columns: [
    { key: 'name', vi: 'Tập thể, cá nhân', en: 'Recipient', kind: 'text', expr: sql`s.name` },
    { key: 'recipientType', vi: 'Loại', en: 'Type', kind: 'recipientType', expr: sql`s.recipient_type` },
    { key: 'level', vi: 'Cấp khen', en: 'Level', kind: 'commendationLevel', expr: sql`s.level` },
    { key: 'decision', vi: 'Quyết định', en: 'Decision', kind: 'text', expr: sql`d.number` },
    { key: 'issuer', vi: 'Cơ quan khen', en: 'Issued by', kind: 'text', expr: sql`d.issuer_name` },
  ],
  listJoins: sql`join commendation_decision d on d.id = s.decision_id`,
  linkId: sql`s.decision_id`,
  link: (id) => `/commendations/${id}`,
};

const models: FigureSource = {
  id: 'models',
  from: sql`model s`,
  day: sql`s.started_on`,
  a: sql`s.status`,
  b: sql`s.field_id::text`,
  aParam: 'status',
  bParam: 'field',
  campaign: (id) =>
    sql<SqlBool>`exists (select 1 from model_campaign mc where mc.model_id = s.id and mc.campaign_id = ${id})`,
  columns: [
    { key: 'title', vi: 'Tên mô hình', en: 'Title', kind: 'text', expr: sql`s.title` },
    { key: 'kind', vi: 'Loại', en: 'Kind', kind: 'modelKind', expr: sql`s.kind` },
    { key: 'status', vi: 'Trạng thái', en: 'Status', kind: 'modelStatus', expr: sql`s.status` },
    { key: 'field', vi: 'Lĩnh vực', en: 'Field', kind: 'text', expr: sql`f.name_vi` },
  ],
  listJoins: sql`join model_field f on f.id = s.field_id`,
  linkId: sql`s.id`,
  link: (id) => `/models/${id}`,
};

export const FIGURE_SOURCES: Record<FigureId, FigureSource> = { commendations, models };
