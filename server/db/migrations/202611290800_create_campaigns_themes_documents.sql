-- Campaigns (directives, resolutions, conclusions, plans) and their study themes; documents attached to records.
CREATE TABLE campaign (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- As printed: 05-CT/TW, 01-KL/TW, 04-NQ/TW, 123-KH/TU.
  code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('directive', 'resolution', 'conclusion', 'plan', 'guidance', 'regulation', 'other')),
  title text NOT NULL,
  issuing_body text NOT NULL,
  issued_on date NOT NULL,
  summary text,
  -- The unit whose subtree the campaign covers: TW for a national directive, 96 for a provincial plan.
  scope_unit_id uuid NOT NULL REFERENCES org_unit (id),
  search_key text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_scope_idx ON campaign (scope_unit_id);

-- KL 01 continues CT 05; CT 05 is carried out together with NQ TW4 khóa XII.
CREATE TABLE campaign_link (
  campaign_id uuid NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  related_campaign_id uuid NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  relation text NOT NULL CHECK (relation IN ('continues', 'implemented_with', 'implements', 'related')),
  PRIMARY KEY (campaign_id, related_campaign_id),
  CHECK (campaign_id <> related_campaign_id)
);

CREATE TABLE study_theme (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaign (id),
  -- 05-CT/TW-2019
  code text NOT NULL UNIQUE,
  title text NOT NULL,
  description text,
  -- A year (2019-01-01 … 2019-12-31) or a term (2021-01-01 … 2025-12-31).
  period_start date NOT NULL,
  period_end date NOT NULL,
  -- National (TW), provincial, or a unit's own sub-theme.
  scope_unit_id uuid NOT NULL REFERENCES org_unit (id),
  search_key text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end >= period_start)
);
CREATE INDEX study_theme_campaign_idx ON study_theme (campaign_id, period_start);
CREATE INDEX study_theme_scope_idx ON study_theme (scope_unit_id);

-- A file stored once by its content hash under DATA_DIR/files; many records may link to it.
CREATE TABLE stored_file (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  mime_type text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A document attached to a record (campaign, theme, decision, model…). Access follows the record's unit.
CREATE TABLE document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sha256 text NOT NULL REFERENCES stored_file (sha256),
  entity_type text NOT NULL,
  entity_id uuid NOT NULL,
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  file_name text NOT NULL,
  title text,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_entity_idx ON document (entity_type, entity_id);
CREATE INDEX document_sha_idx ON document (sha256);
