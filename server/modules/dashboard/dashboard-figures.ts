import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { FigureId, RecordColumnKind } from '../../../common/dashboard';
import { todayIso } from '../../../common/dates';

/**
 * How one figure reads its records. Every source is a table aliased `s` with a `unit_id` (the unit as it was on the
 * record's date) and a date; the count and the record list of a figure are both built from this one definition
 * and one WHERE clause (dashboard.repository.ts), so the number shown and the rows listed cannot drift apart.
 * A record of a source that is not itself keyed by a `unit_id` comes through a subquery that names the unit column so.
 */
export interface FigureSource {
  id: FigureId;
  /** FROM item, aliased `s`. */
  from: RawBuilder<unknown>;
  /** The record's date: the period filter and the month series use it. */
  day: RawBuilder<unknown>;
  /** What that date is, as the record list's heading, when it is not plainly the record's day. */
  dayLabel?: { vi: string; en: string };
  /** The two dimensions of the breakdown, as text. */
  a: RawBuilder<unknown>;
  b: RawBuilder<unknown>;
  /** Names of the dimensions in the record-list query string (`level=province&recipientType=collective`). */
  aParam: string;
  bParam: string;
  /** Condition for one campaign. */
  campaign(campaignId: string): RawBuilder<SqlBool>;
  /** `b` when a campaign is chosen, if it depends on it (a meeting studied the theme of that campaign). */
  bInCampaign?: (campaignId: string) => RawBuilder<unknown>;
  /**
   * For a `b` that depends on today (a recommendation is overdue once its deadline has passed), which the rollup
   * cannot hold: the rollup stores `b = 'none'`, and a rollup month wholly before today's month gets `pastB(a)`, a
   * month after it keeps 'none'; today's month is read from the records (dashboard.service.ts `countFigureRows`).
   */
  pastB?: (a: string) => string;
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

/**
 * Cell meetings: a = regular or thematic, b = whether the theme was studied. One regular meeting per cell and month
 * (a unique index), so regular meetings are the cell-months held; with a campaign every meeting still counts and only
 * the themes of that campaign count as studied (the shares' base is the cells, not the campaign).
 */
const meetings: FigureSource = {
  id: 'meetings',
  from: sql`cell_meeting s`,
  day: sql`s.meeting_date`,
  a: sql`s.type`,
  b: sql`case when s.theme_included then 'theme' else 'none' end`,
  aParam: 'meetingType',
  bParam: 'theme',
  campaign: () => sql<SqlBool>`true`,
  bInCampaign: (id) =>
    sql`case when s.theme_included and exists (select 1 from study_theme st where st.id = s.theme_id
      and st.campaign_id = ${id}) then 'theme' else 'none' end`,
  columns: [
    { key: 'type', vi: 'Loại', en: 'Type', kind: 'meetingType', expr: sql`s.type` },
    { key: 'theme', vi: 'Chuyên đề đã học', en: 'Theme studied', kind: 'text', expr: sql`th.title` },
    {
      key: 'attendance',
      vi: 'Có mặt / đảng viên',
      en: 'Present / members',
      kind: 'text',
      expr: sql`s.present || '/' || s.members_on_roll`,
    },
  ],
  listJoins: sql`left join study_theme th on th.id = s.theme_id`,
  linkId: sql`s.id`,
  link: (id) => `/meetings/${id}`,
};

/**
 * Inspections and supervisions, placed at the conducting committee and dated by their actual start (else the planned
 * one), as the inspections module's statistics count them: a = inspection or supervision, b = thematic or regular.
 */
const inspections: FigureSource = {
  id: 'inspections',
  from: sql`(select i.*, i.conducting_unit_id as unit_id, coalesce(i.actual_start, i.planned_start) as day
    from inspection i) s`,
  day: sql`s.day`,
  dayLabel: { vi: 'Ngày bắt đầu', en: 'Start' },
  a: sql`s.kind`,
  b: sql`s.form`,
  aParam: 'inspectionKind',
  bParam: 'form',
  campaign: (id) => sql<SqlBool>`s.campaign_id = ${id}`,
  columns: [
    { key: 'title', vi: 'Tên cuộc', en: 'Title', kind: 'text', expr: sql`s.title` },
    { key: 'kind', vi: 'Loại', en: 'Kind', kind: 'inspectionKind', expr: sql`s.kind` },
    { key: 'form', vi: 'Hình thức', en: 'Form', kind: 'inspectionForm', expr: sql`s.form` },
    { key: 'step', vi: 'Bước', en: 'Step', kind: 'inspectionStep', expr: sql`s.step` },
    {
      key: 'conclusion',
      vi: 'Thông báo kết luận',
      en: 'Conclusion notice',
      kind: 'text',
      expr: sql`s.conclusion_number`,
    },
  ],
  listJoins: sql``,
  linkId: sql`s.id`,
  link: (id) => `/inspections/${id}`,
};

/**
 * Recommendations of inspections and supervisions, placed at the unit that must act on them and dated by their
 * deadline (the period holds the recommendations due in it): a = status, b = overdue or not as of `today` — open or
 * in progress with the deadline before today. The deadline lies within the period, so this is also "before the
 * period's end or today, whichever is earlier". Never stored: the rollup keeps the status only (`pastB`).
 */
function recommendationsSource(today: string): FigureSource {
  const isOverdue = sql<SqlBool>`(s.status <> 'done' and s.deadline < ${today}::date)`;
  return {
    id: 'recommendations',
    from: sql`(select r.*, r.owner_unit_id as unit_id from recommendation r) s`,
    day: sql`s.deadline`,
    dayLabel: { vi: 'Hạn thực hiện', en: 'Deadline' },
    a: sql`s.status`,
    b: sql`case when ${isOverdue} then 'overdue' else 'none' end`,
    pastB: (a) => (a === 'done' ? 'none' : 'overdue'),
    aParam: 'status',
    bParam: 'overdue',
    campaign: (id) =>
      sql<SqlBool>`exists (select 1 from inspection ci where ci.id = s.inspection_id and ci.campaign_id = ${id})`,
    columns: [
      { key: 'text', vi: 'Nội dung kiến nghị', en: 'Recommendation', kind: 'text', expr: sql`s.text` },
      {
        key: 'category',
        vi: 'Loại',
        en: 'Category',
        kind: 'recommendationCategory',
        expr: sql`s.category`,
      },
      {
        key: 'status',
        vi: 'Tình trạng',
        en: 'Status',
        kind: 'recommendationStatus',
        expr: sql`case when ${isOverdue} then 'overdue' else s.status end`,
      },
      { key: 'doneOn', vi: 'Ngày hoàn thành', en: 'Done on', kind: 'date', expr: sql`s.done_on::text` },
      { key: 'inspection', vi: 'Cuộc kiểm tra, giám sát', en: 'Inspection', kind: 'text', expr: sql`ri.title` },
    ],
    listJoins: sql`join inspection ri on ri.id = s.inspection_id`,
    linkId: sql`s.inspection_id`,
    link: (id) => `/inspections/${id}`,
  };
}

export const FIGURE_SOURCES: Record<Exclude<FigureId, 'recommendations'>, FigureSource> = {
  commendations,
  models,
  meetings,
  inspections,
};

/** The source of a figure; the overdue split of recommendations is as of `today` (Vietnam's date by default). */
export function figureSource(figure: FigureId, today: string = todayIso()): FigureSource {
  return figure === 'recommendations' ? recommendationsSource(today) : FIGURE_SOURCES[figure];
}
