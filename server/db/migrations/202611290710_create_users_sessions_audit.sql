CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stored lower-case; sign-in is case-insensitive.
  username text NOT NULL UNIQUE CHECK (username = lower(username)),
  full_name text NOT NULL,
  -- The unit the account belongs to; managers manage the accounts of their subtree.
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  password_hash text NOT NULL,
  is_disabled boolean NOT NULL DEFAULT false,
  is_demo boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX app_user_unit_idx ON app_user (unit_id);

CREATE TABLE user_grant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  role text NOT NULL CHECK (role IN ('viewer', 'editor', 'manager', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, unit_id)
);
CREATE INDEX user_grant_unit_idx ON user_grant (unit_id);

-- Sessions live in the database so that several server processes can serve one user.
CREATE TABLE user_session (
  -- SHA-256 of the cookie token; the token itself is never stored.
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE login_failure (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_username_idx ON login_failure (username, at);
CREATE INDEX login_failure_ip_idx ON login_failure (ip, at);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES app_user (id),
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  -- The unit the record hangs under; a manager reads the entries of their subtree.
  unit_id uuid REFERENCES org_unit (id),
  summary text,
  before jsonb,
  after jsonb,
  request_id text,
  ip text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at DESC);
CREATE INDEX audit_log_unit_idx ON audit_log (unit_id, at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
