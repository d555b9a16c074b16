-- Online conferences with many bridge points (issue 7): the conference and its agenda, the bridge points with their
-- status history, the roster of each point with check-in, and the configurable roster categories.

CREATE TABLE conference (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  campaign_id uuid REFERENCES campaign (id),
  -- The organising committee: its editors organise, its viewers watch the board.
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  mode text NOT NULL CHECK (mode IN ('online', 'hybrid', 'in_person')),
  host_place text,
  -- Any meeting link (Zoom, Teams, a Jitsi room on another server); shown to open when no Jitsi server is configured.
  meeting_url text,
  -- Jitsi room name, generated once per conference (unguessable), used when JITSI_URL is set.
  room_name text NOT NULL UNIQUE,
  minutes text,
  conclusions text,
  -- The short news article, edited by the organiser; NULL until edited (the page shows the drafted one).
  news_text text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX conference_unit_idx ON conference (unit_id);
CREATE INDEX conference_starts_idx ON conference (starts_at);

CREATE TABLE conference_agenda_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conference_id uuid NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
  position integer NOT NULL,
  -- Local time of day 'HH:MM' in the conference's day; optional for items without a fixed time.
  starts_at text CHECK (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  title text NOT NULL,
  presenter text,
  presenter_position text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conference_agenda_conference_idx ON conference_agenda_item (conference_id, position);

-- Who attends a bridge point, grouped as the article groups them. Configurable; retired rather than deleted.
CREATE TABLE conference_roster_category (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  -- How the category reads in "có các đồng chí …" (plural, lower case as it sits inside the sentence).
  name_vi text NOT NULL,
  name_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO conference_roster_category (code, name_vi, name_en, sort_order) VALUES
  ('executive_committee', 'thành viên Ban Chấp hành Đảng bộ tỉnh', 'members of the provincial Party Executive Committee', 10),
  ('department_heads', 'thủ trưởng các sở, ban, ngành', 'heads of departments and agencies', 20),
  ('front_mass_orgs', 'Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội cấp tỉnh', 'Fatherland Front and socio-political organisations', 30),
  ('reporters', 'báo cáo viên cấp tỉnh', 'provincial reporters (speakers)', 40),
  ('district_secretaries', 'bí thư, phó bí thư các huyện uỷ, thành uỷ, đảng uỷ trực thuộc', 'secretaries and deputy secretaries of district committees', 50),
  ('district_propaganda', 'trưởng ban tuyên giáo các huyện uỷ, thành uỷ, đảng uỷ trực thuộc', 'heads of propaganda of district committees', 60),
  ('commune_leaders', 'bí thư, phó bí thư đảng uỷ xã, phường, thị trấn', 'secretaries and deputy secretaries of commune committees', 70),
  ('cell_secretaries', 'bí thư chi bộ', 'cell secretaries', 80),
  ('party_members', 'cán bộ, đảng viên', 'cadres and Party members', 90),
  ('other', 'khách mời', 'guests', 100);

CREATE TABLE conference_bridge (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conference_id uuid NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
  -- The committee hosting the point, valid on the conference date; its staff keep the roster.
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  place text,
  contact_name text,
  contact_phone text,
  expected_attendance integer NOT NULL DEFAULT 0 CHECK (expected_attendance >= 0),
  status text NOT NULL DEFAULT 'invited'
    CHECK (status IN ('invited', 'registered', 'tested', 'connected', 'problem', 'disconnected')),
  status_at timestamptz NOT NULL DEFAULT now(),
  problem_note text,
  -- Kept by every check-in and undo in the same statement, so the board never counts 70,000 rows.
  checked_in_count integer NOT NULL DEFAULT 0 CHECK (checked_in_count >= 0),
  -- Large halls: the people counted in the room; when set it is the point's present figure.
  head_count integer CHECK (head_count >= 0),
  head_count_at timestamptz,
  -- The attendance paragraph as edited by the organiser; NULL while the drafted one stands.
  attendance_text text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (conference_id, unit_id)
);
CREATE INDEX conference_bridge_unit_idx ON conference_bridge (unit_id);

CREATE TABLE conference_bridge_status (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bridge_id uuid NOT NULL REFERENCES conference_bridge (id) ON DELETE CASCADE,
  status text NOT NULL,
  note text,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES app_user (id)
);
CREATE INDEX conference_bridge_status_bridge_idx ON conference_bridge_status (bridge_id, at);

CREATE TABLE conference_attendee (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bridge_id uuid NOT NULL REFERENCES conference_bridge (id) ON DELETE CASCADE,
  full_name text NOT NULL,
  position text,
  organisation text,
  category_id uuid REFERENCES conference_roster_category (id),
  -- Printed as a QR code on the invitation; random, so a code cannot be guessed from another.
  token text NOT NULL UNIQUE,
  is_walk_in boolean NOT NULL DEFAULT false,
  checked_in_at timestamptz,
  checked_in_by uuid REFERENCES app_user (id),
  sort_order integer NOT NULL DEFAULT 0,
  search_key text GENERATED ALWAYS AS (
    fold_vietnamese(full_name || ' ' || coalesce(position, '') || ' ' || coalesce(organisation, ''))) STORED,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conference_attendee_bridge_idx ON conference_attendee (bridge_id, sort_order);
CREATE INDEX conference_attendee_search_trgm ON conference_attendee USING gin (search_key gin_trgm_ops);

-- Board events carry ids from one sequence, so a viewer reconnecting to any process names where it stopped.
CREATE SEQUENCE conference_event_seq;
