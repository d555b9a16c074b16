import type { Generated, GeneratedAlways } from 'kysely';
import type { Timestamp } from './types';

export interface ConferenceTable {
  id: Generated<string>;
  title: string;
  campaign_id: string | null;
  unit_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  mode: string;
  host_place: string | null;
  meeting_url: string | null;
  room_name: string;
  minutes: string | null;
  conclusions: string | null;
  news_text: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConferenceAgendaItemTable {
  id: Generated<string>;
  conference_id: string;
  position: number;
  starts_at: string | null;
  title: string;
  presenter: string | null;
  presenter_position: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConferenceRosterCategoryTable {
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

export interface ConferenceBridgeTable {
  id: Generated<string>;
  conference_id: string;
  unit_id: string;
  place: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  expected_attendance: Generated<number>;
  status: Generated<string>;
  status_at: Timestamp;
  problem_note: string | null;
  checked_in_count: Generated<number>;
  head_count: number | null;
  head_count_at: Timestamp | null;
  attendance_text: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConferenceBridgeStatusTable {
  id: Generated<string>;
  bridge_id: string;
  status: string;
  note: string | null;
  at: Timestamp;
  user_id: string | null;
}

export interface ConferenceAttendeeTable {
  id: Generated<string>;
  bridge_id: string;
  full_name: string;
  position: string | null;
  organisation: string | null;
  category_id: string | null;
  token: string;
  is_walk_in: Generated<boolean>;
  checked_in_at: Timestamp | null;
  checked_in_by: string | null;
  sort_order: Generated<number>;
  /** fold_vietnamese(name, position, organisation), computed by the database. */
  search_key: GeneratedAlways<string>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Tables of the conferences module (migrations 2026112913xx_*). */
export interface ConferenceTables {
  conference: ConferenceTable;
  conference_agenda_item: ConferenceAgendaItemTable;
  conference_roster_category: ConferenceRosterCategoryTable;
  conference_bridge: ConferenceBridgeTable;
  conference_bridge_status: ConferenceBridgeStatusTable;
  conference_attendee: ConferenceAttendeeTable;
}
