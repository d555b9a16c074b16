import type { ColumnType, Generated } from 'kysely';
import type { ModelIndicator, ModelPerson } from '../../../common/models';
import type { DateString, Timestamp } from './types';

/** jsonb read as parsed JSON by pg, written as a JSON string. */
type JsonArray<T> = ColumnType<T[], string | undefined, string>;

export interface ModelFieldTable {
  id: Generated<string>;
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: Generated<number>;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ModelTable {
  id: Generated<string>;
  title: string;
  kind: string;
  unit_id: string;
  people: JsonArray<ModelPerson>;
  field_id: string;
  theme_id: string | null;
  started_on: DateString;
  description: string | null;
  results: string | null;
  indicators: JsonArray<ModelIndicator>;
  status: Generated<string>;
  recognised_level: string | null;
  recognised_on: DateString | null;
  recognised_unit_id: string | null;
  recognised_decision_id: string | null;
  search_key: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ModelCampaignTable {
  model_id: string;
  campaign_id: string;
}

export interface ModelReplicationTable {
  id: Generated<string>;
  model_id: string;
  unit_id: string;
  started_on: DateString;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ModelStatusChangeTable {
  id: Generated<string>;
  model_id: string;
  from_status: string | null;
  to_status: string;
  effective_on: DateString;
  at: Timestamp;
  user_id: string | null;
  note: string | null;
  decision_id: string | null;
}

/** Tables of the models module (migrations 2026112910xx_*). */
export interface ModelTables {
  model_field: ModelFieldTable;
  model: ModelTable;
  model_campaign: ModelCampaignTable;
  model_replication: ModelReplicationTable;
  model_status_change: ModelStatusChangeTable;
}
