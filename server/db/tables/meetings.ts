import type { Generated, GeneratedAlways } from 'kysely';
import type { DateString, Timestamp } from './types';

export interface CellMeetingTable {
  id: Generated<string>;
  unit_id: string;
  meeting_date: DateString;
  /** First day of the meeting's month, computed by the database (migration 202611291100). */
  meeting_month: GeneratedAlways<DateString>;
  type: string;
  theme_included: Generated<boolean>;
  theme_id: string | null;
  content_summary: string | null;
  conclusion: string | null;
  chair: string | null;
  secretary: string | null;
  members_on_roll: number;
  present: number;
  absent_reasons: string | null;
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Tables of the meetings module (migrations 2026112911xx_*). */
export interface MeetingTables {
  cell_meeting: CellMeetingTable;
}
