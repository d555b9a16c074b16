import type { Generated } from 'kysely';
import type { DateString, Timestamp } from './types';

export interface CampaignTable {
  id: Generated<string>;
  code: string;
  kind: string;
  title: string;
  issuing_body: string;
  issued_on: DateString;
  summary: string | null;
  scope_unit_id: string;
  search_key: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CampaignLinkTable {
  campaign_id: string;
  related_campaign_id: string;
  relation: string;
}

export interface StudyThemeTable {
  id: Generated<string>;
  campaign_id: string;
  code: string;
  title: string;
  description: string | null;
  period_start: DateString;
  period_end: DateString;
  scope_unit_id: string;
  search_key: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StoredFileTable {
  sha256: string;
  size_bytes: number;
  mime_type: string;
  created_at: Timestamp;
}

export interface DocumentTable {
  id: Generated<string>;
  sha256: string;
  entity_type: string;
  entity_id: string;
  unit_id: string;
  file_name: string;
  title: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

/** Tables of the campaigns module and of attached documents. */
export interface CampaignTables {
  campaign: CampaignTable;
  campaign_link: CampaignLinkTable;
  study_theme: StudyThemeTable;
  stored_file: StoredFileTable;
  document: DocumentTable;
}
