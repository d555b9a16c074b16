import type { Generated } from 'kysely';
import type { DateString, Timestamp } from './types';

export interface CommendationDecisionTable {
  id: Generated<string>;
  number: string;
  decision_date: DateString;
  system: string;
  issuer_name: string;
  issuer_unit_id: string | null;
  unit_id: string;
  level: string;
  form: string;
  type: string;
  campaign_id: string | null;
  achievement_from: DateString | null;
  achievement_to: DateString | null;
  signer: string | null;
  search_key: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommendationRecipientTable {
  id: Generated<string>;
  decision_id: string;
  recipient_type: string;
  name: string;
  unit_id: string;
  position: string | null;
  reason: string | null;
  search_key: string;
  /** Copies of the decision's fields, kept in step in the same transaction (migration 202611290900). */
  decision_date: DateString;
  level: string;
  campaign_id: string | null;
  sort_order: Generated<number>;
}

/** Tables of the commendations module (migrations 2026112909xx_*). */
export interface CommendationTables {
  commendation_decision: CommendationDecisionTable;
  commendation_recipient: CommendationRecipientTable;
}
