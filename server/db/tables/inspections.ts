import type { ColumnType, Generated } from 'kysely';
import type { DateString, Timestamp } from './types';

export interface InspectionPlanTable {
  id: Generated<string>;
  unit_id: string;
  year: number;
  title: string;
  status: Generated<string>;
  number: string | null;
  approved_on: DateString | null;
  approved_by: string | null;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InspectionTable {
  id: Generated<string>;
  plan_id: string;
  kind: string;
  form: string;
  campaign_id: string | null;
  title: string;
  content: string | null;
  /** Copied from the plan (migration 202611291200). */
  conducting_unit_id: string;
  planned_start: DateString;
  planned_end: DateString;
  actual_start: DateString | null;
  actual_end: DateString | null;
  step: Generated<string>;
  decision_number: string | null;
  decision_date: DateString | null;
  outline_sent_on: DateString | null;
  conclusion_number: string | null;
  conclusion_date: DateString | null;
  strengths: string | null;
  shortcomings: string | null;
  causes: string | null;
  requirements: string | null;
  search_key: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InspectionSubjectTable {
  id: Generated<string>;
  inspection_id: string;
  unit_id: string;
  self_report_received_on: DateString | null;
  self_report_summary: string | null;
  sort_order: Generated<number>;
}

export interface InspectionMemberTable {
  id: Generated<string>;
  inspection_id: string;
  full_name: string;
  position: string | null;
  role: string;
  sort_order: Generated<number>;
}

export interface InspectionSessionTable {
  id: Generated<string>;
  inspection_id: string;
  held_on: DateString;
  subject_unit_id: string | null;
  place: string | null;
  summary: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface RecommendationTable {
  id: Generated<string>;
  inspection_id: string;
  text: string;
  category: string;
  owner_unit_id: string;
  deadline: DateString;
  status: Generated<string>;
  report_text: string | null;
  report_on: DateString | null;
  report_submitted_on: DateString | null;
  reported_by: string | null;
  done_on: DateString | null;
  accepted_by: string | null;
  accepted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecommendationReviewTable {
  id: Generated<string>;
  recommendation_id: string;
  decision: string;
  reason: string | null;
  reviewed_on: DateString;
  user_id: string | null;
  at: Timestamp;
}

/** Tables of the inspections module (migrations 2026112912xx_*). */
export interface InspectionTables {
  inspection_plan: InspectionPlanTable;
  inspection: InspectionTable;
  inspection_subject: InspectionSubjectTable;
  inspection_member: InspectionMemberTable;
  inspection_session: InspectionSessionTable;
  recommendation: RecommendationTable;
  recommendation_review: RecommendationReviewTable;
}
