import type { Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';
import type { DateString, Json, Timestamp } from './tables/types';
import type { CampaignTables } from './tables/campaigns';
import type { CommendationTables } from './tables/commendations';
import type { ConferenceTables } from './tables/conferences';
import type { DashboardTables } from './tables/dashboard';
import type { MeetingTables } from './tables/meetings';
import type { InspectionTables } from './tables/inspections';
import type { ModelTables } from './tables/models';
import type { ReportTables } from './tables/reports';

export type { DateString, Json, Timestamp } from './tables/types';

export interface OrgUnitTable {
  id: Generated<string>;
  node: Generated<number>;
  code: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
  valid_from: DateString;
  valid_to: DateString | null;
  search_key: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgUnitNameTable {
  id: Generated<string>;
  unit_id: string;
  name: string;
  valid_from: DateString;
  valid_to: DateString | null;
}

export interface OrgEventTable {
  id: Generated<string>;
  kind: string;
  effective_date: DateString;
  legal_basis: string | null;
  note: string | null;
  created_at: Timestamp;
}

export interface OrgLineageTable {
  id: Generated<string>;
  event_id: string;
  from_unit_id: string;
  to_unit_id: string;
  is_partial: Generated<boolean>;
  is_primary: Generated<boolean>;
}

export interface AppSettingTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  unit_id: string;
  password_hash: string;
  is_disabled: Generated<boolean>;
  is_demo: Generated<boolean>;
  password_changed_at: Timestamp;
  /** fold_vietnamese(username || ' ' || full_name), computed by the database (migration 202611290730). */
  search_key: GeneratedAlways<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserGrantTable {
  id: Generated<string>;
  user_id: string;
  unit_id: string;
  role: string;
  created_at: Timestamp;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailureTable {
  id: Generated<string>;
  username: string;
  ip: string;
  at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: string | null;
  summary: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  ip: string | null;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Timestamp;
}

/**
 * Every table. Each domain keeps its tables' types in `tables/<domain>.ts`, so parallel work on two domains does not
 * edit one file.
 */
export interface DB
  extends
    CampaignTables,
    CommendationTables,
    ConferenceTables,
    DashboardTables,
    InspectionTables,
    MeetingTables,
    ModelTables,
    ReportTables {
  org_unit: OrgUnitTable;
  org_unit_name: OrgUnitNameTable;
  org_event: OrgEventTable;
  org_lineage: OrgLineageTable;
  app_setting: AppSettingTable;
  app_user: AppUserTable;
  user_grant: UserGrantTable;
  user_session: UserSessionTable;
  login_failure: LoginFailureTable;
  audit_log: AuditLogTable;
  schema_migration: SchemaMigrationTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
