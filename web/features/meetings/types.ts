import type { MeetingType } from '../../../common/meetings';
import type { UnitRef } from '../auth/types';

export interface ThemeRef {
  id: string;
  code: string;
  title: string;
}

export interface MeetingSummary {
  id: string;
  unit: UnitRef;
  meetingDate: string;
  type: MeetingType;
  themeIncluded: boolean;
  theme: ThemeRef | null;
  membersOnRoll: number;
  present: number;
  absent: number;
  hasMinutes: boolean;
  version: number;
}

export interface MeetingDetail extends MeetingSummary {
  contentSummary: string | null;
  conclusion: string | null;
  chair: string | null;
  secretary: string | null;
  absentReasons: string | null;
  createdAt: string;
  updatedAt: string;
  abilities: { canEdit: boolean; canDelete: boolean };
}

export interface MeetingInput {
  unitId: string;
  meetingDate: string;
  type: MeetingType;
  themeIncluded: boolean;
  themeId?: string | null;
  contentSummary?: string | null;
  conclusion?: string | null;
  chair?: string | null;
  secretary?: string | null;
  membersOnRoll: number;
  present: number;
  absentReasons?: string | null;
}

export interface MeetingFilters {
  unit?: string;
  from?: string;
  to?: string;
  type?: MeetingType;
  themeIncluded?: 'true' | 'false';
}

export interface MeetingForm {
  date: string;
  cells: (UnitRef & { parentName: string | null })[];
  cell: UnitRef | null;
  themes: ThemeRef[];
  lastMembersOnRoll: number | null;
  regularThisMonth: { id: string; meetingDate: string } | null;
}

export interface GridMeeting {
  id: string;
  version: number;
  meetingDate: string;
  themeIncluded: boolean;
  present: number;
  membersOnRoll: number;
  hasDetails: boolean;
}

export interface GridRow {
  cell: UnitRef;
  validFrom: string;
  validTo: string | null;
  canEdit: boolean;
  months: { month: string; isOpen: boolean; meeting: GridMeeting | null }[];
}

export interface Grid {
  unit: UnitRef;
  year: number;
  months: string[];
  rows: GridRow[];
}

export interface GridMonthInput {
  month: string;
  held: boolean;
  themeIncluded: boolean;
  present: number | null;
  membersOnRoll: number | null;
  version?: number | null;
}

export interface MeetingFigures {
  cellsExpected: number;
  cellMonthsExpected: number;
  cellMonthsHeld: number;
  heldShare: number | null;
  cellMonthsThemeIncluded: number;
  themeShare: number | null;
  thematicMeetings: number;
  present: number;
  membersOnRoll: number;
  attendanceRate: number | null;
}

export interface MeetingStats {
  unit: UnitRef;
  from: string;
  to: string;
  campaign: { id: string; code: string } | null;
  totals: MeetingFigures;
  children: { unit: UnitRef; figures: MeetingFigures }[];
  direct: MeetingFigures | null;
  months: { month: string; figures: MeetingFigures }[];
  notMet: {
    total: number;
    items: {
      unit: UnitRef;
      parentName: string | null;
      monthsExpected: number;
      monthsHeld: number;
      missingMonths: string[];
      lastMeetingDate: string | null;
    }[];
  };
}

export interface ImportMeetingsResult {
  dryRun: boolean;
  meetings: number;
  regular: number;
  thematic: number;
  themeIncluded: number;
  cells: number;
  from: string | null;
  to: string | null;
}
