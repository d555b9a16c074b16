-- Cell meetings (issue 4, "Cell meetings"): the monthly regular meeting the Party Charter requires of every cell, and
-- thematic meetings; whether the current study theme was brought into the meeting, and which one.
CREATE TABLE cell_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The cell as it was on the meeting date (the service checks kind = 'cell' and validity on that date).
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  meeting_date date NOT NULL,
  -- First day of the meeting's month: the key of "one regular meeting per cell per month" and of the monthly figures.
  meeting_month date GENERATED ALWAYS AS ((date_trunc('month', meeting_date::timestamp))::date) STORED,
  type text NOT NULL CHECK (type IN ('regular', 'thematic')),
  theme_included boolean NOT NULL DEFAULT false,
  theme_id uuid REFERENCES study_theme (id),
  content_summary text,
  conclusion text,
  chair text,
  secretary text,
  members_on_roll integer NOT NULL CHECK (members_on_roll > 0 AND members_on_roll <= 10000),
  present integer NOT NULL CHECK (present >= 0),
  -- Who was absent and why, as the minutes book says it ("Nguyễn Văn A: ốm; Trần Thị B: đi công tác").
  absent_reasons text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  updated_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT cell_meeting_present_within_roll CHECK (present <= members_on_roll),
  -- A theme is named exactly when it was included.
  CONSTRAINT cell_meeting_theme_named CHECK (theme_included = (theme_id IS NOT NULL))
);
-- The Charter's "Chi bộ họp thường lệ mỗi tháng một lần": one regular meeting per cell per month; thematic meetings
-- are not limited.
CREATE UNIQUE INDEX cell_meeting_one_regular_per_month
  ON cell_meeting (unit_id, meeting_month) WHERE type = 'regular';
-- The figures read this index only: the cells of a subtree come from org_unit (GiST on path), then each cell's
-- months in the period through this index, with everything counted carried in INCLUDE (an index-only scan; see
-- bench/meetings.ts for a province over 3 years and the nation).
CREATE INDEX cell_meeting_unit_month_idx
  ON cell_meeting (unit_id, meeting_month) INCLUDE (type, theme_included, theme_id, present, members_on_roll);
CREATE INDEX cell_meeting_date_idx ON cell_meeting (meeting_date);
CREATE INDEX cell_meeting_theme_idx ON cell_meeting (theme_id) WHERE theme_id IS NOT NULL;
