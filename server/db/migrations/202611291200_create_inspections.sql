-- Inspection and supervision (issue 4, "Inspection and supervision"; DOMAIN-NOTES §3, QĐ 331-QĐ/TW 18/6/2025):
-- a conducting committee's yearly plan, the inspections and supervisions in it with their subjects, team, steps
-- (prepare → conduct → closed) and conclusion notice, and the recommendations followed up to remediation.

CREATE TABLE inspection_plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The conducting committee as it was when the plan was made (a district committee before 1/7/2025).
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title text NOT NULL,
  -- A plan is drafted by editors and approved by a manager of the conducting unit; inspections start only then.
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
  number text,
  approved_on date,
  approved_by uuid REFERENCES app_user (id),
  note text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'approved') = (approved_on IS NOT NULL))
);
CREATE INDEX inspection_plan_unit_idx ON inspection_plan (unit_id, year);

CREATE TABLE inspection (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES inspection_plan (id),
  kind text NOT NULL CHECK (kind IN ('inspection', 'supervision')),
  form text NOT NULL CHECK (form IN ('thematic', 'regular')),
  campaign_id uuid REFERENCES campaign (id),
  title text NOT NULL,
  content text,
  -- Copied from the plan in the same transaction, so figures and scope checks need no join through the plan.
  conducting_unit_id uuid NOT NULL REFERENCES org_unit (id),
  planned_start date NOT NULL,
  planned_end date NOT NULL,
  actual_start date,
  actual_end date,
  step text NOT NULL DEFAULT 'prepare' CHECK (step IN ('prepare', 'conduct', 'closed')),
  -- Prepare: the decision forming the team, the suggested report outline sent to the subjects.
  decision_number text,
  decision_date date,
  outline_sent_on date,
  -- Close: the conclusion notice (thông báo kết luận; for a supervision, thông báo kết quả giám sát).
  conclusion_number text,
  conclusion_date date,
  strengths text,
  shortcomings text,
  causes text,
  requirements text,
  -- Folded title and content (common/text.ts), written by the service.
  search_key text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (planned_end >= planned_start),
  CHECK (actual_end IS NULL OR actual_start IS NOT NULL AND actual_end >= actual_start),
  CHECK (step <> 'closed' OR conclusion_date IS NOT NULL)
);
CREATE INDEX inspection_plan_idx ON inspection (plan_id);
CREATE INDEX inspection_conducting_idx ON inspection (conducting_unit_id, planned_start);
CREATE INDEX inspection_campaign_idx ON inspection (campaign_id);
CREATE INDEX inspection_start_idx ON inspection (planned_start);

-- A subject unit as it was on the inspection's dates; it may since have been dissolved or merged, and still shows.
CREATE TABLE inspection_subject (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  -- The subject's self-inspection report (báo cáo tự kiểm tra), written by the subject unit in the conduct step.
  self_report_received_on date,
  self_report_summary text,
  sort_order integer NOT NULL DEFAULT 0,
  UNIQUE (inspection_id, unit_id)
);
CREATE INDEX inspection_subject_unit_idx ON inspection_subject (unit_id);

CREATE TABLE inspection_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
  full_name text NOT NULL,
  position text,
  role text NOT NULL CHECK (role IN ('head', 'deputy', 'member', 'secretary')),
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX inspection_member_inspection_idx ON inspection_member (inspection_id);
-- One head per team.
CREATE UNIQUE INDEX inspection_member_one_head ON inspection_member (inspection_id) WHERE role = 'head';

-- A working session of the team with a subject in the conduct step.
CREATE TABLE inspection_session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
  held_on date NOT NULL,
  subject_unit_id uuid REFERENCES org_unit (id),
  place text,
  summary text NOT NULL,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_session_inspection_idx ON inspection_session (inspection_id, held_on);

-- A recommendation (kiến nghị, yêu cầu) of a conclusion, owned by the unit that must act on it. "Overdue" is not
-- stored: it is derived (deadline passed and not done) whenever it is read, so it is never stale.
CREATE TABLE recommendation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspection (id),
  text text NOT NULL,
  category text NOT NULL CHECK (category IN ('remedy_shortcoming', 'resolve_difficulty', 'proposal_to_higher')),
  owner_unit_id uuid NOT NULL REFERENCES org_unit (id),
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
  -- The owner's remediation report; submitted_on set while it waits for the conducting unit's acceptance.
  report_text text,
  report_on date,
  report_submitted_on date,
  reported_by uuid REFERENCES app_user (id),
  -- Done = accepted by the conducting unit; on time when the accepted report is dated on or before the deadline.
  done_on date,
  accepted_by uuid REFERENCES app_user (id),
  accepted_at timestamptz,
  sort_order integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX recommendation_inspection_idx ON recommendation (inspection_id);
CREATE INDEX recommendation_owner_idx ON recommendation (owner_unit_id, status, deadline);

-- Every acceptance or return of a remediation report: who, when, which, and why it was sent back.
CREATE TABLE recommendation_review (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  recommendation_id uuid NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,
  decision text NOT NULL CHECK (decision IN ('accepted', 'returned')),
  reason text,
  reviewed_on date NOT NULL,
  user_id uuid REFERENCES app_user (id),
  at timestamptz NOT NULL DEFAULT now(),
  CHECK (decision = 'accepted' OR reason IS NOT NULL)
);
CREATE INDEX recommendation_review_idx ON recommendation_review (recommendation_id, at);
