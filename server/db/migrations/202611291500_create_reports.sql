-- Periodic reports (issue 6): templates with their sections and indicators, who reports to whom, submissions with
-- every version kept, review comments, the document-number counter and the in-app notifications.

-- Party documents are numbered from 01 per document type within one committee term (HD 36-HD/VPTW), per issuing
-- body. The counter is bumped with one upsert, so two documents issued at once never share a number.
CREATE TABLE document_number_counter (
  issuer_unit_id uuid NOT NULL REFERENCES org_unit (id),
  doc_type text NOT NULL CHECK (doc_type ~ '^[A-ZĐ]{2,4}$'),
  -- First day of the committee term the number belongs to.
  term_start date NOT NULL,
  last_number integer NOT NULL CHECK (last_number > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer_unit_id, doc_type, term_start)
);

-- Every numbered document the system produced, so a number is never printed twice.
CREATE TABLE issued_document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  issuer_unit_id uuid NOT NULL REFERENCES org_unit (id),
  doc_type text NOT NULL,
  term_start date NOT NULL,
  number integer NOT NULL,
  symbol text NOT NULL,
  issued_on date NOT NULL,
  subject text NOT NULL,
  -- What it was produced from: a submission, an aggregate, the interim review drafted from the records.
  source_kind text NOT NULL CHECK (source_kind IN ('submission', 'aggregate', 'interim_review')),
  source_id uuid,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX issued_document_issuer_idx ON issued_document (issuer_unit_id, doc_type, term_start, number);

CREATE TABLE report_template (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$'),
  name text NOT NULL,
  campaign_id uuid REFERENCES campaign (id),
  -- The committee that set the template up; its managers change it, its subtree reads it.
  owner_unit_id uuid NOT NULL REFERENCES org_unit (id),
  period_type text NOT NULL CHECK (period_type IN ('month', 'quarter', 'half_year', 'year', 'custom')),
  custom_from date,
  custom_to date,
  deadline_days integer NOT NULL DEFAULT 10 CHECK (deadline_days BETWEEN 0 AND 365),
  -- The subject line printed under BÁO CÁO.
  subject text NOT NULL,
  -- [{ "key": "I", "title": "Công tác lãnh đạo, chỉ đạo…", "hint": "…" }]
  sections jsonb NOT NULL CHECK (jsonb_typeof(sections) = 'array'),
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((period_type = 'custom') = (custom_from IS NOT NULL AND custom_to IS NOT NULL)),
  CHECK (custom_to IS NULL OR custom_to >= custom_from)
);

CREATE TABLE report_indicator (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  template_id uuid NOT NULL REFERENCES report_template (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_.]{1,63}$'),
  label text NOT NULL,
  unit_label text,
  value_type text NOT NULL CHECK (value_type IN ('integer', 'percent', 'text')),
  source text NOT NULL CHECK (source IN ('computed', 'manual')),
  -- For a computed indicator, the catalogue entry (server/modules/reports/indicators.ts) that fills it.
  catalogue_code text,
  roll_up text NOT NULL CHECK (roll_up IN ('sum', 'weighted_average', 'none')),
  -- For a weighted average: the indicator of the same template whose value weighs each unit (e.g. cells).
  weight_code text,
  section_key text,
  sort_order integer NOT NULL DEFAULT 0,
  UNIQUE (template_id, code),
  CHECK ((source = 'computed') = (catalogue_code IS NOT NULL)),
  CHECK (value_type <> 'text' OR roll_up = 'none')
);

-- Units of `unit_kind` below `reviewer_unit_id` (or exactly `reporter_unit_id`) report on the template to the reviewer.
CREATE TABLE report_obligation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  template_id uuid NOT NULL REFERENCES report_template (id) ON DELETE CASCADE,
  reviewer_unit_id uuid NOT NULL REFERENCES org_unit (id),
  unit_kind text CHECK (unit_kind IN ('province', 'district', 'commune', 'grassroots', 'cell', 'agency')),
  reporter_unit_id uuid REFERENCES org_unit (id),
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((unit_kind IS NULL) <> (reporter_unit_id IS NULL))
);
CREATE INDEX report_obligation_template_idx ON report_obligation (template_id);
CREATE UNIQUE INDEX report_obligation_kind_unique ON report_obligation (template_id, reviewer_unit_id, unit_kind)
  WHERE unit_kind IS NOT NULL;
CREATE UNIQUE INDEX report_obligation_unit_unique ON report_obligation (template_id, reporter_unit_id)
  WHERE reporter_unit_id IS NOT NULL;

CREATE TABLE report_submission (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  template_id uuid NOT NULL REFERENCES report_template (id),
  -- The unit as it was at the period's end.
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  reviewer_unit_id uuid NOT NULL REFERENCES org_unit (id),
  period_key text NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  -- { "<indicator code>": { "value": 12 | "text" | null, "computedAt": "…" } }
  "values" jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof("values") = 'object'),
  computed_at timestamptz,
  -- { "<section key>": "text" }
  sections jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(sections) = 'object'),
  -- The number of the last version sent up (0 while never submitted).
  revision integer NOT NULL DEFAULT 0,
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  approved_at timestamptz,
  approved_by uuid REFERENCES app_user (id),
  doc_number integer,
  doc_symbol text,
  doc_date date,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (template_id, unit_id, period_key),
  CHECK (period_to >= period_from)
);
CREATE INDEX report_submission_reviewer_idx ON report_submission (reviewer_unit_id, template_id, period_key);
CREATE INDEX report_submission_unit_idx ON report_submission (unit_id);

-- Every version sent up, frozen: the reviewer's diff and the approved snapshot come from here.
CREATE TABLE report_submission_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submission_id uuid NOT NULL REFERENCES report_submission (id) ON DELETE CASCADE,
  revision integer NOT NULL,
  "values" jsonb NOT NULL,
  sections jsonb NOT NULL,
  computed_at timestamptz,
  submitted_by uuid REFERENCES app_user (id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (submission_id, revision)
);

-- The submission's timeline: created, submitted, returned, resubmitted, approved, unlocked.
CREATE TABLE report_submission_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Entry order: several entries can share one transaction's now().
  seq bigint GENERATED ALWAYS AS IDENTITY,
  submission_id uuid NOT NULL REFERENCES report_submission (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('create', 'submit', 'return', 'approve', 'unlock')),
  from_status text,
  to_status text NOT NULL,
  revision integer NOT NULL,
  note text,
  user_id uuid REFERENCES app_user (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_submission_event_idx ON report_submission_event (submission_id, seq);

-- A reviewer's comment on the whole submission, one section or one indicator, on the revision it was made on.
CREATE TABLE report_comment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  submission_id uuid NOT NULL REFERENCES report_submission (id) ON DELETE CASCADE,
  revision integer NOT NULL,
  target text NOT NULL CHECK (target IN ('whole', 'section', 'indicator')),
  target_key text,
  body text NOT NULL,
  user_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((target = 'whole') = (target_key IS NULL))
);
CREATE INDEX report_comment_submission_idx ON report_comment (submission_id, seq);

CREATE TABLE notification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  kind text NOT NULL,
  title text NOT NULL,
  body text,
  link text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notification_user_unread_idx ON notification (user_id, created_at DESC) WHERE read_at IS NULL;
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);
