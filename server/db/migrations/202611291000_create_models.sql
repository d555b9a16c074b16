-- Exemplary models and good practices: the configurable list of fields, the models, the campaigns they serve, the
-- units that took them up, and the timeline of their status changes (issue 3, "Models and good practices").

CREATE TABLE model_field (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stable key used by imports and URLs; the names may be reworded.
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name_vi text NOT NULL,
  name_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  -- A field is retired rather than deleted: models recorded under it keep it.
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO model_field (code, name_vi, name_en, sort_order) VALUES
  ('party_building', 'Xây dựng Đảng', 'Party building', 10),
  ('economy', 'Kinh tế', 'Economy', 20),
  ('social_welfare', 'An sinh xã hội', 'Social welfare', 30),
  ('education', 'Giáo dục', 'Education', 40),
  ('health', 'Y tế', 'Health', 50),
  ('defence_security', 'Quốc phòng, an ninh', 'Defence and security', 60),
  ('environment', 'Môi trường', 'Environment', 70),
  ('culture', 'Văn hóa', 'Culture', 80),
  ('administrative_reform', 'Cải cách hành chính', 'Administrative reform', 90),
  ('mass_mobilisation', 'Dân vận', 'Mass mobilisation', 100);

CREATE TABLE model (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('collective_model', 'individual_example', 'good_practice', 'creative_approach')),
  -- The unit as it was on the start date (a commune before 1/7/2025 is the old commune, not its successor).
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  -- [{ "name": "Nguyễn Văn An", "position": "Bí thư chi bộ" }] for an individual example.
  people jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(people) = 'array'),
  field_id uuid NOT NULL REFERENCES model_field (id),
  theme_id uuid REFERENCES study_theme (id),
  started_on date NOT NULL,
  description text,
  results text,
  -- [{ "indicator": "Hộ thoát nghèo", "value": 35, "unit": "hộ" }]
  indicators jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(indicators) = 'array'),
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'recognised', 'replicated', 'archived')),
  recognised_level text CHECK (recognised_level IN ('central', 'province', 'district', 'commune', 'grassroots')),
  recognised_on date,
  -- The committee of that level above the model's unit (the Tỉnh ủy for a provincial recognition). A recognised
  -- model is a good example to follow, so everyone in that committee's subtree may read it and take it up.
  recognised_unit_id uuid REFERENCES org_unit (id),
  -- The commendation decision that recognised the model, when there was one; the recognition itself stays if the
  -- decision record is deleted.
  recognised_decision_id uuid REFERENCES commendation_decision (id) ON DELETE SET NULL,
  -- Folded title, people and description (foldVietnamese in common/text.ts), written by the service.
  search_key text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (recognised_on IS NULL OR recognised_on >= started_on)
);
CREATE INDEX model_unit_idx ON model (unit_id);
CREATE INDEX model_field_idx ON model (field_id);
CREATE INDEX model_theme_idx ON model (theme_id);
CREATE INDEX model_started_idx ON model (started_on);
CREATE INDEX model_status_idx ON model (status);
CREATE INDEX model_search_trgm ON model USING gin (search_key gin_trgm_ops);

CREATE TABLE model_campaign (
  model_id uuid NOT NULL REFERENCES model (id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL REFERENCES campaign (id),
  PRIMARY KEY (model_id, campaign_id)
);
CREATE INDEX model_campaign_campaign_idx ON model_campaign (campaign_id);

-- A unit that took the model up, and from when.
CREATE TABLE model_replication (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  model_id uuid NOT NULL REFERENCES model (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  started_on date NOT NULL,
  note text,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (model_id, unit_id)
);
CREATE INDEX model_replication_unit_idx ON model_replication (unit_id);

-- The model's timeline: every change of status, by whom, when, why.
CREATE TABLE model_status_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  model_id uuid NOT NULL REFERENCES model (id) ON DELETE CASCADE,
  -- NULL for the entry that records the model's creation.
  from_status text CHECK (from_status IN ('proposed', 'recognised', 'replicated', 'archived')),
  to_status text NOT NULL CHECK (to_status IN ('proposed', 'recognised', 'replicated', 'archived')),
  -- The day the step took effect (recognition date, first replication, archiving), and when it was recorded.
  effective_on date NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES app_user (id),
  note text,
  decision_id uuid REFERENCES commendation_decision (id) ON DELETE SET NULL
);
CREATE INDEX model_status_change_model_idx ON model_status_change (model_id, at);
