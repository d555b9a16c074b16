-- Commendation decisions and their recipients (issue 3, "Commendations").
CREATE TABLE commendation_decision (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Number and symbol as printed: 123-QĐ/TU, 1436/QĐ-UBND.
  number text NOT NULL,
  decision_date date NOT NULL,
  system text NOT NULL CHECK (system IN ('party', 'state')),
  -- The issuing body as printed on the decision, kept even when the body no longer exists.
  issuer_name text NOT NULL,
  -- The issuing body when it is one of our units (a Huyện ủy, the Tỉnh ủy); NULL for UBND, Ban Tuyên giáo TW…
  issuer_unit_id uuid REFERENCES org_unit (id),
  -- The unit whose records these are: the issuer when it is ours, else chosen by the user. Access goes by this unit.
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  level text NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune', 'grassroots')),
  form text NOT NULL CHECK (form IN ('GIAY_KHEN', 'BANG_KHEN', 'CO_THI_DUA', 'BIEU_DUONG', 'KY_NIEM_CHUONG', 'HUAN_CHUONG', 'OTHER')),
  type text NOT NULL CHECK (type IN ('periodic', 'thematic', 'ad_hoc')),
  campaign_id uuid REFERENCES campaign (id),
  achievement_from date,
  achievement_to date,
  signer text,
  -- foldVietnamese(number || ' ' || issuer_name), written by the service.
  search_key text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (achievement_to IS NULL OR achievement_from IS NULL OR achievement_to >= achievement_from),
  -- Two bodies may print the same number on the same day (two provinces' 123-QĐ/TU); one body never does.
  CONSTRAINT commendation_decision_number_unique UNIQUE (number, decision_date, issuer_name)
);
CREATE INDEX commendation_decision_unit_idx ON commendation_decision (unit_id, decision_date);
CREATE INDEX commendation_decision_date_idx ON commendation_decision (decision_date);
CREATE INDEX commendation_decision_campaign_idx ON commendation_decision (campaign_id) WHERE campaign_id IS NOT NULL;

-- One collective or individual named in a decision. unit_id is the unit as it was on the decision date (the
-- collective itself, or the unit the person belonged to then), so figures stay attached to history.
CREATE TABLE commendation_recipient (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_id uuid NOT NULL REFERENCES commendation_decision (id) ON DELETE CASCADE,
  recipient_type text NOT NULL CHECK (recipient_type IN ('collective', 'individual')),
  name text NOT NULL,
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  position text,
  reason text,
  search_key text NOT NULL,
  -- Copies of the decision's date, level and campaign, written in the same transaction as the decision: the counts
  -- (level × recipient type over a subtree and a period) then read one table through one covering index instead of
  -- joining every recipient to its decision (measured in bench/commendations-import.ts).
  decision_date date NOT NULL,
  level text NOT NULL,
  campaign_id uuid,
  -- Order within the decision (as listed on the decision, or the file order of an import).
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX commendation_recipient_decision_idx ON commendation_recipient (decision_id, sort_order);
CREATE INDEX commendation_recipient_count_idx
  ON commendation_recipient (unit_id, decision_date) INCLUDE (level, recipient_type, campaign_id);
