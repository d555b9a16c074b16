import type { ColumnType, Generated } from 'kysely';
import type { DateString, Timestamp } from './types';

/** jsonb read as parsed JSON by pg, written as a JSON string. */
type JsonColumn<T> = ColumnType<T, string | undefined, string>;

export interface ReportSectionSpec {
  key: string;
  title: string;
  hint?: string | null;
}

export interface StoredValue {
  value: number | string | null;
}

export interface DocumentNumberCounterTable {
  issuer_unit_id: string;
  doc_type: string;
  term_start: DateString;
  last_number: number;
  updated_at: Timestamp;
}

export interface IssuedDocumentTable {
  id: Generated<string>;
  issuer_unit_id: string;
  doc_type: string;
  term_start: DateString;
  number: number;
  symbol: string;
  issued_on: DateString;
  subject: string;
  source_kind: string;
  source_id: string | null;
  /** The period key of an aggregate (its template is source_id). */
  source_period: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ReportTemplateTable {
  id: Generated<string>;
  code: string;
  name: string;
  campaign_id: string | null;
  owner_unit_id: string;
  period_type: string;
  custom_from: DateString | null;
  custom_to: DateString | null;
  deadline_days: Generated<number>;
  subject: string;
  sections: JsonColumn<ReportSectionSpec[]>;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportIndicatorTable {
  id: Generated<string>;
  template_id: string;
  code: string;
  label: string;
  unit_label: string | null;
  value_type: string;
  source: string;
  catalogue_code: string | null;
  roll_up: string;
  weight_code: string | null;
  section_key: string | null;
  sort_order: Generated<number>;
}

export interface ReportObligationTable {
  id: Generated<string>;
  template_id: string;
  reviewer_unit_id: string;
  unit_kind: string | null;
  reporter_unit_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ReportSubmissionTable {
  id: Generated<string>;
  template_id: string;
  unit_id: string;
  reviewer_unit_id: string;
  period_key: string;
  period_from: DateString;
  period_to: DateString;
  due_on: DateString;
  status: Generated<string>;
  values: JsonColumn<Record<string, StoredValue>>;
  computed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  sections: JsonColumn<Record<string, string>>;
  revision: Generated<number>;
  first_submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  approved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  approved_by: string | null;
  doc_number: number | null;
  doc_symbol: string | null;
  doc_date: DateString | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReportSubmissionVersionTable {
  id: Generated<string>;
  submission_id: string;
  revision: number;
  values: JsonColumn<Record<string, StoredValue>>;
  sections: JsonColumn<Record<string, string>>;
  computed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  submitted_by: string | null;
  submitted_at: Timestamp;
}

export interface ReportSubmissionEventTable {
  id: Generated<string>;
  submission_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  revision: number;
  note: string | null;
  user_id: string | null;
  at: Timestamp;
}

export interface ReportCommentTable {
  id: Generated<string>;
  submission_id: string;
  revision: number;
  target: string;
  target_key: string | null;
  body: string;
  user_id: string | null;
  created_at: Timestamp;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: Timestamp;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Tables of the reports module (migrations 2026112915xx_*). */
export interface ReportTables {
  document_number_counter: DocumentNumberCounterTable;
  issued_document: IssuedDocumentTable;
  report_template: ReportTemplateTable;
  report_indicator: ReportIndicatorTable;
  report_obligation: ReportObligationTable;
  report_submission: ReportSubmissionTable;
  report_submission_version: ReportSubmissionVersionTable;
  report_submission_event: ReportSubmissionEventTable;
  report_comment: ReportCommentTable;
  notification: NotificationTable;
}
